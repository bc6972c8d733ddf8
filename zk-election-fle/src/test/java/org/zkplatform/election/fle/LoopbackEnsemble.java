package org.zkplatform.election.fle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.ElectionProvider;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.time.SystemScheduler;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.api.transport.TransportProvider;

/**
 * Servers of one ensemble in this JVM on 127.0.0.1, each with its own plain transport, scheduler
 * and {@link FakeLocalPeer}, as separate processes would have. Elections come from the provider,
 * found the way the launcher finds it.
 */
final class LoopbackEnsemble implements AutoCloseable {

    /** One server's election and the state around it. */
    static final class Member {
        final long id;
        final FakeLocalPeer peer;
        final Transport transport;
        final SystemScheduler scheduler;
        FastElection election;

        Member(long id, FakeLocalPeer peer, Transport transport, SystemScheduler scheduler) {
            this.id = id;
            this.peer = peer;
            this.transport = transport;
            this.scheduler = scheduler;
        }
    }

    private final List<QuorumServer> servers;
    private final Settings settings;
    private final Map<Long, Member> members = new HashMap<>();

    LoopbackEnsemble(int participants, int observers, Settings settings) {
        this.settings = settings;
        List<QuorumServer> list = new ArrayList<>();
        for (long id = 1; id <= participants + observers; id++) {
            list.add(new QuorumServer(ServerId.of(id), InetSocketAddress.createUnresolved("127.0.0.1", freePort()),
                    InetSocketAddress.createUnresolved("127.0.0.1", freePort()),
                    id <= participants ? LearnerType.PARTICIPANT : LearnerType.OBSERVER, 1, 0, Optional.empty()));
        }
        this.servers = List.copyOf(list);
    }

    /** Ports handed out in this JVM: the operating system may offer a port again once its probe socket closes. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A port nothing listens on now and that no other caller in this JVM got. */
    static int freePort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port left");
    }

    static Transport plainTransport(String purpose) {
        TransportProvider plain = ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("plain")).findFirst().orElseThrow();
        return plain.create(Settings.empty(), new TransportContext(purpose, Clock.system()));
    }

    static ElectionProvider provider() {
        return ServiceLoader.load(ElectionProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.algorithm() == 3).findFirst().orElseThrow();
    }

    List<QuorumServer> servers() {
        return servers;
    }

    QuorumServer server(long id) {
        return servers.stream().filter(s -> s.id().value() == id).findFirst().orElseThrow();
    }

    /** Creates and starts server {@code id}'s election (again, after {@link #stop}). */
    Member start(long id, long lastLoggedZxid, long currentEpoch) throws Exception {
        Member member = new Member(id, new FakeLocalPeer(id, lastLoggedZxid, currentEpoch), plainTransport("quorum-" + id),
                new SystemScheduler("election-timer-" + id));
        ElectionContext context = new ElectionContext(ServerId.of(id), servers, member.transport, member.scheduler, member.peer);
        member.election = (FastElection) provider().create(settings, context);
        try {
            member.election.start();
        } catch (Exception e) {
            close(member);
            throw e;
        }
        members.put(id, member);
        return member;
    }

    Member member(long id) {
        return members.get(id);
    }

    List<Member> running() {
        return members.values().stream().sorted((a, b) -> Long.compare(a.id, b.id)).toList();
    }

    /** Starts a round on each of {@code members} at once and waits for all of them; each adopts its result. */
    static List<Vote> elect(List<Member> members) throws Exception {
        List<CompletableFuture<Vote>> rounds = new ArrayList<>();
        for (Member member : members) {
            member.peer.lookAgain();
            rounds.add(member.election.lookForLeader().toCompletableFuture());
        }
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Vote vote = rounds.get(i).get(30, TimeUnit.SECONDS);
            members.get(i).peer.adopt(vote);
            votes.add(vote);
        }
        return votes;
    }

    /** Stops server {@code id}'s election as a crash or shutdown would. */
    void stop(long id) {
        Member member = members.remove(id);
        if (member != null) {
            close(member);
        }
    }

    private static void close(Member member) {
        member.election.close();
        member.transport.close();
        member.scheduler.close();
    }

    @Override
    public void close() {
        members.values().forEach(LoopbackEnsemble::close);
        members.clear();
    }
}
