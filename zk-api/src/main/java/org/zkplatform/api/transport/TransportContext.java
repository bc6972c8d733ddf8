package org.zkplatform.api.transport;

import java.util.Objects;
import org.zkplatform.api.time.Clock;

/**
 * What the server tells a transport it creates.
 *
 * @param purpose what the transport carries, for thread names and logs: {@code "client"}
 *     for the client port, {@code "quorum"} for server-to-server traffic
 * @param clock the server's clock
 */
public record TransportContext(String purpose, Clock clock) {

    public TransportContext {
        Objects.requireNonNull(purpose, "purpose is null");
        Objects.requireNonNull(clock, "clock is null");
    }
}
