package org.zkplatform.zab.server;

import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;

/**
 * The answer to a request: an error code, and a body when it succeeded.
 *
 * @param body the response record; null for an error or an op without a response body
 */
record Reply(KeeperError error, JuteRecord body) {

    static final Reply OK_EMPTY = new Reply(KeeperError.OK, null);

    static Reply ok(JuteRecord body) {
        return new Reply(KeeperError.OK, body);
    }

    static Reply error(KeeperError error) {
        return new Reply(error, null);
    }
}
