package dev.homeostat.operator.scaler;

import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.forecast.SeasonalForecaster;
import dev.homeostat.ml.policy.PastDecision;
import dev.homeostat.ml.telemetry.History;
import dev.homeostat.ml.telemetry.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One app's learned state as stored: the forecaster and capacity estimator (their own versioned {@code ops-ml}
 * envelopes), the recent decisions and the most recent telemetry history, gzip-compressed. The history is cut
 * (oldest first) until the whole fits the size cap; the anomaly detectors are rebuilt by replaying it.
 *
 * @param samples    recent history, oldest first
 * @param forecaster the arrival-rate forecaster
 * @param capacity   the per-replica capacity estimator
 * @param decisions  recent decisions, oldest first
 */
record ModelSnapshot(List<Sample> samples, SeasonalForecaster forecaster, CapacityEstimator capacity,
                     List<PastDecision> decisions) {

    /** "HMAS": Homeostat app state. */
    static final int MAGIC = 0x484D4153;
    /** Layout version; a reader refuses any other. */
    static final int VERSION = 1;
    /** Longest decoded stream accepted, so a hostile ConfigMap cannot exhaust memory (a gzip bomb). */
    static final int MAX_DECODED_BYTES = 32 << 20;

    /** The compressed bytes, at most {@code maxBytes}: older history is dropped until it fits. */
    byte[] encode(int maxBytes) {
        int keep = samples.size();
        while (true) {
            byte[] bytes = encodeWith(samples.subList(samples.size() - keep, samples.size()));
            if (bytes.length <= maxBytes) {
                return bytes;
            }
            if (keep == 0) {
                throw new IllegalStateException("model state of " + bytes.length + " bytes exceeds the cap of "
                        + maxBytes + " bytes even without history");
            }
            keep = keep / 2;
        }
    }

    private byte[] encodeWith(List<Sample> kept) {
        History history = new History(Math.max(2, kept.size()));
        kept.forEach(history::add);
        var buffer = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new GZIPOutputStream(buffer))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeBlock(out, forecaster.toBytes());
            writeBlock(out, capacity.toBytes());
            writeBlock(out, history.toBytes());
            out.writeInt(decisions.size());
            for (PastDecision d : decisions) {
                out.writeLong(d.at().toEpochMilli());
                out.writeInt(d.recommended());
                out.writeInt(d.before());
                out.writeInt(d.desired());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Decodes {@link #encode} output; {@link IllegalArgumentException} naming the problem on anything else. */
    static ModelSnapshot decode(byte[] bytes) {
        try (var in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            byte[] all = in.readNBytes(MAX_DECODED_BYTES + 1);
            if (all.length > MAX_DECODED_BYTES) {
                throw new IllegalArgumentException("model state decompresses to more than " + MAX_DECODED_BYTES + " bytes");
            }
            var data = new DataInputStream(new ByteArrayInputStream(all));
            int magic = data.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException("not a Homeostat model state (magic " + Integer.toHexString(magic) + ")");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("model state version " + version + " is not supported (this operator reads "
                        + VERSION + ")");
            }
            SeasonalForecaster forecaster = SeasonalForecaster.fromBytes(readBlock(data));
            CapacityEstimator capacity = CapacityEstimator.fromBytes(readBlock(data));
            History history = History.fromBytes(readBlock(data));
            int count = data.readInt();
            if (count < 0 || count > AppModels.MAX_DECISIONS) {
                throw new IllegalArgumentException("model state holds " + count + " decisions");
            }
            List<PastDecision> decisions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                decisions.add(new PastDecision(Instant.ofEpochMilli(data.readLong()), data.readInt(), data.readInt(),
                        data.readInt()));
            }
            return new ModelSnapshot(history.samples(), forecaster, capacity, decisions);
        } catch (IOException e) {
            throw new IllegalArgumentException("model state is truncated or not gzip: " + e.getMessage(), e);
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_DECODED_BYTES) {
            throw new IllegalArgumentException("model state block of " + length + " bytes");
        }
        return in.readNBytes(length);
    }
}
