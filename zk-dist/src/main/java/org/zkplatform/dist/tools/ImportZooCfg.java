package org.zkplatform.dist.tools;

import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.zkplatform.dist.StartupException;
import org.zkplatform.dist.config.ZooCfgImporter;

/**
 * {@code zk-tool import-zoo-cfg <zoo.cfg> [zk.conf]}: the HOCON equivalent of an Apache
 * ZooKeeper zoo.cfg (and the myid file in its dataDir), exactly what the server reads from that
 * zoo.cfg, for operators who want to switch formats. Keys without an equivalent are listed in a
 * comment at the top. Written to stdout, or to a new file (an existing one is never overwritten).
 */
final class ImportZooCfg implements ToolCommand {

    private static final ConfigRenderOptions HOCON = ConfigRenderOptions.defaults()
            .setOriginComments(false).setComments(false).setJson(false).setFormatted(true);

    private final Path zooCfg;
    private final Optional<Path> target;

    ImportZooCfg(Path zooCfg, Optional<Path> target) {
        this.zooCfg = zooCfg;
        this.target = target;
    }

    @Override
    public ToolExit run(PrintStream out) throws ToolException {
        if (!Files.isRegularFile(zooCfg)) {
            throw new ToolException(ToolExit.UNREADABLE, "zoo.cfg " + zooCfg + " does not exist or is not a file");
        }
        ZooCfgImporter.Imported imported;
        try {
            imported = ZooCfgImporter.translate(zooCfg);
        } catch (StartupException e) {
            throw new ToolException(ToolExit.USAGE, e.getMessage());
        }
        StringBuilder text = new StringBuilder()
                .append("# Translated from ").append(zooCfg.toAbsolutePath()).append(" by zk-tool import-zoo-cfg.\n")
                .append("# Every setting not given here has the default shown in conf/zk.conf.\n");
        if (!imported.ignored().isEmpty()) {
            text.append("# Left out, without a zkplatform equivalent: ").append(String.join(", ", imported.ignored()))
                    .append('\n');
        }
        text.append(imported.config().root().render(HOCON));
        if (target.isEmpty()) {
            out.print(text);
            return ToolExit.OK;
        }
        try {
            Files.writeString(target.get(), text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ToolException(ToolExit.USAGE, target.get() + " exists already; not overwritten");
        } catch (IOException e) {
            throw new ToolException(ToolExit.UNREADABLE, "cannot write " + target.get() + ": " + e.getMessage());
        }
        out.println("wrote " + target.get() + (imported.ignored().isEmpty() ? ""
                : "; left out, without a zkplatform equivalent: " + String.join(", ", imported.ignored())));
        return ToolExit.OK;
    }
}
