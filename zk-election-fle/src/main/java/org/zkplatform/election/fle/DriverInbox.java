package org.zkplatform.election.fle;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.zkplatform.api.election.Vote;

/**
 * Everything the election's driver thread is to handle: messages from the connection manager and
 * commands from the server and the timer. Messages are bounded and the oldest is dropped when the
 * queue is full, so a flood from the network never blocks an I/O thread (ZooKeeper's receive
 * queue does the same). Commands are never dropped and come first.
 */
final class DriverInbox {

    /** One thing for the driver. */
    sealed interface Input permits InboundMessage, StartRound, Tick, Stop {
    }

    /** The bytes of one election message from server {@code fromSid} (its frame removed). */
    record InboundMessage(long fromSid, byte[] message) implements Input {
        InboundMessage {
            Objects.requireNonNull(message, "message is null");
        }
    }

    /** Start a round; complete {@code result} with its decision. */
    record StartRound(CompletableFuture<Vote> result) implements Input {
    }

    /** The round's deadline may have passed. */
    record Tick() implements Input {
    }

    /** Finish: the election is closing. */
    record Stop() implements Input {
    }

    private final int messageCapacity;
    private final ArrayDeque<InboundMessage> messages = new ArrayDeque<>();
    private final ArrayDeque<Input> commands = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private long dropped;

    DriverInbox(int messageCapacity) {
        if (messageCapacity < 1) {
            throw new IllegalArgumentException("messageCapacity must be positive: " + messageCapacity);
        }
        this.messageCapacity = messageCapacity;
    }

    /** Queues a message, dropping the oldest one if the queue is full; never blocks. */
    void offerMessage(InboundMessage message) {
        lock.lock();
        try {
            if (messages.size() == messageCapacity) {
                messages.pollFirst();
                dropped++;
            }
            messages.addLast(message);
            nonEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    void offerCommand(Input command) {
        if (command instanceof InboundMessage) {
            throw new IllegalArgumentException("messages go through offerMessage");
        }
        lock.lock();
        try {
            commands.addLast(command);
            nonEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next command, else the next message; waits until there is one. */
    Input take() throws InterruptedException {
        lock.lock();
        try {
            // Each wakeup either returns or waits again; spurious wakeups are the only repeats.
            while (commands.isEmpty() && messages.isEmpty()) {
                nonEmpty.await();
            }
            return !commands.isEmpty() ? commands.pollFirst() : messages.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Messages dropped so far because the queue was full. */
    long droppedMessages() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
