package org.zkplatform.dist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conf/zk.conf, the commented sample the distribution ships. */
class SampleConfigTest {

    private static final Path SAMPLE = Path.of("src/dist/conf/zk.conf");

    @Test
    void documentsEverySettingOfEveryModule() throws Exception {
        Config reference = ConfigLoader.load(getClass().getClassLoader(), Optional.empty(), new Properties());
        List<String> lines = Files.readAllLines(SAMPLE);
        List<String> missing = reference.getConfig("zk").entrySet().stream().map(entry -> entry.getKey())
                .filter(key -> {
                    List<String> path = ConfigUtil.splitPath(key);
                    String leaf = path.get(path.size() - 1);
                    // Shown commented out, as "# leaf = default", or inside "# store { leaf = ..., ... }".
                    Pattern shown = Pattern.compile("^\\s*#\\s*([\\w-]+\\s*\\{(.*,)?\\s*)?" + Pattern.quote(leaf) + "\\s*=");
                    return lines.stream().noneMatch(line -> shown.matcher(line).find());
                })
                .sorted().toList();
        assertEquals(List.of(), missing, "settings without a line in " + SAMPLE);
    }
}
