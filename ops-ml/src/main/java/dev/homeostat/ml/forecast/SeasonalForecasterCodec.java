package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.StateCodec;
import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Version 1 layout of a {@link SeasonalForecaster}: options, scalar state, then per-profile and per-anchor parts. */
final class SeasonalForecasterCodec implements StateCodec<SeasonalForecaster> {

    @Override
    public String kind() {
        return "forecast.seasonal";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void write(SeasonalForecaster f, StateWriter out) {
        SeasonalForecaster.Options o = f.options;
        out.writeLong(o.step().toMillis()).writeLong(o.horizon().toMillis()).writeInt(o.seasons().size());
        for (Duration s : o.seasons()) {
            out.writeLong(s.toMillis());
        }
        out.writeLong(o.minHistory().toMillis()).writeDouble(o.coverage()).writeBoolean(o.nonNegative());
        out.writeLong(f.firstMillis).writeLong(f.lastMillis).writeLong(f.lastIssueBucket)
                .writeLong(f.observations).writeLong(f.ignored);
        out.writeDouble(f.lastValue).writeDouble(f.level).writeDouble(f.residual).writeDouble(f.smoothedResidual)
                .writeDouble(f.meanMagnitude).writeDouble(f.diffSquare).writeDouble(f.meanAbsDeviation);
        for (SeasonalProfile p : f.expectation.profiles) {
            p.write(out);
        }
        for (int k = 0; k < f.band.anchors.length; k++) {
            f.band.regressions[k].write(out);
            f.band.errors[k].write(out);
            f.band.pending[k].write(out);
        }
    }

    @Override
    public SeasonalForecaster read(StateReader in, int version) {
        Duration step = Duration.ofMillis(in.readLong());
        Duration horizon = Duration.ofMillis(in.readLong());
        int seasonCount = in.readInt();
        in.check(seasonCount >= 0 && seasonCount <= 3, "season count " + seasonCount);
        List<Duration> seasons = new ArrayList<>();
        for (int i = 0; i < seasonCount; i++) {
            seasons.add(Duration.ofMillis(in.readLong()));
        }
        SeasonalForecaster.Options options = new SeasonalForecaster.Options(step, horizon, seasons,
                Duration.ofMillis(in.readLong()), in.readDouble(), in.readBoolean());
        SeasonalForecaster f = new SeasonalForecaster(options);
        f.firstMillis = in.readLong();
        f.lastMillis = in.readLong();
        f.lastIssueBucket = in.readLong();
        f.observations = in.readLong();
        f.ignored = in.readLong();
        in.check(f.observations >= 0 && f.ignored >= 0, "observation counters");
        f.lastValue = in.readDouble();
        f.level = in.readDouble();
        f.residual = in.readDouble();
        f.smoothedResidual = in.readDouble();
        f.meanMagnitude = in.readDouble();
        f.diffSquare = in.readDouble();
        f.meanAbsDeviation = in.readDouble();
        in.check(Double.isFinite(f.lastValue + f.level + f.residual + f.smoothedResidual + f.meanMagnitude
                + f.diffSquare + f.meanAbsDeviation), "forecaster scalars");
        for (SeasonalProfile p : f.expectation.profiles) {
            p.read(in);
        }
        for (int k = 0; k < f.band.anchors.length; k++) {
            f.band.regressions[k].read(in);
            f.band.errors[k].read(in);
            f.band.pending[k].read(in);
        }
        return f;
    }
}
