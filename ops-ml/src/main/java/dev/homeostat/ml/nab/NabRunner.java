package dev.homeostat.ml.nab;

import dev.homeostat.ml.anomaly.Detectors;
import dev.homeostat.ml.anomaly.StreamingDetector;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs a named detector over every series of a corpus, one fresh detector per series, rows in file order. */
public final class NabRunner {

    private NabRunner() {
    }

    /** Scores per series, aligned with {@link NabCorpus#series()}. */
    public static List<ScoredFile> run(NabCorpus corpus, String detector, long seed) {
        List<ScoredFile> result = new ArrayList<>();
        for (int f = 0; f < corpus.series().size(); f++) {
            NabSeries series = corpus.series().get(f);
            StreamingDetector instance = Detectors.create(detector, seed);
            double[] scores = new double[series.length()];
            for (int row = 0; row < scores.length; row++) {
                long millis = series.timestamps().get(row).toInstant(ZoneOffset.UTC).toEpochMilli();
                scores[row] = instance.score(millis, series.value(row));
            }
            result.add(new ScoredFile(series.key(), scores, corpus.windows().get(f)));
        }
        return result;
    }
}
