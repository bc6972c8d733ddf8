package org.zkplatform.dist.cli;

import org.zkplatform.dist.cli.client.ZkException;

/**
 * A parsed shell command, ready to run: a record of its arguments, checked as far as they can
 * be without a server. {@link CommandParser} makes them from words; {@link Shell} runs them.
 */
sealed interface Command permits NodeCommands.Ls, NodeCommands.Get, NodeCommands.SetData, NodeCommands.Create,
        NodeCommands.Delete, NodeCommands.DeleteAll, NodeCommands.StatNode, AclCommands.GetAcl, AclCommands.SetAcl,
        AclCommands.AddAuth, SessionCommands.Sync, SessionCommands.Config, SessionCommands.WhoAmI,
        SessionCommands.AskWord, SessionCommands.Connect, SessionCommands.Close, ShellCommands.History,
        ShellCommands.Help, ShellCommands.Quit, ShellCommands.PrintWatches {

    /**
     * Runs the command, printing its result through the shell's printer.
     *
     * @throws ZkException when the server refuses or cannot be reached
     * @throws CliException when the command fails for a reason of its own
     */
    void run(Shell shell) throws ZkException, CliException;
}
