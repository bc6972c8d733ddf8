package org.zkplatform.zab.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A command's answer in the shape of ZooKeeper's AdminServer: the command's primary name, an
 * error or null, and the fields (values are strings, numbers, booleans, null, lists and maps with
 * string keys, so any JSON writer can render them).
 *
 * @param command the name asked for, or the primary name of the command run
 */
public record CommandResult(String command, Status status, String error, Map<String, Object> fields) {

    /** How it went; the HTTP layer turns these into status codes. */
    public enum Status { OK, UNKNOWN_COMMAND, NOT_SERVING, FAILED }

    public CommandResult {
        Objects.requireNonNull(command, "command is null");
        Objects.requireNonNull(status, "status is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static CommandResult ok(AdminCommand command, Map<String, Object> fields) {
        return new CommandResult(command.primaryName(), Status.OK, null, fields);
    }

    public static CommandResult failed(String command, Status status, String error) {
        return new CommandResult(command, status, error, Map.of());
    }
}
