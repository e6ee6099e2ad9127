package dev.homeostat.ml.state;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state envelope round-trips and refuses corrupt, foreign or future input. */
class ModelStateTest {

    /** A toy model with every field type the writer supports. */
    record Toy(int i, long l, double d, boolean b, String s, double[] ds, long[] ls, int[] is) {
    }

    /** Writes version {@code version}; reads 1 and 2 (version 1 had no string). */
    static class ToyCodec implements StateCodec<Toy> {
        private final int version;
        private final String kind;

        ToyCodec(String kind, int version) {
            this.kind = kind;
            this.version = version;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public void write(Toy t, StateWriter out) {
            out.writeInt(t.i()).writeLong(t.l()).writeDouble(t.d()).writeBoolean(t.b());
            if (version >= 2) {
                out.writeString(t.s());
            }
            out.writeDoubles(t.ds()).writeLongs(t.ls()).writeInts(t.is());
        }

        @Override
        public Toy read(StateReader in, int v) {
            int i = in.readInt();
            long l = in.readLong();
            double d = in.readDouble();
            boolean b = in.readBoolean();
            String s = v >= 2 ? in.readString() : "";
            return new Toy(i, l, d, b, s, in.readDoubles(100), in.readLongs(100), in.readInts(100));
        }
    }

    private static final Toy TOY = new Toy(7, -3L, Math.PI, true, "zürich ✓", new double[] {1, Double.NaN},
            new long[] {Long.MAX_VALUE}, new int[] {});

    @Test
    void roundTripsEveryFieldType() {
        // given
        ToyCodec codec = new ToyCodec("test.toy", 2);

        // when
        byte[] bytes = ModelState.encode(TOY, codec);
        Toy back = ModelState.decode(bytes, codec);

        // then
        assertEquals(TOY.i(), back.i());
        assertEquals(TOY.l(), back.l());
        assertEquals(TOY.d(), back.d());
        assertEquals(TOY.b(), back.b());
        assertEquals(TOY.s(), back.s());
        assertArrayEquals(TOY.ds(), back.ds());
        assertArrayEquals(TOY.ls(), back.ls());
        assertArrayEquals(TOY.is(), back.is());
        assertEquals(new ModelState.Header("test.toy", 2, bytes.length - 4 - 4 - 8 - 4 - 4 - 4),
                ModelState.header(bytes));
    }

    @Test
    void anOlderVersionIsStillReadable() {
        // given state written by version 1 of the codec
        byte[] old = ModelState.encode(TOY, new ToyCodec("test.toy", 1));

        // when read by version 2
        Toy back = ModelState.decode(old, new ToyCodec("test.toy", 2));

        // then
        assertEquals("", back.s());
        assertEquals(TOY.l(), back.l());
    }

    @Test
    void corruptInputIsRejectedWithAClearMessage() {
        ToyCodec codec = new ToyCodec("test.toy", 2);
        byte[] good = ModelState.encode(TOY, codec);

        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        assertMessage("bad magic", () -> ModelState.decode(badMagic, codec));

        assertMessage("unsupported test.toy state version 3",
                () -> ModelState.decode(ModelState.encode(TOY, new ToyCodec("test.toy", 3)), codec));

        assertMessage("kind 'other.toy'",
                () -> ModelState.decode(ModelState.encode(TOY, new ToyCodec("other.toy", 2)), codec));

        for (int cut : new int[] {0, 3, 6, 20, good.length - 1}) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(IllegalArgumentException.class, () -> ModelState.decode(truncated, codec), "cut " + cut);
        }
        assertMessage("truncated", () -> ModelState.decode(Arrays.copyOf(good, good.length - 9), codec));

        assertMessage("trailing", () -> ModelState.decode(Arrays.copyOf(good, good.length + 2), codec));

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertMessage("checksum", () -> ModelState.decode(flipped, codec));

        assertThrows(IllegalArgumentException.class, () -> ModelState.decode(null, codec));
    }

    @Test
    void aCodecReadingLessThanWasWrittenIsCaught() {
        // given a payload with an extra int the reader does not expect
        StateCodec<Toy> longer = new ToyCodec("test.toy", 2) {
            @Override
            public void write(Toy t, StateWriter out) {
                super.write(t, out);
                out.writeInt(42);
            }
        };
        byte[] bytes = ModelState.encode(TOY, longer);

        // when / then
        assertMessage("unread payload", () -> ModelState.decode(bytes, new ToyCodec("test.toy", 2)));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
