package dev.homeostat.operator.scaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.forecast.SeasonalForecaster;
import dev.homeostat.ml.policy.PastDecision;
import dev.homeostat.ml.telemetry.Sample;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The stored model state: round trip, size cap, and refusal of corrupt or incompatible bytes. */
class ModelSnapshotTest {

    static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();

    @Test
    void roundTripKeepsHistoryModelsAndDecisions() {
        // given models that learned from 200 samples at 15 s
        ModelSnapshot snapshot = learned(200);

        // when
        ModelSnapshot back = ModelSnapshot.decode(snapshot.encode(1 << 20));

        // then
        assertEquals(snapshot.samples(), back.samples());
        assertEquals(snapshot.capacity().estimate(), back.capacity().estimate());
        assertEquals(snapshot.forecaster().observations(), back.forecaster().observations());
        assertEquals(snapshot.forecaster().forecastAt(T0 + 201 * 15_000L), back.forecaster().forecastAt(T0 + 201 * 15_000L));
        assertEquals(snapshot.decisions(), back.decisions());
    }

    @Test
    void historyIsCutOldestFirstToFitTheCap() {
        // given a long history and a cap that cannot hold all of it
        ModelSnapshot snapshot = learned(2000);
        int full = snapshot.encode(Integer.MAX_VALUE).length;

        // when
        byte[] capped = snapshot.encode(full / 2);

        // then the newest samples survive and the bytes fit
        assertTrue(capped.length <= full / 2, capped.length + " > " + full / 2);
        List<Sample> kept = ModelSnapshot.decode(capped).samples();
        assertTrue(kept.size() < 2000 && !kept.isEmpty(), "kept " + kept.size());
        assertEquals(snapshot.samples().getLast(), kept.getLast());
    }

    @Test
    void corruptTruncatedAndForeignBytesAreRefusedWithAReason() {
        byte[] good = learned(50).encode(1 << 20);
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5a;

        assertThrows(IllegalArgumentException.class, () -> ModelSnapshot.decode(truncated));
        assertThrows(IllegalArgumentException.class, () -> ModelSnapshot.decode(flipped));
        assertThrows(IllegalArgumentException.class, () -> ModelSnapshot.decode("not gzip".getBytes()));
        var e = assertThrows(IllegalArgumentException.class, () -> ModelSnapshot.decode(gzip(ModelSnapshot.MAGIC, 99)));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    private static ModelSnapshot learned(int n) {
        var forecaster = SeasonalForecaster.create(SeasonalForecaster.Options.defaults());
        var capacity = CapacityEstimator.create(CapacityEstimator.Options.defaults());
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = T0 + i * 15_000L;
            double rate = 100 + 20 * Math.sin(i / 10.0);
            Sample s = Sample.at(t).arrivalRate(rate).processedRate(rate).busyFraction(rate / 400).readyReplicas(2)
                    .lagRecords(10).lagSeconds(0.1).build();
            samples.add(s);
            forecaster.observe(t, rate);
            capacity.observe(s);
        }
        var decisions = List.of(new PastDecision(Instant.ofEpochMilli(T0), 2, 1, 2),
                new PastDecision(Instant.ofEpochMilli(T0).plus(Duration.ofMinutes(1)), 2, 2, 2));
        return new ModelSnapshot(samples, forecaster, capacity, decisions);
    }

    private static byte[] gzip(int magic, int version) {
        var buffer = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new GZIPOutputStream(buffer))) {
            out.writeInt(magic);
            out.writeInt(version);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return buffer.toByteArray();
    }
}
