package org.zkplatform.zab.proto;

import java.io.IOException;

/**
 * Bytes that do not decode as the expected record: truncated, or holding a length or count
 * that cannot be right. The server answers such a request with MarshallingError or drops the
 * connection; it never trusts the bytes any further.
 */
public class JuteException extends IOException {

    private static final long serialVersionUID = 1L;

    public JuteException(String message) {
        super(message);
    }
}
