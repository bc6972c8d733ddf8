package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zkplatform.election.fle.DriverInbox.InboundMessage;

class DriverInboxTest {

    @Test
    void dropsTheOldestMessageWhenFullAndNeverACommand() {
        DriverInbox inbox = new DriverInbox(2);
        inbox.offerMessage(new InboundMessage(1, new byte[] {1}));
        inbox.offerMessage(new InboundMessage(1, new byte[] {2}));
        inbox.offerMessage(new InboundMessage(1, new byte[] {3}));
        inbox.offerCommand(new DriverInbox.StartRound(new CompletableFuture<>()));
        inbox.offerCommand(new DriverInbox.Tick());

        assertInstanceOf(DriverInbox.StartRound.class, inbox.poll(), "commands come first, in order");
        assertInstanceOf(DriverInbox.Tick.class, inbox.poll());
        assertEquals(2, ((InboundMessage) inbox.poll()).message()[0], "message 1 was dropped");
        assertEquals(3, ((InboundMessage) inbox.poll()).message()[0]);
        assertEquals(1, inbox.droppedMessages());
        assertThrows(IllegalArgumentException.class, () -> inbox.offerCommand(new InboundMessage(1, new byte[0])));
        assertNull(inbox.poll(), "empty: the driver's pass ends instead of waiting");
    }

    @Test
    void everyOfferTellsTheDriverThereIsWork() {
        DriverInbox inbox = new DriverInbox(2);
        AtomicInteger ready = new AtomicInteger();
        inbox.onReady(ready::incrementAndGet);
        inbox.offerMessage(new InboundMessage(1, new byte[] {1}));
        inbox.offerCommand(new DriverInbox.Tick());
        assertEquals(2, ready.get());
    }
}
