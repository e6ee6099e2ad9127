package dev.homeostat.ml.telemetry;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History keeps time order, bounds memory, tolerates late and duplicate samples, and never fills gaps. */
class HistoryTest {

    private static Sample rate(long t, double v) {
        return Sample.at(t).arrivalRate(v).build();
    }

    private static long[] times(History h) {
        return h.samples().stream().mapToLong(Sample::epochMillis).toArray();
    }

    @Test
    void outOfOrderSampleIsInsertedAtItsPlaceInTime() {
        // given
        History h = new History(10);
        h.add(rate(1_000, 1));
        h.add(rate(3_000, 3));

        // when
        History.Insert result = h.add(rate(2_000, 2));

        // then
        assertEquals(History.Insert.INSERTED_OUT_OF_ORDER, result);
        assertArrayEquals(new long[] {1_000, 2_000, 3_000}, times(h));
    }

    @Test
    void duplicateTimestampReplacesTheHeldSample() {
        // given
        History h = new History(10);
        h.add(rate(1_000, 1));
        h.add(rate(2_000, 2));

        // when
        History.Insert result = h.add(rate(1_000, 7));

        // then
        assertEquals(History.Insert.REPLACED_DUPLICATE, result);
        assertEquals(2, h.size());
        assertEquals(7, h.oldest().orElseThrow().arrivalRate());
    }

    @Test
    void fullHistoryEvictsTheOldestAndDropsWhatIsOlderStill() {
        // given a history of 3 holding t=1..3 s
        History h = new History(3);
        for (long t = 1; t <= 3; t++) {
            h.add(rate(t * 1_000, t));
        }

        // when
        History.Insert appended = h.add(rate(4_000, 4));
        History.Insert late = h.add(rate(2_500, 2.5));
        History.Insert tooOld = h.add(rate(500, 0.5));

        // then
        assertEquals(History.Insert.APPENDED, appended);
        assertEquals(History.Insert.INSERTED_OUT_OF_ORDER, late);
        assertEquals(History.Insert.DROPPED_TOO_OLD, tooOld);
        assertArrayEquals(new long[] {2_500, 3_000, 4_000}, times(h));
        assertEquals(1, h.droppedCount());
        assertEquals(3, h.size());
    }

    @Test
    void ringWrapsManyTimesAndStaysOrdered() {
        // given
        History h = new History(5);

        // when 23 samples arrive, every third one late by 1.5 s
        for (long t = 1; t <= 23; t++) {
            h.add(rate(t % 3 == 0 ? t * 1_000 - 1_500 : t * 1_000, t));
        }

        // then the newest five remain, in time order
        long[] held = times(h);
        assertEquals(5, held.length);
        for (int i = 1; i < held.length; i++) {
            assertTrue(held[i] > held[i - 1]);
        }
        assertEquals(23_000, held[4]);
    }

    @Test
    void aGapStaysAGapAndAMissingValueIsLeftOutNotZeroed() {
        // given samples every 15 s, one missing interval, one unmeasured arrival rate
        History h = new History(100);
        h.add(rate(0, 10));
        h.add(rate(15_000, 11));
        h.add(rate(75_000, 12));
        h.add(Sample.at(90_000).lagRecords(5).build());

        // when
        List<History.Gap> gaps = h.gaps(Duration.ofSeconds(20));
        TimeSeries arrivals = h.series(Metric.ARRIVAL_RATE, 0);

        // then
        assertEquals(List.of(new History.Gap(15_000, 75_000)), gaps);
        assertEquals(Duration.ofMinutes(1), gaps.get(0).length());
        assertArrayEquals(new long[] {0, 15_000, 75_000}, arrivals.epochMillis());
        assertArrayEquals(new double[] {10, 11, 12}, arrivals.values());
    }

    @Test
    void stalenessFollowsTheInjectedClock() {
        // given
        History h = new History(4);
        Clock early = Clock.fixed(Instant.ofEpochMilli(100_000), ZoneOffset.UTC);
        Clock late = Clock.fixed(Instant.ofEpochMilli(200_000), ZoneOffset.UTC);

        // when / then: empty is stale
        assertTrue(h.isStale(early, Duration.ofSeconds(30)));
        assertTrue(h.age(early).isEmpty());

        h.add(rate(90_000, 1));
        assertFalse(h.isStale(early, Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(10), h.age(early).orElseThrow());
        assertTrue(h.isStale(late, Duration.ofSeconds(30)));
    }

    @Test
    void betweenIsHalfOpen() {
        // given
        History h = new History(10);
        for (long t = 0; t < 5; t++) {
            h.add(rate(t * 1_000, t));
        }

        // when
        List<Sample> window = h.between(1_000, 3_000);

        // then
        assertEquals(List.of(1_000L, 2_000L), window.stream().map(Sample::epochMillis).toList());
    }

    @Test
    void roundTripsThroughBytesKeepingEveryFieldAndTheBound() {
        // given a full history with out-of-order arrivals and partly measured samples
        History h = new History(3);
        h.add(Sample.at(2_000).arrivalRate(1).processedRate(2).lagRecords(3).lagSeconds(4).latency(0.1, 0.2, 0.3)
                .cpu(0.5).memory(1e9).busyFraction(0.7).errors(0.01).readyReplicas(3).build());
        h.add(rate(4_000, 4));
        h.add(rate(3_000, 3));
        h.add(rate(500, 0.5));

        // when
        History back = History.fromBytes(h.toBytes());

        // then
        assertEquals(h.samples(), back.samples());
        assertEquals(1, back.droppedCount());
        assertEquals(3, back.capacity());
        assertEquals(History.Insert.DROPPED_TOO_OLD, back.add(rate(1_000, 1)));
        byte[] corrupt = h.toBytes();
        assertThrows(IllegalArgumentException.class,
                () -> History.fromBytes(java.util.Arrays.copyOf(corrupt, corrupt.length - 1)));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new History(1));
        History h = new History(2);
        assertThrows(IllegalArgumentException.class, () -> h.add(null));
        assertThrows(IllegalArgumentException.class, () -> h.gaps(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeSeries(new long[] {2, 1}, new double[] {0, 0}));
    }
}
