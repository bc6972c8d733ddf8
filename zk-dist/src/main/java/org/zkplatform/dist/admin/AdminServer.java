package org.zkplatform.dist.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.ZkServer;
import org.zkplatform.zab.admin.AdminCommand;
import org.zkplatform.zab.admin.CommandResult;
import org.zkplatform.zab.admin.Readiness;

/**
 * The admin HTTP endpoint, off the client port, on the JDK's own HTTP server:
 * {@code /commands} and {@code /commands/<name>} (ZooKeeper's AdminServer commands, as JSON),
 * {@code /health} and {@code /ready} (probes for orchestrators) and {@code /metrics} (Prometheus
 * text). It reads the server only through {@link ZkServer}'s futures, which the driver thread
 * completes, and waits for them a bounded time.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String JSON = "application/json; charset=utf-8";
    /**
     * Two threads serve probes and scrapes, with a bounded queue; past it the HTTP server's own
     * dispatcher thread answers, which slows accepting instead of piling requests up or dropping
     * connections unanswered.
     */
    private static final int THREADS = 2;
    private static final int QUEUE = 64;

    private final AdminConfig config;
    private final ZkServer server;
    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter textFormat = PrometheusTextFormatWriter.create();

    /**
     * Binds the port now, before the database is loaded, so a port in use is reported at once;
     * serves from {@link #start()}.
     */
    public AdminServer(AdminConfig config, ZkServer server, Optional<JvmPauseMonitor> pauses)
            throws TransportException {
        this.config = config;
        this.server = server;
        InetSocketAddress address = new InetSocketAddress(config.address().getHostString(), config.address().getPort());
        if (address.isUnresolved()) {
            throw new TransportException("unknown host " + address.getHostString()
                    + " (zk.admin.address)");
        }
        try {
            this.http = HttpServer.create(address, 0);
        } catch (java.net.BindException e) {
            throw new TransportException("port " + address.getPort() + " on "
                    + address.getHostString() + " is already in use (choose another with zk.admin.port, or turn "
                    + "the endpoint off with zk.admin.enabled = false)", e);
        } catch (IOException e) {
            throw new TransportException("cannot listen on " + address.getHostString() + ":"
                    + address.getPort() + " (zk.admin.port): " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "zk-admin-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        registry.register(new ServerCollector(server, pauses, config.commandTimeout()));
        JvmMetrics.builder().register(registry);
    }

    /** Where it listens; the real port when port 0 was configured. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    public void start() {
        http.start();
        InetSocketAddress bound = address();
        LOG.info("Admin endpoint on http://{}:{}/ (commands, health, ready, metrics)", bound.getHostString(),
                bound.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method) && !"POST".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                respond(exchange, 405, JSON, Json.write(error("method " + method + " not allowed")));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            LOG.debug("Admin request {} {} from {}", method, path, exchange.getRemoteAddress());
            if (path.equals("/commands") || path.equals("/commands/")) {
                respond(exchange, 200, JSON, Json.write(commandList()));
            } else if (path.startsWith("/commands/")) {
                command(exchange, path.substring("/commands/".length()));
            } else if (path.equals("/health")) {
                health(exchange);
            } else if (path.equals("/ready")) {
                ready(exchange);
            } else if (path.equals("/metrics")) {
                metrics(exchange);
            } else {
                respond(exchange, 404, JSON, Json.write(error("no such path " + path
                        + "; try /commands, /health, /ready or /metrics")));
            }
        } catch (RuntimeException e) {
            LOG.warn("Admin request {} failed: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private static Map<String, Object> commandList() {
        List<Object> commands = new ArrayList<>();
        for (AdminCommand command : AdminCommand.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", command.primaryName());
            entry.put("aliases", command.names().subList(1, command.names().size()));
            entry.put("url", "/commands/" + command.primaryName());
            commands.add(entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commands", commands);
        return out;
    }

    private void command(HttpExchange exchange, String name) throws IOException {
        Awaited<CommandResult> answered = await(server.command(name));
        if (answered.value() == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("command", name);
            body.put("error", answered.failure());
            respond(exchange, 503, JSON, Json.write(body));
            return;
        }
        CommandResult result = answered.value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command", result.command());
        body.put("error", result.error());
        body.putAll(result.fields());
        int status = switch (result.status()) {
            case OK -> 200;
            case UNKNOWN_COMMAND -> 404;
            case NOT_SERVING -> 503;
            case FAILED -> 500;
        };
        respond(exchange, status, JSON, Json.write(body));
    }

    /** Up as long as the process runs and the server has not failed; says nothing of the ensemble. */
    private void health(HttpExchange exchange) throws IOException {
        boolean failed = server.failure().isDone();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failed ? "failed" : "up");
        respond(exchange, failed ? 503 : 200, JSON, Json.write(body));
    }

    /** Ready when it serves clients: standalone and running, or in an ensemble with a leader and in sync. */
    private void ready(HttpExchange exchange) throws IOException {
        Awaited<Readiness> readiness = await(server.readiness());
        Map<String, Object> body = new LinkedHashMap<>();
        if (readiness.value() == null) {
            body.put("ready", false);
            body.put("state", "unknown");
            body.put("reason", readiness.failure());
            respond(exchange, 503, JSON, Json.write(body));
            return;
        }
        Readiness r = readiness.value();
        body.put("ready", r.ready());
        body.put("state", r.state());
        body.put("reason", r.reason());
        respond(exchange, r.ready() ? 200 : 503, JSON, Json.write(body));
    }

    private void metrics(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(16 * 1024);
        textFormat.write(text, registry.scrape());
        respond(exchange, 200, textFormat.getContentType(), text.toByteArray());
    }

    /** What the driver thread answered, or why there is no answer. */
    private record Awaited<T>(T value, String failure) {
    }

    private <T> Awaited<T> await(CompletableFuture<T> future) {
        try {
            return new Awaited<>(future.get(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(false);
            return new Awaited<>(null, "the server core did not answer within " + config.commandTimeout().toMillis()
                    + " ms");
        } catch (ExecutionException e) {
            LOG.warn("An admin request failed in the server core: {}", e.getCause().toString());
            return new Awaited<>(null, "the server core failed to answer: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Awaited<>(null, "interrupted");
        }
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
