package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.zkplatform.api.Settings;

/**
 * Settings of the client port.
 *
 * @param address where clients connect ({@code clientPortAddress:clientPort})
 * @param maxConnectionsPerIp connections one client address may hold, 0 for no limit
 *     ({@code maxClientCnxns})
 * @param maxFrameBytes the longest request accepted ({@code jute.maxbuffer})
 * @param fourLetterWords the four-letter words answered ({@code 4lw.commands.whitelist}); "*" for all
 */
public record ClientPortConfig(
        InetSocketAddress address, int maxConnectionsPerIp, int maxFrameBytes, Set<String> fourLetterWords) {

    public ClientPortConfig {
        fourLetterWords = Set.copyOf(fourLetterWords);
    }

    /** Reads {@code zk.client}. */
    public static ClientPortConfig from(Settings client) {
        String host = client.getString("address");
        int port = client.getInt("port", 0, 65_535);
        int perIp = client.getInt("max-connections-per-ip", 0, Integer.MAX_VALUE);
        long frame = client.getBytes("max-frame-bytes");
        if (frame < 1024 || frame > Integer.MAX_VALUE - 1024) {
            throw client.invalid("max-frame-bytes", frame, "a size from 1KiB to 2GiB");
        }
        List<String> words = client.getStringList("four-letter-words");
        for (String word : words) {
            if (!word.equals("*") && !word.matches("[a-z]{4}")) {
                throw client.invalid("four-letter-words", word, "four lower-case letters, or *");
            }
        }
        return new ClientPortConfig(new InetSocketAddress(host, port), perIp, (int) frame, new LinkedHashSet<>(words));
    }
}
