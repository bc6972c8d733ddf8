package org.zkplatform.dist.config;

import static org.zkplatform.dist.config.ZooCfgValues.integer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.dist.StartupException;

/**
 * Reads an Apache ZooKeeper {@code zoo.cfg} as our configuration, so an operator can start
 * zkplatform from the file an existing ensemble already runs on. Keys with a zkplatform
 * equivalent are translated; the rest are listed in one warning and ignored.
 */
public final class ZooCfgImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ZooCfgImporter.class);

    /** Keys whose presence marks a file as a zoo.cfg rather than HOCON. */
    private static final List<String> MARKERS = List.of("tickTime", "dataDir", "clientPort", "initLimit", "syncLimit");
    private static final Pattern SERVER_KEY = Pattern.compile("server\\.(\\d+)");
    /** Hierarchical quorums: {@code group.G=1:2:3} puts servers in group G, {@code weight.N=w} weighs server N. */
    private static final Pattern GROUP_KEY = Pattern.compile("group\\.(\\d+)");
    private static final Pattern WEIGHT_KEY = Pattern.compile("weight\\.(\\d+)");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]+]|[^:\\[\\]]+):(\\d+)");

    private ZooCfgImporter() {
    }

    /** Whether {@code file} is a zoo.cfg: named {@code *.cfg}, or a properties file with ZooKeeper's keys. */
    static boolean isZooCfg(Path file) throws StartupException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cfg")) {
            return true;
        }
        if (name.endsWith(".conf") || name.endsWith(".json") || name.endsWith(".hocon")) {
            return false;
        }
        Properties properties = read(file);
        return MARKERS.stream().anyMatch(properties::containsKey);
    }

    /**
     * A zoo.cfg translated: our settings, and the keys that have no equivalent here.
     *
     * @param ignored the zoo.cfg keys left out, in order
     */
    public record Imported(Config config, List<String> ignored) {

        public Imported {
            ignored = List.copyOf(ignored);
        }
    }

    /** Translates the zoo.cfg at {@code file}, with one WARN line for each key it ignores. */
    public static Config importFile(Path file) throws StartupException {
        Imported imported = translate(file);
        for (String key : imported.ignored()) {
            LOG.warn("zoo.cfg {}: {} has no zkplatform equivalent yet; ignored", file, key);
        }
        return imported.config();
    }

    /** Translates the zoo.cfg at {@code file}, saying nothing. */
    public static Imported translate(Path file) throws StartupException {
        Properties properties = read(file);
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        TreeMap<Long, String> servers = new TreeMap<>();
        Map<Long, Long> groups = new TreeMap<>();
        Map<Long, Long> weights = new TreeMap<>();
        Set<String> tlsKeys = new HashSet<>(ZooCfgTls.translate(properties, values));
        tlsKeys.addAll(ZooCfgQuorumTls.translate(properties, values));
        for (String key : new TreeMap<>(propertiesAsMap(properties)).keySet()) {
            if (tlsKeys.contains(key)) {
                continue;
            }
            String value = properties.getProperty(key).trim();
            Matcher server = SERVER_KEY.matcher(key);
            Matcher group = GROUP_KEY.matcher(key);
            Matcher weight = WEIGHT_KEY.matcher(key);
            if (server.matches()) {
                servers.put(Long.parseLong(server.group(1)), value);
            } else if (group.matches()) {
                for (String member : value.split(":")) {
                    long id = integer(key, member.trim());
                    if (groups.put(id, Long.parseLong(group.group(1))) != null) {
                        throw StartupException.config("bad value for " + key + " in zoo.cfg: '" + value
                                + "'; server " + id + " is in two groups");
                    }
                }
            } else if (weight.matches()) {
                weights.put(Long.parseLong(weight.group(1)), integer(key, value));
            } else if (!translate(key, value, values)) {
                ignored.add(key);
            }
        }
        if (!values.containsKey("zk.client.address") && values.containsKey("zk.client.port")) {
            values.put("zk.client.address", "0.0.0.0"); // ZooKeeper binds every interface by default
        }
        if (!values.containsKey("zk.admin.address")) {
            values.put("zk.admin.address", "0.0.0.0"); // so does its AdminServer
        }
        boolean standalone = servers.size() <= 1
                && Boolean.parseBoolean(properties.getProperty("standaloneEnabled", "true").trim());
        if (!standalone) {
            List<Map<String, Object>> ensemble = new ArrayList<>();
            for (Map.Entry<Long, String> entry : servers.entrySet()) {
                Map<String, Object> server = parseServer(entry.getKey(), entry.getValue());
                Long group = groups.remove(entry.getKey());
                if (group != null) {
                    server.put("group", group);
                }
                Long weight = weights.remove(entry.getKey());
                if (weight != null) {
                    server.put("weight", weight);
                }
                ensemble.add(server);
            }
            if (!groups.isEmpty() || !weights.isEmpty()) {
                throw StartupException.config("zoo.cfg " + file + ": group or weight of servers without a server.N line: "
                        + new TreeSet<>(Stream.concat(groups.keySet().stream(), weights.keySet().stream()).toList()));
            }
            values.put("zk.quorum.servers", ensemble);
            readMyId(properties).ifPresent(id -> values.put("zk.server.id", id));
        }
        return new Imported(ConfigFactory.parseMap(values, "zoo.cfg " + file), ignored);
    }

    private static boolean translate(String key, String value, Map<String, Object> out) throws StartupException {
        switch (key) {
            case "tickTime" -> out.put("zk.server.tick-time", integer(key, value) + "ms");
            case "initLimit" -> out.put("zk.server.init-limit", integer(key, value));
            case "syncLimit" -> out.put("zk.server.sync-limit", integer(key, value));
            case "minSessionTimeout" -> out.put("zk.server.min-session-timeout", Math.max(0, integer(key, value)) + "ms");
            case "maxSessionTimeout" -> out.put("zk.server.max-session-timeout", Math.max(0, integer(key, value)) + "ms");
            case "clientPort" -> out.put("zk.client.port", integer(key, value));
            case "clientPortAddress" -> out.put("zk.client.address", value);
            case "maxClientCnxns" -> out.put("zk.client.max-connections-per-ip", integer(key, value));
            case "jute.maxbuffer" -> out.put("zk.client.max-frame-bytes", integer(key, value));
            case "4lw.commands.whitelist" -> out.put("zk.client.four-letter-words",
                    ZooCfgValues.list(value));
            case "dataDir" -> out.put("zk.storage.data-dir", value);
            case "dataLogDir" -> out.put("zk.storage.data-log-dir", value);
            case "electionAlg" -> out.put("zk.election.algorithm", integer(key, value));
            case "forceSync" -> out.put("zk.storage.file.fsync", !"no".equalsIgnoreCase(value));
            case "preAllocSize" -> out.put("zk.storage.file.preallocate-size", integer(key, value) + "KiB");
            case "snapshot.compression.method" -> out.put("zk.storage.file.snapshot-compression",
                    value.isEmpty() ? "none" : value);
            case "snapCount" -> out.put("zk.snapshot.count", integer(key, value));
            case "autopurge.snapRetainCount" -> out.put("zk.snapshot.retain-count", integer(key, value));
            case "autopurge.purgeInterval" -> out.put("zk.snapshot.purge-interval", integer(key, value) + "h");
            case "extendedTypesEnabled" -> out.put("zk.server.extended-types", Boolean.parseBoolean(value));
            case "znode.container.checkIntervalMs" ->
                    out.put("zk.server.container-check-interval", integer(key, value) + "ms");
            case "DigestAuthenticationProvider.superDigest" -> out.put("zk.auth.digest.super-digest", value);
            case "admin.enableServer" -> out.put("zk.admin.enabled", Boolean.parseBoolean(value));
            case "admin.serverAddress" -> out.put("zk.admin.address", value);
            case "admin.serverPort" -> out.put("zk.admin.port", integer(key, value));
            case "jvm.pause.monitor" -> out.put("zk.server.pause-monitor.enabled", Boolean.parseBoolean(value));
            case "jvm.pause.sleep.time.ms" -> out.put("zk.server.pause-monitor.sleep", integer(key, value) + "ms");
            case "jvm.pause.info-threshold.ms" ->
                    out.put("zk.server.pause-monitor.info-threshold", integer(key, value) + "ms");
            case "jvm.pause.warn-threshold.ms" ->
                    out.put("zk.server.pause-monitor.warn-threshold", integer(key, value) + "ms");
            case "quorumListenOnAllIPs" -> {
                boolean all = Boolean.parseBoolean(value);
                out.put("zk.quorum.listen-on-all-ips", all);
                out.put("zk.election.listen-on-all-ips", all);
            }
            case "peerType" -> {
                // An observer is marked on its server.N line too, which is what counts here.
            }
            case "standaloneEnabled" -> {
                // Decides standalone versus ensemble above; nothing to carry over.
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code host:quorumPort:electionPort[:participant|observer][;[clientHost:]clientPort]}. */
    static Map<String, Object> parseServer(long id, String spec) throws StartupException {
        String key = "server." + id;
        String[] serverAndClient = spec.split(";", 2);
        String server = serverAndClient[0].trim();
        if (server.contains("|")) {
            throw StartupException.config("bad value for " + key + " in zoo.cfg: '" + spec
                    + "'; allowed: one address per server (multiple addresses are not supported yet)");
        }
        Matcher m = Pattern.compile("(\\[[^\\]]+]|[^:\\[\\]]+):(\\d+):(\\d+)(?::(participant|observer))?").matcher(server);
        if (!m.matches()) {
            throw StartupException.config("bad value for " + key + " in zoo.cfg: '" + spec
                    + "'; allowed: host:quorumPort:electionPort[:participant|observer][;[clientHost:]clientPort]");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("host", unbracket(m.group(1)));
        entry.put("quorum-port", Integer.parseInt(m.group(2)));
        entry.put("election-port", Integer.parseInt(m.group(3)));
        entry.put("role", m.group(4) == null ? "participant" : m.group(4));
        if (serverAndClient.length == 2) {
            String client = serverAndClient[1].trim();
            Matcher hp = HOST_PORT.matcher(client);
            if (hp.matches()) {
                entry.put("client-address", unbracket(hp.group(1)));
                entry.put("client-port", Integer.parseInt(hp.group(2)));
            } else if (client.matches("\\d+")) {
                entry.put("client-port", Integer.parseInt(client));
            } else {
                throw StartupException.config("bad value for " + key + " in zoo.cfg: '" + spec
                        + "'; allowed: a client part of the form [clientHost:]clientPort");
            }
        }
        return entry;
    }

    private static java.util.Optional<Long> readMyId(Properties properties) throws StartupException {
        String dataDir = properties.getProperty("dataDir");
        if (dataDir == null) {
            return java.util.Optional.empty();
        }
        Path myid = Path.of(dataDir.trim(), "myid");
        if (!Files.isRegularFile(myid)) {
            throw StartupException.config("zoo.cfg lists an ensemble but " + myid + " does not exist: write this server's id there");
        }
        try {
            String text = Files.readString(myid, StandardCharsets.UTF_8).trim();
            return java.util.Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            throw StartupException.config("cannot read this server's id from " + myid + ": " + e.getMessage());
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static Properties read(Path file) throws StartupException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw StartupException.config("cannot read config file " + file + ": " + e.getMessage());
        }
        return properties;
    }

    private static Map<String, String> propertiesAsMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
