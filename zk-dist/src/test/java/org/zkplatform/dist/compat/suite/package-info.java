/**
 * The client-compatibility suite: what ZooKeeper 3.9 clients (the Apache client, Curator, zkCli and
 * raw-protocol peers) observe, asserted exactly enough that every test passes against Apache
 * ZooKeeper 3.9.5 and, unchanged, against our server.
 *
 * <p>Each {@link org.zkplatform.dist.compat.suite.CompatTest} runs once per server kind listed in the
 * system property {@code compat.targets} (default in {@link org.zkplatform.dist.compat.suite.Target}),
 * each time on a freshly started server:
 * <pre>
 * mvn -o -q -B -pl zk-dist test -Dtest='org.zkplatform.dist.compat.suite.**' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcompat.targets=apache,zkplatform
 * </pre>
 * Behaviour groups: {@code CreateAndDeleteTest}, {@code DataAndChildrenTest}, {@code MultiTest},
 * {@code StatTest}, {@code WatchTest}, {@code AclTest}, {@code SessionTest}, {@code SystemNodesTest},
 * {@code FourLetterWordTest}, {@code CuratorRecipesTest} and {@code ZkCliTest}.
 */
package org.zkplatform.dist.compat.suite;
