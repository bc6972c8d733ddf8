package org.zkplatform.dist.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A bounded HTTP request for tests, on {@link HttpURLConnection} (java.base: the launcher's
 * module, which tests are patched into, does not read java.net.http).
 */
public final class Http {

    /** A response: status, Content-Type and body. */
    public record Response(int status, String contentType, String body) {
    }

    private Http() {
    }

    public static Response get(String url) throws IOException {
        return request("GET", url);
    }

    public static Response request(String method, String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(15_000);
        try {
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, String.valueOf(connection.getContentType()), body);
        } finally {
            connection.disconnect();
        }
    }
}
