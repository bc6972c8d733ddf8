/**
 * {@code bin/zk-cli}: a ZooKeeper shell in the spirit of Apache ZooKeeper's zkCli, with its
 * commands, options and output (Stat layout, ACL layout, error lines, watch events), on the
 * client in {@code cli.client}. {@link org.zkplatform.dist.cli.ZkCli} picks the mode (one
 * command, a script on stdin, or an interactive shell); {@code CommandParser} turns words into
 * {@code Command} records by each command's {@code Syntax}; {@code Shell} holds the session and
 * runs them; {@code StatFormat}, {@code AclSyntax}, {@code EventFormat} and {@code ErrorText}
 * write what zkCli writes.
 */
package org.zkplatform.dist.cli;
