package org.zkplatform.api.auth;

import java.util.Objects;

/** An identity in ZooKeeper's form: a scheme and an id within it ({@code digest}, {@code alice:HASH}). */
public record Id(String scheme, String id) {

    public Id {
        Objects.requireNonNull(scheme, "scheme is null");
        Objects.requireNonNull(id, "id is null");
    }

    @Override
    public String toString() {
        return scheme + ":" + id;
    }
}
