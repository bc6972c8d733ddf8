package org.zkplatform.dist.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.zkplatform.dist.cli.client.KeeperException;
import org.zkplatform.dist.cli.client.ZkClient;
import org.zkplatform.dist.cli.client.ZkException;
import org.zkplatform.zab.proto.KeeperError;

/**
 * Visits a subtree in zkCli's order ({@code ZKUtil.visitSubTreeDFS}): the root, then each
 * node's children, sorted, before the subtrees below them. A parent always comes before its
 * children, so the reverse order deletes bottom-up. Iterative, so a deep tree cannot overflow
 * the stack; a node deleted while the walk runs is skipped.
 */
final class TreeWalk {

    /** Called with each path of the subtree. */
    @FunctionalInterface
    interface Visitor {
        void visit(String path) throws ZkException;
    }

    private TreeWalk() {
    }

    /**
     * @param watch whether to leave a data watch on the root and a child watch on every node
     * @throws ZkException if the root does not exist, or a request fails
     */
    static void visit(ZkClient client, String root, boolean watch, Visitor visitor) throws ZkException {
        client.getData(root, watch);
        visitor.visit(root);
        Deque<String> toExpand = new ArrayDeque<>();
        toExpand.push(root);
        while (!toExpand.isEmpty()) {
            String parent = toExpand.pop();
            List<String> children;
            try {
                children = new ArrayList<>(client.getChildren(parent, watch).children());
            } catch (KeeperException e) {
                if (e.code() == KeeperError.NO_NODE) {
                    continue;
                }
                throw e;
            }
            children.sort(null);
            List<String> paths = new ArrayList<>(children.size());
            for (String child : children) {
                String path = child(parent, child);
                visitor.visit(path);
                paths.add(path);
            }
            for (int i = paths.size() - 1; i >= 0; i--) {
                toExpand.push(paths.get(i));
            }
        }
    }

    /** Every path of the subtree, in visiting order. */
    static List<String> list(ZkClient client, String root) throws ZkException {
        List<String> paths = new ArrayList<>();
        visit(client, root, false, paths::add);
        return paths;
    }

    static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }
}
