package dev.homeostat.ml.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reader matching {@link StateWriter}. Truncated input and implausible array lengths raise
 * {@link IllegalArgumentException}, never an out-of-memory error or a silent default.
 */
public final class StateReader {

    /** Longest string accepted, in UTF-8 bytes. */
    static final int MAX_STRING_BYTES = 65_535;

    private final ByteBuffer in;
    private final String kind;

    StateReader(ByteBuffer in, String kind) {
        this.in = in;
        this.kind = kind;
    }

    public int readInt() {
        need(Integer.BYTES);
        return in.getInt();
    }

    public long readLong() {
        need(Long.BYTES);
        return in.getLong();
    }

    public double readDouble() {
        need(Double.BYTES);
        return in.getDouble();
    }

    public boolean readBoolean() {
        need(1);
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw new IllegalArgumentException("corrupt " + kind + " state: boolean byte " + b);
        }
        return b == 1;
    }

    public String readString() {
        int length = readLength(MAX_STRING_BYTES, 1);
        byte[] utf = new byte[length];
        in.get(utf);
        return new String(utf, StandardCharsets.UTF_8);
    }

    /** Reads a double array, rejecting a stored length above {@code maxLength}. */
    public double[] readDoubles(int maxLength) {
        int n = readLength(maxLength, Double.BYTES);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.getDouble();
        }
        return v;
    }

    /** Reads a long array, rejecting a stored length above {@code maxLength}. */
    public long[] readLongs(int maxLength) {
        int n = readLength(maxLength, Long.BYTES);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.getLong();
        }
        return v;
    }

    /** Reads an int array, rejecting a stored length above {@code maxLength}. */
    public int[] readInts(int maxLength) {
        int n = readLength(maxLength, Integer.BYTES);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.getInt();
        }
        return v;
    }

    /** Fails unless {@code condition} holds, naming the state kind and {@code what} in the message. */
    public void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("corrupt " + kind + " state: " + what);
        }
    }

    int remaining() {
        return in.remaining();
    }

    private int readLength(int maxLength, int elementBytes) {
        int n = readInt();
        if (n < 0 || n > maxLength) {
            throw new IllegalArgumentException("corrupt " + kind + " state: array length " + n
                    + " outside [0, " + maxLength + "]");
        }
        need((long) n * elementBytes);
        return n;
    }

    private void need(long bytes) {
        if (in.remaining() < bytes) {
            throw new IllegalArgumentException("truncated " + kind + " state: needed " + bytes
                    + " more bytes at offset " + in.position() + ", only " + in.remaining() + " left");
        }
    }
}
