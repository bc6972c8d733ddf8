package org.zkplatform.zab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionTrackerTest {

    private static final int TICK = 2000;

    @Nested
    class Ids {

        @Test
        void serverIdIsTheTopByteAndTheClockFillsBits55To16() {
            long id = SessionTracker.initialSessionId(5, 0x12_3456_789AL);
            assertEquals(0x0512_3456_789A_0000L, id);
            assertEquals(5, id >>> 56);
            assertEquals(0x12_3456_789AL, (id >>> 16) & 0xFF_FFFF_FFFFL);
            assertEquals(0, id & 0xFFFF);
        }

        @Test
        void onlyTheLow40BitsOfTheClockAreKept() {
            assertEquals(
                    SessionTracker.initialSessionId(3, 0x12_3456_789AL),
                    SessionTracker.initialSessionId(3, 0xABCD_0012_3456_789AL));
        }

        @Test
        void standaloneIdsHaveAZeroTopByte() {
            assertEquals(0x0000_0000_0001_0000L, SessionTracker.initialSessionId(0, 1));
        }

        @Test
        void theContainerMarkerIsNeverTheInitialId() {
            assertEquals(0x8000_0000_0000_0001L, SessionTracker.initialSessionId(0x80, 0));
        }

        @Test
        void createdIdsStartAtTheInitialIdAndIncrease() {
            SessionTracker tracker = new SessionTracker(7, 0x1234_5678L, TICK);
            long first = tracker.createSession(4000, 0x1234_5678L);
            assertEquals(SessionTracker.initialSessionId(7, 0x1234_5678L), first);
            assertEquals(first + 1, tracker.createSession(4000, 0x1234_5678L));
            assertEquals(first + 2, tracker.createSession(9000, 0x1234_5679L));
            assertEquals(7, tracker.serverId());
            assertEquals(3, tracker.count());
        }

        @Test
        void tickTimeMustBePositive() {
            assertThrows(IllegalArgumentException.class, () -> new SessionTracker(1, 0, 0));
        }
    }

    @Nested
    class Passwords {

        @Test
        void passwordIs16BytesOfJavaUtilRandomSeededWithIdXorSuperSecret() {
            long id = 0x0100_0023_de8a_0000L;
            byte[] expected = new byte[16];
            new Random(id ^ 0xB3415C00L).nextBytes(expected);
            assertArrayEquals(expected, SessionTracker.password(id));
            assertEquals("e45bdb15a129ba9d622b171052cdd13a", HexFormat.of().formatHex(SessionTracker.password(id)));
        }

        @Test
        void passwordIsDeterministicAndDiffersPerId() {
            assertArrayEquals(SessionTracker.password(42), SessionTracker.password(42));
            assertFalse(Arrays.equals(SessionTracker.password(42), SessionTracker.password(43)));
        }

        @Test
        void matchingAcceptsOnlyTheRightPasswordForANonZeroId() {
            long id = 0x0300_0001_0000_0005L;
            assertTrue(SessionTracker.passwordMatches(id, SessionTracker.password(id)));
            assertFalse(SessionTracker.passwordMatches(id, SessionTracker.password(id + 1)));
            assertFalse(SessionTracker.passwordMatches(id, new byte[16]));
            assertFalse(SessionTracker.passwordMatches(id, Arrays.copyOf(SessionTracker.password(id), 15)));
            assertFalse(SessionTracker.passwordMatches(id, null));
            assertFalse(SessionTracker.passwordMatches(0, SessionTracker.password(0)));
        }
    }

    @Nested
    class Expiry {

        private final SessionTracker tracker = new SessionTracker(1, 0, TICK);

        @Test
        void aSessionGoesToTheNextTickMultipleAfterNowPlusTimeout() {
            long a = tracker.createSession(4000, 1000); // 5000 -> 6000
            long b = tracker.createSession(4000, 0); // exactly 4000 -> one tick further, 6000
            long c = tracker.createSession(4000, 2500); // 6500 -> 8000
            Map<Long, List<Long>> expected = new TreeMap<>();
            expected.put(6000L, List.of(a, b));
            expected.put(8000L, List.of(c));
            assertEquals(expected, tracker.expiryBuckets());
        }

        @Test
        void aSessionExpiresOnlyOnceItsBucketTimeHasCome() {
            long id = tracker.createSession(4000, 1000);
            assertEquals(List.of(), tracker.expired(5999));
            assertTrue(tracker.isActive(id));
            assertEquals(List.of(id), tracker.expired(6000));
            assertTrue(tracker.isClosing(id));
            assertFalse(tracker.isActive(id));
            assertTrue(tracker.contains(id), "stays tracked until removed");
        }

        @Test
        void anExpiredSessionIsReportedOnce() {
            long id = tracker.createSession(4000, 1000);
            assertEquals(List.of(id), tracker.expired(7000));
            assertEquals(List.of(), tracker.expired(7000));
            assertEquals(List.of(), tracker.expired(20_000));
        }

        @Test
        void touchMovesTheSessionToALaterBucket() {
            long id = tracker.createSession(4000, 1000); // bucket 6000
            assertTrue(tracker.touch(id, 3000)); // 7000 -> 8000
            assertEquals(List.of(), tracker.expired(6000));
            assertEquals(List.of(), tracker.expired(7999));
            assertEquals(List.of(id), tracker.expired(8000));
        }

        @Test
        void touchingAnUnknownOrClosingSessionFails() {
            assertFalse(tracker.touch(99, 0));
            long id = tracker.createSession(4000, 0);
            tracker.setClosing(id);
            assertFalse(tracker.touch(id, 100));
            assertTrue(tracker.isClosing(id));
        }

        @Test
        void closingSessionsStillExpireWithTheirBucket() {
            long id = tracker.createSession(4000, 0);
            tracker.setClosing(id);
            assertEquals(List.of(id), tracker.expired(6000));
        }

        @Test
        void severalDueBucketsComeOutInBucketOrderThenIdOrder() {
            long a = tracker.createSession(8000, 0); // 10000
            long b = tracker.createSession(4000, 0); // 6000
            long c = tracker.createSession(4000, 1000); // 6000
            assertEquals(List.of(b, c, a), tracker.expired(12_000));
        }

        @Test
        void nextExpiryCheckIsTheNextTickMultiple() {
            SessionTracker t = new SessionTracker(1, 3500, TICK);
            assertEquals(4000, t.nextExpiryCheckMs());
            assertEquals(List.of(), t.expired(3999));
            assertEquals(4000, t.nextExpiryCheckMs());
            t.expired(4000);
            assertEquals(6000, t.nextExpiryCheckMs());
            t.expired(13_001);
            assertEquals(14_000, t.nextExpiryCheckMs());
        }

        @Test
        void removedSessionsNeverExpireAndLeaveAnEmptyBucket() {
            long id = tracker.createSession(4000, 0);
            tracker.removeSession(id);
            assertFalse(tracker.contains(id));
            assertEquals(0, tracker.count());
            assertEquals(Map.of(6000L, List.of()), tracker.expiryBuckets());
            assertEquals(List.of(), tracker.expired(6000));
            assertEquals(Map.of(), tracker.expiryBuckets());
            tracker.removeSession(id); // unknown: ignored
        }

        @Test
        void removingAnExpiredSessionForgetsIt() {
            long id = tracker.createSession(4000, 0);
            tracker.expired(6000);
            tracker.removeSession(id);
            assertFalse(tracker.contains(id));
            assertFalse(tracker.isClosing(id));
            assertEquals(0, tracker.timeoutOf(id));
        }
    }

    @Nested
    class LearnedSessions {

        private final SessionTracker tracker = new SessionTracker(1, 0, TICK);

        @Test
        void createdSessionsAreCommittedOnlyOnceAdded() {
            long id = tracker.createSession(5000, 0);
            assertEquals(Map.of(), tracker.sessionsWithTimeouts());
            assertFalse(tracker.addSession(id, 5000, 10));
            assertEquals(Map.of(id, 5000), tracker.sessionsWithTimeouts());
        }

        @Test
        void addingAnUnknownSessionTracksAndCommitsIt() {
            assertTrue(tracker.addSession(0x0200_0000_0001_0000L, 6000, 0));
            assertTrue(tracker.isActive(0x0200_0000_0001_0000L));
            assertEquals(6000, tracker.timeoutOf(0x0200_0000_0001_0000L));
            assertEquals(Map.of(8000L, List.of(0x0200_0000_0001_0000L)), tracker.expiryBuckets());
        }

        @Test
        void addingAnExistingSessionTakesTheNewTimeoutAndRebuckets() {
            long id = tracker.createSession(4000, 0); // 6000
            assertFalse(tracker.addSession(id, 10_000, 1000)); // 11000 -> 12000
            assertEquals(10_000, tracker.timeoutOf(id));
            assertEquals(List.of(), tracker.expired(6000));
            assertEquals(List.of(id), tracker.expired(12_000));
        }

        @Test
        void sessionsWithTimeoutsIsSortedById() {
            tracker.addSession(30, 3000, 0);
            tracker.addSession(-5, 4000, 0);
            tracker.addSession(10, 5000, 0);
            assertEquals(List.of(-5L, 10L, 30L), List.copyOf(tracker.sessionsWithTimeouts().keySet()));
            assertEquals(3, tracker.count());
        }

        @Test
        void unknownSessionsHaveNoTimeout() {
            assertEquals(0, tracker.timeoutOf(12345));
            assertFalse(tracker.isActive(12345));
            assertFalse(tracker.isClosing(12345));
            tracker.setClosing(12345); // ignored
            assertFalse(tracker.contains(12345));
        }
    }

    @Nested
    class Dump {

        @Test
        void dumpMatchesZooKeepersSessionTrackerText() {
            SessionTracker tracker = new SessionTracker(1, 0, TICK);
            long a = tracker.createSession(4000, 0); // 6000
            long b = tracker.createSession(4000, 500); // 6000
            long c = tracker.createSession(10_000, 0); // 12000
            long gone = tracker.createSession(6000, 0); // 8000
            tracker.removeSession(gone);

            long now = 1000;
            long wall = 1_700_000_000_000L;
            String expected = "Session Sets (3)/(3):\n"
                    + "2 expire at " + new Date(wall - now + 6000) + ":\n"
                    + "\t0x" + Long.toHexString(a) + "\n"
                    + "\t0x" + Long.toHexString(b) + "\n"
                    + "0 expire at " + new Date(wall - now + 8000) + ":\n"
                    + "1 expire at " + new Date(wall - now + 12_000) + ":\n"
                    + "\t0x" + Long.toHexString(c) + "\n";
            assertEquals(expected, tracker.dump(now, wall));
        }

        @Test
        void dumpOfAnEmptyTracker() {
            assertEquals("Session Sets (0)/(0):\n", new SessionTracker(0, 0, TICK).dump(0, 0));
        }

        @Test
        void expiredButUnremovedSessionsCountAsTrackedInTheDump() {
            SessionTracker tracker = new SessionTracker(1, 0, TICK);
            tracker.createSession(4000, 0);
            tracker.expired(6000);
            assertEquals("Session Sets (0)/(1):\n", tracker.dump(6000, 0));
        }
    }
}
