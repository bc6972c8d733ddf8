package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code --ensemble N}: N servers of one kind on loopback, each its own process started from a
 * plain zoo.cfg with {@code server.N} lines and a {@code myid} file, as an operator would, in
 * {@code <work dir>/<kind>-ensemble/server<id>/} (config, data, output). Ports are picked free
 * once, so a killed member comes back on the same ones and its clients find it again. Members
 * are stopped by their pids; every wait is bounded.
 */
final class ServerEnsemble implements AutoCloseable {

    /** Three JVMs starting at once on a small machine, then an election: generous. */
    static final long SETTLE_LIMIT_SECONDS = 120;
    private static final long POLL_MILLIS = 20;
    private static final long NODE_COUNT_LIMIT_MILLIS = 10_000;

    /** One configured server; its process changes when it is killed and restarted. */
    private record Member(int id, int clientPort, Path dir, Path dataDir, List<String> zooCfg) {
        Path cfgFile() {
            return dir.resolve("zoo.cfg");
        }

        Path output() {
            return dir.resolve("server.out");
        }
    }

    private final ServerKind kind;
    private final BenchOptions options;
    private final List<Member> members;
    /** Running members by id; a killed one is absent until restarted. */
    private final Map<Integer, ServerProcess> running = new TreeMap<>();

    private ServerEnsemble(ServerKind kind, BenchOptions options, List<Member> members) {
        this.kind = kind;
        this.options = options;
        this.members = members;
    }

    /** Configures {@code options.ensemble()} servers of {@code kind} on fresh data, starts them all and waits until they settle. */
    static ServerEnsemble start(ServerKind kind, BenchOptions options) throws BenchException, InterruptedException {
        ServerEnsemble ensemble = new ServerEnsemble(kind, options, configure(kind, options));
        try {
            for (Member member : ensemble.members) {
                ensemble.running.put(member.id(), ServerProcess.spawn(kind, options, member.zooCfg(), member.cfgFile(),
                        member.output(), false, member.clientPort(), member.dataDir()));
            }
            ensemble.awaitSettled();
        } catch (BenchException e) {
            throw ensemble.failure(e.getMessage());
        }
        return ensemble;
    }

    private static List<Member> configure(ServerKind kind, BenchOptions options) throws BenchException {
        Path root = root(kind, options);
        List<Member> members = new ArrayList<>();
        try {
            DataDirs.delete(root);
            List<String> serverLines = new ArrayList<>();
            List<Integer> clientPorts = new ArrayList<>();
            for (int id = 1; id <= options.ensemble(); id++) {
                clientPorts.add(ServerProcess.freePort());
                serverLines.add("server." + id + "=127.0.0.1:" + ServerProcess.freePort() + ":" + ServerProcess.freePort());
            }
            for (int id = 1; id <= options.ensemble(); id++) {
                Path dir = Files.createDirectories(root.resolve("server" + id));
                Path dataDir = Files.createDirectories(dir.resolve("data"));
                Files.writeString(dataDir.resolve("myid"), id + "\n", StandardCharsets.US_ASCII);
                int port = clientPorts.get(id - 1);
                List<String> zooCfg = new ArrayList<>(kind.zooCfg(options, port, dataDir));
                // Apache's defaults for a small ensemble, on both: a follower may take 10 ticks to sync, lag 5.
                zooCfg.add("initLimit=10");
                zooCfg.add("syncLimit=5");
                zooCfg.addAll(serverLines);
                members.add(new Member(id, port, dir, dataDir, List.copyOf(zooCfg)));
            }
        } catch (IOException e) {
            throw new BenchException(kind.label() + " ensemble not configured: " + e);
        }
        return members;
    }

    static Path root(ServerKind kind, BenchOptions options) {
        return options.workDir().resolve(kind.label() + "-ensemble");
    }

    /**
     * Waits until every running member serves and exactly one of them says {@code leader}, all
     * others {@code follower} (or {@code observer}); returns the leader's id.
     */
    int awaitSettled() throws BenchException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_LIMIT_SECONDS);
        Map<Integer, String> modes = Map.of();
        while (System.nanoTime() - deadline < 0) {
            for (Map.Entry<Integer, ServerProcess> member : running.entrySet()) {
                if (!member.getValue().isAlive()) {
                    throw new BenchException("server " + member.getKey() + " (pid " + member.getValue().pid()
                            + ") exited with code " + member.getValue().exitCode());
                }
            }
            modes = modes();
            Optional<Integer> leader = settledLeader(modes);
            if (leader.isPresent()) {
                return leader.get();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new BenchException("the " + kind.label() + " ensemble did not settle on one leader with every running"
                + " server serving within " + SETTLE_LIMIT_SECONDS + "s; last srvr modes: " + describe(modes));
    }

    /** One {@code srvr} round: the leader's id if every running member serves with exactly one leader among them. */
    Optional<Integer> settledLeader() {
        return settledLeader(modes());
    }

    private static Optional<Integer> settledLeader(Map<Integer, String> modes) {
        List<Integer> leaders = modes.entrySet().stream().filter(e -> e.getValue().equals("leader"))
                .map(Map.Entry::getKey).toList();
        boolean allServe = modes.values().stream().allMatch(mode -> mode.equals("leader") || mode.equals("follower")
                || mode.equals("observer"));
        return allServe && leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    /** What {@code srvr} says each running member is, {@code not serving} where it has no mode. */
    Map<Integer, String> modes() {
        Map<Integer, String> modes = new LinkedHashMap<>();
        for (Integer id : running.keySet()) {
            modes.put(id, FourLetterWord.mode(member(id).clientPort()).orElse("not serving"));
        }
        return modes;
    }

    /** One line per member: id, pid, client port, mode and where its output goes. */
    List<String> memberLines() {
        Map<Integer, String> modes = modes();
        List<String> lines = new ArrayList<>();
        for (Member member : members) {
            ServerProcess process = running.get(member.id());
            lines.add(String.format(Locale.ROOT, "server %d: %s on 127.0.0.1:%d, %s, output in %s", member.id(),
                    process == null ? "not running" : "pid " + process.pid(), member.clientPort(),
                    modes.getOrDefault(member.id(), "-"), member.output()));
        }
        return lines;
    }

    static String describe(Map<Integer, String> modes) {
        return modes.isEmpty() ? "(none)" : modes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /**
     * {@code kill -9} of member {@code id}; returns {@link System#nanoTime()} just before the
     * signal. Throws if it is still there 15 s later.
     */
    long kill(int id) throws BenchException, InterruptedException {
        ServerProcess process = running.get(id);
        long killedNanos = System.nanoTime();
        if (!process.kill()) {
            throw new BenchException("server " + id + " (pid " + process.pid() + ") still runs 15s after SIGKILL");
        }
        running.remove(id);
        return killedNanos;
    }

    /** Starts killed member {@code id} again on its data, config and ports, its output after its earlier output. */
    void restart(int id) throws BenchException {
        Member member = member(id);
        try {
            Files.writeString(member.output(), "---- zkbench: restarting after kill -9, " + LocalTime.now() + " ----\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        } catch (IOException e) {
            // only a marker for whoever reads the output
        }
        running.put(id, ServerProcess.spawn(kind, options, member.zooCfg(), member.cfgFile(), member.output(), true,
                member.clientPort(), member.dataDir()));
    }

    ServerKind kind() {
        return kind;
    }

    List<Integer> ids() {
        return members.stream().map(Member::id).toList();
    }

    /** The running member {@code id}. */
    ServerProcess process(int id) {
        return running.get(id);
    }

    /** Every running member, by id. */
    List<ServerProcess> processes() {
        return List.copyOf(running.values());
    }

    boolean allAlive() {
        return running.values().stream().allMatch(ServerProcess::isAlive);
    }

    /** Every member, for a client that fails over between them. */
    String connectString() {
        return members.stream().map(m -> "127.0.0.1:" + m.clientPort()).collect(Collectors.joining(","));
    }

    /** One connect string per member, for sessions spread over them one server each. */
    List<String> memberConnectStrings() {
        return members.stream().map(m -> "127.0.0.1:" + m.clientPort()).toList();
    }

    Path output(int id) {
        return member(id).output();
    }

    List<String> zooCfg(int id) {
        return member(id).zooCfg();
    }

    /**
     * {@code srvr}'s node count of every running member, once they agree (a follower applies the
     * last commits a moment after the leader) or after 10 s; -1 where one does not say.
     */
    Map<Integer, Long> nodeCounts() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NODE_COUNT_LIMIT_MILLIS);
        Map<Integer, Long> counts;
        do {
            counts = new TreeMap<>();
            for (Integer id : running.keySet()) {
                counts.put(id, nodeCount(member(id).clientPort()));
            }
            if (counts.values().stream().distinct().count() == 1) {
                return counts;
            }
            Thread.sleep(100);
        } while (System.nanoTime() - deadline < 0);
        return counts;
    }

    private static long nodeCount(int port) {
        try {
            return FourLetterWord.send(port, "srvr").lines().filter(line -> line.startsWith("Node count:"))
                    .map(line -> Long.parseLong(line.substring("Node count:".length()).trim())).findFirst().orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Up to {@code perMember} lines of each member's output, prefixed by its id: its errors first,
     * then its warnings, since a kill makes every member warn about the lost peer.
     */
    List<String> problemLines(int perMember) {
        List<String> lines = new ArrayList<>();
        for (Member member : members) {
            List<String> problems = problemLines(member, Integer.MAX_VALUE);
            Stream.concat(problems.stream().filter(ServerEnsemble::isError),
                            problems.stream().filter(line -> !isError(line)))
                    .limit(perMember).forEach(line -> lines.add("[server " + member.id() + "] " + line));
        }
        return lines;
    }

    private static boolean isError(String line) {
        return line.matches(".*\\b(ERROR|FATAL)\\b.*");
    }

    /** How many warning and error lines each member's output holds so far, by id. */
    Map<Integer, Long> problemCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Member member : members) {
            counts.put(member.id(), (long) problemLines(member, Integer.MAX_VALUE).size());
        }
        return counts;
    }

    private static List<String> problemLines(Member member, int count) {
        try {
            return Files.readAllLines(member.output(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.matches(".*\\b(WARN|ERROR|FATAL|Exception)\\b.*")).limit(count).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Stops every member and describes {@code what} went wrong with the states seen and each member's last lines. */
    BenchException failure(String what) {
        Map<Integer, String> modes = modes();
        StringBuilder text = new StringBuilder(kind.label() + " ensemble: " + what + "; srvr modes now: "
                + describe(modes));
        for (Member member : members) {
            text.append("\n last lines of ").append(member.output()).append(":\n  ")
                    .append(String.join("\n  ", lastLines(member, 25)));
        }
        close();
        return new BenchException(text.toString());
    }

    private static List<String> lastLines(Member member, int count) {
        try {
            List<String> lines = Files.readAllLines(member.output(), StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + member.output() + ": " + e + ")");
        }
    }

    private Member member(int id) {
        return members.get(id - 1);
    }

    /** Stops every running member by its pid (SIGTERM, SIGKILL after 15 s), then deletes all data dirs; outputs stay. */
    @Override
    public void close() {
        for (ServerProcess process : running.values()) {
            process.close();
        }
        running.clear();
        for (Member member : members) {
            try {
                DataDirs.delete(member.dataDir());
            } catch (IOException e) {
                System.err.println("zkbench: cannot delete " + member.dataDir() + ": " + e);
            }
        }
    }
}
