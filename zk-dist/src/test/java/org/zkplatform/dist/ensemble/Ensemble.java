package org.zkplatform.dist.ensemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zkplatform.dist.it.Dist;

/**
 * An ensemble of packaged servers on loopback, each a process started from a plain Apache
 * ZooKeeper {@code zoo.cfg} through {@code bin/zk-server}, on ports picked free; or, member by
 * member, Apache ZooKeeper's own server on the same zoo.cfg and data dir ({@link MemberKind}).
 * Servers are stopped by pid; every wait is bounded.
 */
final class Ensemble implements AutoCloseable {

    static final int TICK_MS = 400;
    private static final Pattern MODE = Pattern.compile("(?m)^Mode: (\\w+)$");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /** One configured server. */
    record Member(int id, int clientPort, int quorumPort, int electionPort, int adminPort, boolean observer,
                  Path config, Path data) {
    }

    private final Dist dist;
    private final Path logDir;
    private final List<Member> members = new ArrayList<>();
    /** Each member's zoo.cfg without its extra lines, for {@link #reconfigure}. */
    private final Map<Integer, List<String>> baseLines = new HashMap<>();
    private final Map<Integer, Long> pids = new HashMap<>();
    private final Map<Integer, MemberKind> kinds = new HashMap<>();

    /**
     * @param participants voting servers, ids 1..participants
     * @param observers observers, numbered after the participants
     * @param extra lines added to every zoo.cfg
     */
    Ensemble(Path dir, int participants, int observers, String... extra) throws IOException {
        this(dir, participants, observers, id -> List.of(extra));
    }

    /**
     * @param participants voting servers, ids 1..participants
     * @param observers observers, numbered after the participants
     * @param extraById lines added to the zoo.cfg of each server, by id (its own certificates, say)
     */
    Ensemble(Path dir, int participants, int observers, IntFunction<List<String>> extraById) throws IOException {
        this.logDir = Files.createDirectories(dir.resolve("logs"));
        this.dist = new Dist(Dist.builtDir(), logDir);
        int total = participants + observers;
        List<String> serverLines = new ArrayList<>();
        List<int[]> ports = new ArrayList<>();
        for (int id = 1; id <= total; id++) {
            int[] p = {Dist.freePort(), Dist.freePort(), Dist.freePort(), Dist.freePort()};
            ports.add(p);
            serverLines.add("server." + id + "=127.0.0.1:" + p[1] + ":" + p[2] + (id > participants ? ":observer" : ""));
        }
        for (int id = 1; id <= total; id++) {
            Path data = Files.createDirectories(dir.resolve("data" + id));
            Files.writeString(data.resolve("myid"), id + "\n");
            boolean observer = id > participants;
            List<String> lines = new ArrayList<>(List.of(
                    "tickTime=" + TICK_MS, "initLimit=10", "syncLimit=5",
                    "dataDir=" + data, "clientPort=" + ports.get(id - 1)[0], "clientPortAddress=127.0.0.1",
                    "4lw.commands.whitelist=*", "maxSessionTimeout=60000",
                    "admin.serverAddress=127.0.0.1", "admin.serverPort=" + ports.get(id - 1)[3]));
            if (observer) {
                lines.add("peerType=observer");
            }
            lines.addAll(serverLines);
            baseLines.put(id, List.copyOf(lines));
            lines.addAll(extraById.apply(id));
            Path config = Files.writeString(dir.resolve("zoo" + id + ".cfg"), String.join("\n", lines) + "\n");
            members.add(new Member(id, ports.get(id - 1)[0], ports.get(id - 1)[1], ports.get(id - 1)[2],
                    ports.get(id - 1)[3], observer, config, data));
        }
    }

    List<Member> members() {
        return members;
    }

    Member member(int id) {
        return members.get(id - 1);
    }

    Dist dist() {
        return dist;
    }

    void startAll() throws IOException, InterruptedException {
        for (Member m : members) {
            start(m.id());
        }
    }

    /** Starts our server as member {@code id} and waits until it serves. */
    void start(int id) throws IOException, InterruptedException {
        start(id, MemberKind.ZKPLATFORM);
    }

    /**
     * Starts member {@code id} as {@code kind} on its zoo.cfg and data dir. Ours returns once it
     * serves; Apache's at once (it serves when it has a leader, see {@link #awaitLeader()}).
     */
    void start(int id, MemberKind kind) throws IOException, InterruptedException {
        long pid = switch (kind) {
            case ZKPLATFORM -> dist.start(member(id).config());
            case APACHE -> ApachePeer.start(member(id).config(), apacheOutput(id));
        };
        pids.put(id, pid);
        kinds.put(id, kind);
    }

    /** The kind member {@code id} was last started as. */
    MemberKind kind(int id) {
        MemberKind kind = kinds.get(id);
        if (kind == null) {
            throw new IllegalStateException("server " + id + " was never started");
        }
        return kind;
    }

    /** Where Apache's server writes its output when it runs as member {@code id}, across its lives. */
    Path apacheOutput(int id) {
        return logDir.resolve("apache-" + id + ".out");
    }

    /** What Apache's server printed as member {@code id} so far; empty if it never ran. */
    String apacheLog(int id) throws IOException {
        Path output = apacheOutput(id);
        return Files.exists(output) ? Files.readString(output) : "";
    }

    boolean isRunning(int id) {
        Long pid = pids.get(id);
        return pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Replaces the extra lines of server {@code id}'s zoo.cfg; they count from its next start.
     * Its log file stays the same (the scripts name it after the config file's path).
     */
    void reconfigure(int id, List<String> extra) throws IOException {
        List<String> lines = new ArrayList<>(baseLines.get(id));
        lines.addAll(extra);
        Files.writeString(member(id).config(), String.join("\n", lines) + "\n");
    }

    /** SIGTERM, and a wait for the orderly shutdown; {@code kill -9} if it takes longer than 30 s. */
    void stop(int id) {
        Long pid = pids.remove(id);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                p.onExit().orTimeout(15, TimeUnit.SECONDS).join();
            }
        });
    }

    /** {@code kill -9}. */
    void kill(int id) {
        Long pid = pids.remove(id);
        if (pid != null) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(15, TimeUnit.SECONDS).join();
            });
        }
    }

    /** SIGSTOP or SIGCONT: a server that stops answering without closing its connections. */
    void signal(int id, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pids.get(id))).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + pids.get(id) + " failed");
        }
    }

    String connectString() {
        return members.stream().map(m -> "127.0.0.1:" + m.clientPort()).collect(Collectors.joining(","));
    }

    String connectString(int id) {
        return "127.0.0.1:" + member(id).clientPort();
    }

    /** A four-letter word's answer, or empty if the server does not answer. */
    Optional<String> fourLetterWord(int id, String word) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", member(id).clientPort()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "leader", "follower", "observer", or empty while not serving. */
    Optional<String> mode(int id) {
        return fourLetterWord(id, "srvr").map(MODE::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    /**
     * Whether a txn whose {@code zk-tool dump-log} line contains {@code text} reaches server
     * {@code id}'s txn log within {@code millis} (the server may be running).
     */
    boolean awaitLogged(int id, String text, long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Path logs = member(id).data().resolve("version-2");
        do {
            List<Path> files;
            try (Stream<Path> listing = Files.list(logs)) {
                files = listing.filter(f -> f.getFileName().toString().startsWith("log.")).toList();
            }
            for (Path file : files) {
                Process dump = new ProcessBuilder(dist.home().resolve("bin/zk-tool").toString(), "dump-log",
                        file.toString()).redirectErrorStream(true).start();
                String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                dump.waitFor(30, TimeUnit.SECONDS);
                if (output.contains(text)) {
                    return true;
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Waits until every running server serves, exactly one of them as leader; returns its id. */
    int awaitLeader() throws InterruptedException {
        return awaitLeader(members.stream().map(Member::id).toList());
    }

    /**
     * Waits until every running server of {@code among} serves, exactly one of them as leader;
     * returns its id. The others may do as they like (a server that cannot join, say).
     */
    int awaitLeader(List<Integer> among) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            int leader = -1;
            int leaders = 0;
            boolean allServing = true;
            StringBuilder state = new StringBuilder();
            for (Member m : members) {
                if (!among.contains(m.id()) || !isRunning(m.id())) {
                    continue;
                }
                Optional<String> mode = mode(m.id());
                state.append(m.id()).append('=').append(mode.orElse("not serving")).append(' ');
                if (mode.isEmpty()) {
                    allServing = false;
                } else if (mode.get().equals("leader")) {
                    leaders++;
                    leader = m.id();
                }
            }
            last = state.toString();
            if (allServing && leaders == 1) {
                return leader;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the ensemble did not settle on one leader within " + SETTLE.toSeconds() + " s: " + last);
    }

    int anyFollower(int leader) {
        return members.stream().filter(m -> m.id() != leader && !m.observer() && isRunning(m.id()))
                .mapToInt(Member::id).findFirst().orElseThrow();
    }

    String logs() throws IOException {
        return dist.logs();
    }

    /** What server {@code id} logged, across its restarts (the scripts name the file after its zoo.cfg). */
    String log(int id) throws IOException {
        String prefix = "zk-server-zoo" + id + "-";
        try (Stream<Path> files = Files.list(logDir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".log")).toList();
            if (logs.size() != 1) {
                throw new AssertionError("expected one log file of server " + id + " in " + logDir + ", found " + logs);
            }
            return Files.readString(logs.get(0));
        }
    }

    @Override
    public void close() {
        for (Member m : members) {
            kill(m.id());
        }
    }
}
