package org.zkplatform.dist.admin;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.zab.ZkServer;
import org.zkplatform.zab.admin.LearnerFacts;
import org.zkplatform.zab.admin.ServerGauges;
import org.zkplatform.zab.metrics.Histogram;
import org.zkplatform.zab.metrics.ServerMetrics;

/**
 * The server's figures in Prometheus's model, built at scrape time: the state (node, watch,
 * session and connection counts...) read once on the driver thread, the counters and histograms
 * read as they stand. Names are ZooKeeper's {@code mntr} keys and metric names where it has them,
 * so dashboards carry over; durations are in milliseconds, as ZooKeeper's are.
 */
final class ServerCollector implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCollector.class);

    private final ZkServer server;
    private final Optional<JvmPauseMonitor> pauses;
    private final Duration timeout;

    ServerCollector(ZkServer server, Optional<JvmPauseMonitor> pauses, Duration timeout) {
        this.server = server;
        this.pauses = pauses;
        this.timeout = timeout;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> out = new ArrayList<>();
        readGauges().ifPresent(g -> gauges(g, out));
        counters(server.metrics(), out);
        pauses.ifPresent(monitor -> {
            CounterSnapshot.Builder counts = CounterSnapshot.builder().name("jvm_pauses")
                    .help("Times the JVM or host stalled past the pause monitor's thresholds, by log level");
            counts.dataPoint(counter(monitor.infoPauses(), Labels.of("level", "info")));
            counts.dataPoint(counter(monitor.warnPauses(), Labels.of("level", "warn")));
            out.add(counts.build());
            out.add(histogram("jvm_pause_time_ms", "How late the pause monitor woke up, in ms", monitor.extraSleep()));
        });
        return new MetricSnapshots(out);
    }

    /** The driver thread's reading, or nothing if it did not answer in time (the scrape still has the rest). */
    private Optional<ServerGauges> readGauges() {
        try {
            return Optional.of(server.gauges().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.debug("Metrics scrape: the server core did not answer within {} ms", timeout.toMillis());
        } catch (ExecutionException e) {
            LOG.debug("Metrics scrape: reading the server's state failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static void gauges(ServerGauges g, List<MetricSnapshot> out) {
        out.add(gauge("znode_count", "Nodes in the data tree, the root counted twice as ZooKeeper does", g.znodeCount()));
        out.add(gauge("watch_count", "Watches registered on this server", g.watchCount()));
        out.add(gauge("ephemerals_count", "Ephemeral nodes", g.ephemeralsCount()));
        out.add(gauge("approximate_data_size", "Bytes of node paths and data", g.approximateDataSize()));
        out.add(gauge("global_sessions", "Sessions this server tracks", g.globalSessions()));
        out.add(gauge("num_alive_connections", "Open client connections", g.aliveConnections()));
        out.add(gauge("outstanding_requests", "Requests received and not yet answered", g.outstandingRequests()));
        out.add(gauge("last_processed_zxid", "The zxid of the last txn applied to the tree", g.lastProcessedZxid()));
        out.add(gauge("avg_latency", "Average request latency in ms since the last stat reset", g.avgLatencyMillis()));
        out.add(gauge("min_latency", "Least request latency in ms since the last stat reset", g.minLatencyMillis()));
        out.add(gauge("max_latency", "Greatest request latency in ms since the last stat reset", g.maxLatencyMillis()));
        out.add(gauge("packets_received", "Requests received since the last stat reset", g.packetsReceived()));
        out.add(gauge("packets_sent", "Replies and notifications sent since the last stat reset", g.packetsSent()));
        out.add(gauge("auth_failed_count", "Failed authentications since the last stat reset", g.authFailures()));
        out.add(gauge("uptime", "Milliseconds since the server started", g.uptimeMillis()));
        out.add(GaugeSnapshot.builder().name("server_state").help("1 for the state the server is in")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1)
                        .labels(Labels.of("state", g.serverState())).build())
                .build());
        if (g.quorumSize() > 0) {
            out.add(gauge("quorum_size", "Voting members of the ensemble", g.quorumSize()));
        }
        if ("leader".equals(g.serverState())) {
            out.add(gauge("learners", "Learners connected to this leader", g.learners().size()));
            out.add(gauge("synced_followers", "Followers in sync with this leader", g.syncedFollowers()));
            out.add(gauge("synced_observers", "Observers in sync with this leader", g.syncedObservers()));
            GaugeSnapshot.Builder lag = GaugeSnapshot.builder().name("learner_lag_txns")
                    .help("Proposals a follower has not acknowledged yet, by server id");
            for (LearnerFacts learner : g.learners()) {
                lag.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(learner.lagTxns())
                        .labels(Labels.of("sid", Long.toString(learner.serverId()))).build());
            }
            out.add(lag.build());
        }
    }

    private static void counters(ServerMetrics m, List<MetricSnapshot> out) {
        HistogramSnapshot.Builder requests = HistogramSnapshot.builder().name("request_latency_ms")
                .help("Time from a request's arrival to its answer, in ms, by request type");
        for (Map.Entry<String, Histogram.Snapshot> e : m.requestLatencies().entrySet()) {
            requests.dataPoint(dataPoint(e.getValue(), Labels.of("type", e.getKey())));
        }
        out.add(requests.build());
        out.add(histogram("fsynctime", "Time to make a batch of txns durable, in ms", m.fsyncs()));
        out.add(counter("fsync_threshold_exceed_count", "Fsyncs that took over "
                + ServerMetrics.FSYNC_WARNING_MILLIS + " ms", m.fsyncsOverThreshold()));
        out.add(histogram("snapshottime", "Time to write a snapshot, in ms", m.snapshots()));
        out.add(histogram("election_time", "Time from looking for a leader to taking a role, in ms", m.elections()));
        out.add(counter("proposal_count", "Txns this server proposed as leader", m.proposals()));
        out.add(counter("commit_count", "Committed txns applied to the tree", m.commits()));
        ServerMetrics.LastSnapshot last = m.lastSnapshot();
        if (last != null) {
            out.add(gauge("last_snapshot_size_bytes", "Size of the newest snapshot", last.sizeBytes()));
            out.add(gauge("last_snapshot_zxid", "The zxid the newest snapshot started at", last.zxid()));
        }
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help).dataPoint(counter(value, Labels.EMPTY)).build();
    }

    private static CounterSnapshot.CounterDataPointSnapshot counter(long value, Labels labels) {
        return CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static HistogramSnapshot histogram(String name, String help, Histogram.Snapshot snapshot) {
        return HistogramSnapshot.builder().name(name).help(help).dataPoint(dataPoint(snapshot, Labels.EMPTY)).build();
    }

    private static HistogramSnapshot.HistogramDataPointSnapshot dataPoint(Histogram.Snapshot s, Labels labels) {
        double[] bounds = new double[s.upperBoundsMillis().length + 1];
        System.arraycopy(s.upperBoundsMillis(), 0, bounds, 0, s.upperBoundsMillis().length);
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        return HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, s.counts()))
                .sum(s.sumMillis()).labels(labels).build();
    }
}
