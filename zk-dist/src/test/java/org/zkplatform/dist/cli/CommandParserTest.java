package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.Id;
import org.zkplatform.dist.cli.client.HostPort;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CreateMode;
import org.zkplatform.zab.proto.Perms;

class CommandParserTest {

    @Test
    void lsTakesItsFlagsInAnyOrderBeforeThePath() throws Exception {
        assertEquals(new NodeCommands.Ls("/a", false, false, false), parse("ls /a"));
        assertEquals(new NodeCommands.Ls("/a", true, true, true), parse("ls -R -w -s /a"));
    }

    @Test
    void getAndStatTakeWatchAndStatFlags() throws Exception {
        assertEquals(new NodeCommands.Get("/a", true, true), parse("get -s -w /a"));
        assertEquals(new NodeCommands.StatNode("/a", true), parse("stat -w /a"));
    }

    @Test
    void setTakesAVersionAndDataThatMayStartWithADash() throws Exception {
        assertEquals(new NodeCommands.SetData("/a", "x y", -1, false), parse("set /a 'x y'"));
        assertEquals(new NodeCommands.SetData("/a", "-1", 3, true), parse("set -s -v 3 /a -1"));
        assertEquals(new NodeCommands.SetData("/a", "-v", -1, false), parse("set -- /a -v"));
    }

    @Test
    void createPicksTheModeFromItsFlags() throws Exception {
        assertEquals(new NodeCommands.Create("/a", null, AclSyntax.OPEN, CreateMode.PERSISTENT, 0), parse("create /a"));
        assertEquals(CreateMode.EPHEMERAL, ((NodeCommands.Create) parse("create -e /a")).mode());
        assertEquals(CreateMode.PERSISTENT_SEQUENTIAL, ((NodeCommands.Create) parse("create -s /a")).mode());
        assertEquals(CreateMode.EPHEMERAL_SEQUENTIAL, ((NodeCommands.Create) parse("create -e -s /a")).mode());
        assertEquals(CreateMode.CONTAINER, ((NodeCommands.Create) parse("create -c /a")).mode());
        assertEquals(new NodeCommands.Create("/a", "d", AclSyntax.OPEN, CreateMode.PERSISTENT_WITH_TTL, 500),
                parse("create -t 500 /a d"));
        assertEquals(CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, ((NodeCommands.Create) parse("create -s -t 9 /a")).mode());
    }

    @Test
    void createTakesDataAndAnAcl() throws Exception {
        assertEquals(new NodeCommands.Create("/a", "", List.of(new Acl(Perms.READ | Perms.ADMIN, new Id("digest", "u:h"))),
                CreateMode.PERSISTENT, 0), parse("create /a \"\" digest:u:h:ra"));
    }

    @Test
    void aSequentialNodeMayEndInASlash() throws Exception {
        assertEquals("/q/", ((NodeCommands.Create) parse("create -s /q/")).path());
        assertUsage("Path must not end with / character", "create /q/");
    }

    @Test
    void createRefusesFlagsThatDoNotGoTogether() {
        assertUsage("-c cannot be combined with -s or -e: containers cannot be ephemeral or sequential; usage: "
                + "create [-s] [-e] [-c] [-t ttl] path [data] [acl]", "create -c -s /a");
        assertUsage("TTLs cannot be used with ephemeral znodes; usage: create [-s] [-e] [-c] [-t ttl] path [data] [acl]",
                "create -e -t 10 /a");
        assertUsage("TTLs cannot be used with container znodes; usage: create [-s] [-e] [-c] [-t ttl] path [data] [acl]",
                "create -c -t 10 /a");
        assertUsage("-t needs a positive number of milliseconds, got 'soon'; usage: "
                + "create [-s] [-e] [-c] [-t ttl] path [data] [acl]", "create -t soon /a");
    }

    @Test
    void deleteAndSetAclTakeVersions() throws Exception {
        assertEquals(new NodeCommands.Delete("/a", 4), parse("delete -v 4 /a"));
        assertEquals(new NodeCommands.DeleteAll("/a"), parse("deleteall /a"));
        assertEquals(new AclCommands.SetAcl("/a", List.of(new Acl(Perms.ALL, new Id("world", "anyone"))), 2, true, true),
                parse("setAcl -R -s -v 2 /a world:anyone:cdrwa"));
        assertUsage("-v needs a number, got 'x'; usage: delete [-v version] path", "delete -v x /a");
    }

    @Test
    void sessionCommandsParse() throws Exception {
        assertEquals(new AclCommands.GetAcl("/a", true), parse("getAcl -s /a"));
        assertEquals(new AclCommands.AddAuth("digest", "u:p"), parse("addauth digest u:p"));
        assertEquals(new SessionCommands.Sync("/"), parse("sync /"));
        assertEquals(new SessionCommands.Config(false, false), parse("config"));
        assertEquals(new SessionCommands.WhoAmI(), parse("whoami"));
        assertEquals(new SessionCommands.AskWord("mntr"), parse("mntr"));
        assertEquals(new SessionCommands.Connect(List.of(new HostPort("h", 1), new HostPort("g", 2))),
                parse("connect h:1,g:2"));
        assertEquals(new SessionCommands.Connect(List.of()), parse("connect"));
        assertEquals(new ShellCommands.PrintWatches(false), parse("printwatches off"));
    }

    @Test
    void mistakesAreOneLineWithTheUsage() {
        assertUsage("Unknown command: frobnicate; type help for the list", "frobnicate");
        assertUsage("Unknown command: getacl (did you mean getAcl?); type help for the list", "getacl /a");
        assertUsage("Unknown command: stat4; type help for the list", "stat4");
        assertUsage("unknown option -x; usage: ls [-s] [-w] [-R] path", "ls -x /");
        assertUsage("missing arguments; usage: get [-s] [-w] path", "get");
        assertUsage("too few arguments; usage: set [-s] [-v version] path data", "set /a");
        assertUsage("too many arguments; usage: delete [-v version] path", "delete /a /b");
        assertUsage("option -v needs a value; usage: delete [-v version] path", "delete -v");
        assertUsage("Path must start with / character", "ls a");
        assertUsage("'world' does not have the form scheme:id:perm", "setAcl /a world");
        assertUsage("expected on or off, got 'maybe'; usage: printwatches [on|off]", "printwatches maybe");
        assertUsage("bad server address 'h:x': port is not a number: 'x'; usage: connect [host:port[,host:port...]]",
                "connect h:x");
    }

    @Test
    void helpListsEveryCommandOnce() {
        String help = CommandParser.help();

        for (String usage : List.of("ls [-s] [-w] [-R] path", "get [-s] [-w] path", "set [-s] [-v version] path data",
                "create [-s] [-e] [-c] [-t ttl] path [data] [acl]", "delete [-v version] path", "deleteall path",
                "stat [-w] path", "getAcl [-s] path", "setAcl [-s] [-v version] [-R] path acl", "addauth scheme auth",
                "sync path", "config [-s] [-w]", "whoami", "connect [host:port[,host:port...]]", "close", "history",
                "help", "quit")) {
            assertTrue(help.contains("\t" + usage + "\n"), usage + " missing from\n" + help);
        }
        assertTrue(help.contains("mntr|ruok|srst|srvr"), help);
    }

    private static Command parse(String line) throws CliException {
        return CommandParser.parse(LineSplitter.split(line));
    }

    private static void assertUsage(String message, String line) {
        CliException e = assertThrows(CliException.class, () -> parse(line), line);
        assertEquals(CliExit.USAGE, e.exit(), line);
        assertEquals(message, e.getMessage(), line);
    }
}
