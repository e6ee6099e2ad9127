package dev.homeostat.ml.state;

/**
 * Writes and reads one kind of model state in a versioned layout. A codec writes only its current
 * {@link #version()} and reads every version it still supports, so persisted state survives upgrades.
 *
 * @param <T> the model type
 */
public interface StateCodec<T> {

    /** Stable name of the state kind, e.g. {@code "forecast.seasonal"}; stored in the header and checked on read. */
    String kind();

    /** Version this codec writes. */
    int version();

    /** Writes the state of {@code model}. */
    void write(T model, StateWriter out);

    /**
     * Reads a state written with {@code version}; throws {@link IllegalArgumentException} on a
     * version it does not support or on values that make no sense.
     */
    T read(StateReader in, int version);
}
