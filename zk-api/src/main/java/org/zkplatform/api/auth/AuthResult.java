package org.zkplatform.api.auth;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link Authenticator#authenticate}. */
public sealed interface AuthResult {

    /** Authenticated: the connection gains {@code ids}. */
    record Success(List<Id> ids) implements AuthResult {
        public Success {
            ids = List.copyOf(Objects.requireNonNull(ids, "ids is null"));
        }
    }

    /** Refused, for the reason given (logged by the server, never sent to the client). */
    record Failure(String reason) implements AuthResult {
        public Failure {
            Objects.requireNonNull(reason, "reason is null");
        }
    }

    static AuthResult success(Id... ids) {
        return new Success(List.of(ids));
    }

    static AuthResult failure(String reason) {
        return new Failure(reason);
    }
}
