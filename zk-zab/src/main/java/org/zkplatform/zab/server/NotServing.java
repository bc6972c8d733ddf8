package org.zkplatform.zab.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a quorum peer does with clients while it has no role that serves them (looking for a
 * leader, or syncing with one): it closes their connections, so a client moves on to another
 * server, and answers the four-letter words as ZooKeeper does when it is not running.
 */
public final class NotServing {

    private static final Logger LOG = LoggerFactory.getLogger(NotServing.class);
    static final String MESSAGE = "This ZooKeeper instance is not currently serving requests\n";

    private final Set<String> fourLetterWords;

    public NotServing(Set<String> fourLetterWords) {
        this.fourLetterWords = fourLetterWords;
    }

    /** Handles a client event that arrived while no role serves clients. */
    public void handle(CoreEvent event) {
        if (event instanceof CoreEvent.Connect) {
            ClientConnection c = ((CoreEvent.Connect) event).connection();
            LOG.debug("Closing the connection from {}: not serving while the ensemble has no leader",
                    c.remoteAddress());
            c.closing = true;
            c.transport.close();
        } else if (event instanceof CoreEvent.Request) {
            ClientConnection c = ((CoreEvent.Request) event).connection();
            c.closing = true;
            c.transport.close();
        } else if (event instanceof CoreEvent.FourLetterWord) {
            CoreEvent.FourLetterWord word = (CoreEvent.FourLetterWord) event;
            String output = answer(word.word());
            word.connection().transport.write(ByteBuffer.wrap(output.getBytes(StandardCharsets.UTF_8)));
            word.connection().transport.close();
        } else if (event instanceof CoreEvent.Task) {
            ((CoreEvent.Task) event).task().run();
        }
    }

    private String answer(String word) {
        if (!fourLetterWords.contains("*") && !fourLetterWords.contains(word)) {
            return word + " is not executed because it is not in the whitelist.\n";
        }
        switch (word) {
            case "ruok":
            case "envi":
                return FourLetterWords.answer(word, fourLetterWords, null);
            case "isro":
                return "null";
            default:
                return MESSAGE;
        }
    }
}
