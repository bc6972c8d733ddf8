package org.zkplatform.dist.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.zkplatform.dist.cli.client.ClientState;
import org.zkplatform.dist.cli.client.ZkClient;
import org.zkplatform.dist.cli.client.ZkException;

/** Tab completion: command names first, then znode paths, by asking the server for the children. */
final class ShellCompleter implements Completer {

    private final Shell shell;

    ShellCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            CommandParser.names().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        String word = line.word();
        Optional<ZkClient> client = shell.currentClient();
        if (!word.startsWith("/") || client.isEmpty() || client.get().state() != ClientState.CONNECTED) {
            return;
        }
        int slash = word.lastIndexOf('/');
        String parent = slash == 0 ? "/" : word.substring(0, slash);
        List<String> children;
        try {
            children = new ArrayList<>(client.get().getChildren(parent, false).children());
        } catch (ZkException e) {
            return;
        }
        children.sort(null);
        for (String child : children) {
            String path = TreeWalk.child(parent, child);
            // Not complete: no space after it, so the user can go on with "/" into the node.
            candidates.add(new Candidate(path, path, null, null, null, null, false));
        }
    }
}
