package org.zkplatform.dist.cli;

import org.zkplatform.dist.cli.client.ConnectionException;
import org.zkplatform.dist.cli.client.KeeperException;
import org.zkplatform.dist.cli.client.ZkException;
import org.zkplatform.zab.proto.KeeperError;

/**
 * A failed request as one line, in zkCli's words where zkCli has some ({@code Node does not
 * exist: /a}, {@code version No is not valid : /a}), else as Apache ZooKeeper's
 * {@code KeeperException} says it ({@code KeeperErrorCode = Session expired for /a}).
 */
final class ErrorText {

    private ErrorText() {
    }

    static CliException of(ZkException e) {
        if (e instanceof ConnectionException) {
            return new CliException(CliExit.CONNECTION, e.getMessage());
        }
        KeeperException k = (KeeperException) e;
        String path = k.path().orElse(null);
        CliExit exit = k.code() == KeeperError.SESSION_EXPIRED ? CliExit.CONNECTION : CliExit.FAILED;
        return new CliException(exit, message(k.code(), path));
    }

    static String message(KeeperError code, String path) {
        switch (code) {
            case NO_NODE: return "Node does not exist: " + path;
            case NO_CHILDREN_FOR_EPHEMERALS: return "Ephemerals cannot have children: " + path;
            case NODE_EXISTS: return "Node already exists: " + path;
            case NOT_EMPTY: return "Node not empty: " + path;
            case NOT_READ_ONLY: return "Not a read-only call: " + path;
            case INVALID_ACL: return "Acl is not valid : " + path;
            case NO_AUTH: return "Insufficient permission : " + path;
            case BAD_ARGUMENTS: return "Arguments are not valid : " + path;
            case BAD_VERSION: return "version No is not valid : " + path;
            case QUOTA_EXCEEDED: return "Quota has exceeded : " + path;
            case RECONFIG_IN_PROGRESS: return "Another reconfiguration is in progress -- concurrent reconfigs not supported (yet)";
            // Apache ZooKeeper's words, typo and all.
            case NEW_CONFIG_NO_QUORUM: return "No quorum of new config is connected and up-to-date with the leader of last"
                    + " commmitted config - try invoking reconfiguration after new servers are connected and synced";
            default: return "KeeperErrorCode = " + codeMessage(code) + (path == null ? "" : " for " + path);
        }
    }

    /** Apache ZooKeeper's name for each code. */
    private static String codeMessage(KeeperError code) {
        switch (code) {
            case OK: return "ok";
            case SYSTEM_ERROR: return "SystemError";
            case RUNTIME_INCONSISTENCY: return "RuntimeInconsistency";
            case DATA_INCONSISTENCY: return "DataInconsistency";
            case CONNECTION_LOSS: return "ConnectionLoss";
            case MARSHALLING_ERROR: return "MarshallingError";
            case UNIMPLEMENTED: return "Unimplemented";
            case OPERATION_TIMEOUT: return "OperationTimeout";
            case BAD_ARGUMENTS: return "BadArguments";
            case UNKNOWN_SESSION: return "Unknown session";
            case NEW_CONFIG_NO_QUORUM: return "NewConfigNoQuorum";
            case RECONFIG_IN_PROGRESS: return "ReconfigInProgress";
            case API_ERROR: return "APIError";
            case NO_NODE: return "NoNode";
            case NO_AUTH: return "NoAuth";
            case BAD_VERSION: return "BadVersion";
            case NO_CHILDREN_FOR_EPHEMERALS: return "NoChildrenForEphemerals";
            case NODE_EXISTS: return "NodeExists";
            case NOT_EMPTY: return "Directory not empty";
            case SESSION_EXPIRED: return "Session expired";
            case INVALID_CALLBACK: return "Invalid callback";
            case INVALID_ACL: return "InvalidACL";
            case AUTH_FAILED: return "AuthFailed";
            case SESSION_MOVED: return "Session moved";
            case NOT_READ_ONLY: return "Not a read-only call";
            case EPHEMERAL_ON_LOCAL_SESSION: return "Ephemeral node on local session";
            case NO_WATCHER: return "No such watcher";
            case REQUEST_TIMEOUT: return "Request timeout";
            case RECONFIG_DISABLED: return "Reconfig is disabled";
            case SESSION_CLOSED_REQUIRE_SASL_AUTH: return "Session closed because client failed to authenticate";
            case QUOTA_EXCEEDED: return "Quota has exceeded";
            case THROTTLED: return "Op throttled due to high load";
            default: return code.name();
        }
    }
}
