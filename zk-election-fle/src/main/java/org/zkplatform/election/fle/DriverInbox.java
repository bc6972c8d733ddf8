package org.zkplatform.election.fle;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.zkplatform.api.election.Vote;

/**
 * Everything the election's driver is to handle: messages from the connection manager and
 * commands from the server and the timer. Messages are bounded and the oldest is dropped when the
 * queue is full, so a flood from the network never blocks an I/O thread (ZooKeeper's receive
 * queue does the same). Commands are never dropped and come first. Each offer tells the driver
 * there is work ({@link #onReady}); the driver takes it with {@link #poll()}, never waiting.
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
    private long dropped;
    private volatile Runnable ready = () -> { };

    /** {@code ready} runs after each offer, on the offering thread, outside the inbox's lock. */
    void onReady(Runnable ready) {
        this.ready = ready;
    }

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
        } finally {
            lock.unlock();
        }
        ready.run();
    }

    void offerCommand(Input command) {
        if (command instanceof InboundMessage) {
            throw new IllegalArgumentException("messages go through offerMessage");
        }
        lock.lock();
        try {
            commands.addLast(command);
        } finally {
            lock.unlock();
        }
        ready.run();
    }

    /** The next command, else the next message, or null if there is none. */
    Input poll() {
        lock.lock();
        try {
            return !commands.isEmpty() ? commands.pollFirst() : messages.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Fails every round asked for and not yet started: the election is closing. */
    void failPendingRounds(Throwable cause) {
        lock.lock();
        try {
            for (Input command : commands) {
                if (command instanceof StartRound start) {
                    start.result().completeExceptionally(cause);
                }
            }
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
