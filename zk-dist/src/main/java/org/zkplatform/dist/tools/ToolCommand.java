package org.zkplatform.dist.tools;

import java.io.PrintStream;

/** One subcommand of zk-tool, its arguments already parsed. */
interface ToolCommand {

    /**
     * Runs, writing its report to {@code out}.
     *
     * @return how it ended: {@link ToolExit#OK}, or the code for what its report found
     * @throws ToolException if it cannot go on
     */
    ToolExit run(PrintStream out) throws ToolException;
}
