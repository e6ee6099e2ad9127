package dev.homeostat.ml.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Big-endian primitive writer used by {@link StateCodec}s; arrays are written length-first. */
public final class StateWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    StateWriter() {
    }

    public StateWriter writeInt(int v) {
        return io(() -> out.writeInt(v));
    }

    public StateWriter writeLong(long v) {
        return io(() -> out.writeLong(v));
    }

    public StateWriter writeDouble(double v) {
        return io(() -> out.writeDouble(v));
    }

    public StateWriter writeBoolean(boolean v) {
        return io(() -> out.writeBoolean(v));
    }

    /** Writes a string as UTF-8, length-prefixed (up to 65,535 bytes). */
    public StateWriter writeString(String v) {
        byte[] utf = v.getBytes(StandardCharsets.UTF_8);
        if (utf.length > StateReader.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string too long to store: " + utf.length + " bytes");
        }
        return io(() -> {
            out.writeInt(utf.length);
            out.write(utf);
        });
    }

    public StateWriter writeDoubles(double[] v) {
        return io(() -> {
            out.writeInt(v.length);
            for (double d : v) {
                out.writeDouble(d);
            }
        });
    }

    public StateWriter writeLongs(long[] v) {
        return io(() -> {
            out.writeInt(v.length);
            for (long l : v) {
                out.writeLong(l);
            }
        });
    }

    public StateWriter writeInts(int[] v) {
        return io(() -> {
            out.writeInt(v.length);
            for (int i : v) {
                out.writeInt(i);
            }
        });
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private StateWriter io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; this only guards the checked signature.
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A write that may throw the checked IOException of DataOutputStream. */
    private interface IoAction {
        void run() throws IOException;
    }
}
