package org.zkplatform.dist.cli;

import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Perms;

/**
 * ACLs as zkCli writes them: {@code scheme:id:perms} entries separated by commas, perms a
 * string of {@code cdrwa}. The id is everything between the first and the last colon, so
 * {@code digest:alice:HASH:cdrwa} and {@code ip:10.0.0.1:r} both work.
 */
final class AclSyntax {

    /** world:anyone:cdrwa, what zkCli gives a node created without an ACL. */
    static final List<Acl> OPEN = List.of(new Acl(Perms.ALL, new Id("world", "anyone")));

    private AclSyntax() {
    }

    /**
     * Parses an ACL list. Unlike zkCli, which skips a malformed entry with a warning and
     * ignores unknown permission letters, a mistake here fails the command: an ACL that is
     * not what was typed is worse than none.
     */
    static List<Acl> parse(String text) throws CliException {
        List<Acl> acl = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            if (first < 0 || first == last) {
                throw CliException.usage("'" + entry + "' does not have the form scheme:id:perm");
            }
            String scheme = entry.substring(0, first);
            if (scheme.isEmpty()) {
                throw CliException.usage("'" + entry + "' has no scheme");
            }
            acl.add(new Acl(perms(entry.substring(last + 1), entry), new Id(scheme, entry.substring(first + 1, last))));
        }
        return List.copyOf(acl);
    }

    private static int perms(String letters, String entry) throws CliException {
        int perms = 0;
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'c': perms |= Perms.CREATE; break;
                case 'd': perms |= Perms.DELETE; break;
                case 'r': perms |= Perms.READ; break;
                case 'w': perms |= Perms.WRITE; break;
                case 'a': perms |= Perms.ADMIN; break;
                default:
                    throw CliException.usage("unknown permission '" + c + "' in '" + entry + "': use any of cdrwa");
            }
        }
        return perms;
    }

    /** The permission letters in zkCli's order, {@code cdrwa}. */
    static String perms(int perms) {
        StringBuilder letters = new StringBuilder(5);
        if ((perms & Perms.CREATE) != 0) {
            letters.append('c');
        }
        if ((perms & Perms.DELETE) != 0) {
            letters.append('d');
        }
        if ((perms & Perms.READ) != 0) {
            letters.append('r');
        }
        if ((perms & Perms.WRITE) != 0) {
            letters.append('w');
        }
        if ((perms & Perms.ADMIN) != 0) {
            letters.append('a');
        }
        return letters.toString();
    }

    /**
     * One entry as zkCli's getAcl prints it: the id in jute's CSV form, which ends in a line
     * break, then {@code ": "} and the perms, as in {@code 'world,'anyone} / {@code : cdrwa}.
     * Scripts parse this output, so it keeps zkCli's shape, odd as it is.
     */
    static String format(Acl acl) {
        return csv(acl.id().scheme()) + "," + csv(acl.id().id()) + "\n: " + perms(acl.perms());
    }

    /** A string as jute's CSV writer escapes it. */
    private static String csv(String s) {
        StringBuilder out = new StringBuilder(s.length() + 1).append('\'');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\0': out.append("%00"); break;
                case '\n': out.append("%0A"); break;
                case '\r': out.append("%0D"); break;
                case ',': out.append("%2C"); break;
                case '}': out.append("%7D"); break;
                case '%': out.append("%25"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
