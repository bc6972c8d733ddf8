package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.cli.CliWrapperException;
import org.junit.jupiter.api.Test;
import org.zkplatform.dist.cli.client.ConnectionException;
import org.zkplatform.zab.proto.KeeperError;

class ErrorTextTest {

    @Test
    void saysWhatZkCliSaysForEveryErrorCode() {
        for (KeeperError code : KeeperError.values()) {
            // Apache ZooKeeper 3.9's client makes no exception of UNKNOWN_SESSION, and calls
            // REQUEST_TIMEOUT "Unknown error REQUESTTIMEOUT"; we say "Request timeout".
            if (code == KeeperError.OK || code == KeeperError.UNKNOWN_SESSION || code == KeeperError.REQUEST_TIMEOUT) {
                continue;
            }
            for (String path : new String[] {"/a/b", null}) {
                KeeperException apache = KeeperException.create(KeeperException.Code.get(code.code()), path);
                String zkCli = new CliWrapperException(apache).getMessage();

                assertEquals(zkCli, ErrorText.message(code, path), code + " " + path);
            }
        }
    }

    @Test
    void refusalsExitWithOneAndLostConnectionsOrSessionsWithThree() {
        assertEquals(CliExit.FAILED, ErrorText.of(new org.zkplatform.dist.cli.client.KeeperException(KeeperError.NO_NODE,
                "/x")).exit());
        assertEquals(CliExit.CONNECTION, ErrorText.of(new org.zkplatform.dist.cli.client.KeeperException(
                KeeperError.SESSION_EXPIRED, "/x")).exit());
        CliException lost = ErrorText.of(new ConnectionException("Cannot connect to h:1: Connection refused"));
        assertEquals(CliExit.CONNECTION, lost.exit());
        assertEquals("Cannot connect to h:1: Connection refused", lost.getMessage());
    }
}
