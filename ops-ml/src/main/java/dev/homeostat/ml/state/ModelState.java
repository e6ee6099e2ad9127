package dev.homeostat.ml.state;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Versioned byte envelope for model state, so the operator can persist models (e.g. in a ConfigMap
 * or a compacted Kafka topic) and read them back after a restart or an upgrade.
 *
 * <p>Layout (big-endian): magic {@code "HMST"} (4 bytes) · kind (int length + UTF-8) · codec version
 * (int) · payload length (int) · payload · CRC-32 of everything before it (int). Decoding rejects
 * with an {@link IllegalArgumentException} a wrong magic, another kind, a version the codec does not
 * read, truncation, trailing bytes and a checksum mismatch.
 */
public final class ModelState {

    /** "HMST" in ASCII. */
    public static final int MAGIC = 0x484D5354;

    /** Largest payload accepted, to refuse absurd lengths from corrupt input (64 MiB). */
    public static final int MAX_PAYLOAD_BYTES = 64 << 20;

    /** What an envelope says about itself, readable without knowing its codec. */
    public record Header(String kind, int version, int payloadBytes) {
    }

    private ModelState() {
    }

    /** Encodes {@code model} with {@code codec} into a self-describing, checksummed envelope. */
    public static <T> byte[] encode(T model, StateCodec<T> codec) {
        StateWriter payloadWriter = new StateWriter();
        codec.write(model, payloadWriter);
        byte[] payload = payloadWriter.toByteArray();
        StateWriter envelope = new StateWriter();
        envelope.writeInt(MAGIC).writeString(codec.kind()).writeInt(codec.version()).writeInt(payload.length);
        byte[] head = envelope.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(head.length + payload.length + Integer.BYTES);
        out.put(head).put(payload);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, head.length + payload.length);
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /** Decodes an envelope written by {@link #encode} with a codec of the same kind. */
    public static <T> T decode(byte[] bytes, StateCodec<T> codec) {
        Header header = header(bytes);
        if (!header.kind().equals(codec.kind())) {
            throw new IllegalArgumentException("state is of kind '" + header.kind() + "', expected '"
                    + codec.kind() + "'");
        }
        if (header.version() < 1 || header.version() > codec.version()) {
            throw new IllegalArgumentException("unsupported " + codec.kind() + " state version " + header.version()
                    + " (this build reads 1.." + codec.version() + ")");
        }
        int payloadStart = bytes.length - Integer.BYTES - header.payloadBytes();
        StateReader reader = new StateReader(
                ByteBuffer.wrap(bytes, payloadStart, header.payloadBytes()).slice(), codec.kind());
        T model = codec.read(reader, header.version());
        if (reader.remaining() != 0) {
            throw new IllegalArgumentException("corrupt " + codec.kind() + " state: " + reader.remaining()
                    + " unread payload bytes");
        }
        return model;
    }

    /** Reads and checks the envelope (magic, lengths, checksum) without decoding the payload. */
    public static Header header(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("state bytes must not be null");
        }
        StateReader reader = new StateReader(ByteBuffer.wrap(bytes), "model");
        if (bytes.length < Integer.BYTES) {
            throw new IllegalArgumentException("not a model state: only " + bytes.length + " bytes");
        }
        int magic = reader.readInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException(String.format(
                    "not a model state: bad magic 0x%08X (expected 0x%08X \"HMST\")", magic, MAGIC));
        }
        String kind = reader.readString();
        int version = reader.readInt();
        int payloadBytes = reader.readInt();
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("corrupt " + kind + " state: payload length " + payloadBytes);
        }
        long expectedTotal = (long) bytes.length - reader.remaining() + payloadBytes + Integer.BYTES;
        if (expectedTotal > bytes.length) {
            throw new IllegalArgumentException("truncated " + kind + " state: " + bytes.length
                    + " bytes, header announces " + expectedTotal);
        }
        if (expectedTotal < bytes.length) {
            throw new IllegalArgumentException("corrupt " + kind + " state: " + (bytes.length - expectedTotal)
                    + " trailing bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Integer.BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES).getInt();
        if (stored != (int) crc.getValue()) {
            throw new IllegalArgumentException("corrupt " + kind + " state: checksum mismatch");
        }
        return new Header(kind, version, payloadBytes);
    }
}
