package dev.homeostat.ml.smile;

import dev.homeostat.ml.anomaly.EnsembleDetector;
import dev.homeostat.ml.anomaly.EnsembleDetector.Channel;
import dev.homeostat.ml.anomaly.StreamingDetector;
import dev.homeostat.ml.nab.CostProfile;
import dev.homeostat.ml.nab.CostProfiles;
import dev.homeostat.ml.nab.NabCorpus;
import dev.homeostat.ml.nab.NabLabels;
import dev.homeostat.ml.nab.NabScorer;
import dev.homeostat.ml.nab.NabSeries;
import dev.homeostat.ml.nab.ScoredFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether Smile's isolation forest earns a place in the main anomaly detector: scores on a NAB corpus the main
 * detector's channels, the same plus the isolation-forest channel, and that channel alone, with NAB's three cost
 * profiles. Usage: {@code java -cp homeostat-ml-smile.jar dev.homeostat.ml.smile.SmileChannelComparison DATA_DIR}
 * ({@code combined_windows.json} and {@code profiles.json} beside DATA_DIR, as NAB lays them out).
 */
public final class SmileChannelComparison {

    private static final long SEED = 42;

    private SmileChannelComparison() {
    }

    /** Prints one line per channel set: standard, reward_low_FP_rate and reward_low_FN_rate scores. */
    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: SmileChannelComparison DATA_DIR  (NAB's data directory)");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        NabCorpus corpus = NabCorpus.read(data, NabLabels.read(data.getParent().resolve("combined_windows.json")));
        List<CostProfile> profiles = CostProfiles.read(data.getParent().resolve("profiles.json"));
        Set<Channel> main = EnsembleDetector.Options.DEFAULT_CHANNELS;
        Set<Channel> withForest = EnumSet.copyOf(main);
        withForest.add(Channel.ISOLATION);
        Map<String, Set<Channel>> variants = new LinkedHashMap<>();
        variants.put("main detector " + EnumSet.copyOf(main), main);
        variants.put("main + isolation forest", withForest);
        variants.put("isolation forest alone", EnumSet.of(Channel.ISOLATION));
        System.out.printf(Locale.ROOT, "%d files; scores standard / reward_low_FP_rate / reward_low_FN_rate%n",
                corpus.series().size());
        for (Map.Entry<String, Set<Channel>> variant : variants.entrySet()) {
            List<ScoredFile> scored = run(corpus, variant.getValue());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-60s", variant.getKey()));
            for (CostProfile profile : profiles) {
                line.append(String.format(Locale.ROOT, " %7.2f", NabScorer.score(scored, profile).normalized()));
            }
            System.out.println(line);
        }
    }

    private static List<ScoredFile> run(NabCorpus corpus, Set<Channel> channels) {
        List<ScoredFile> result = new ArrayList<>();
        for (int f = 0; f < corpus.series().size(); f++) {
            NabSeries series = corpus.series().get(f);
            StreamingDetector detector = EnsembleDetector.create(new EnsembleDetector.Options(SEED, channels));
            double[] scores = new double[series.length()];
            for (int row = 0; row < scores.length; row++) {
                long millis = series.timestamps().get(row).toInstant(ZoneOffset.UTC).toEpochMilli();
                scores[row] = detector.score(millis, series.value(row));
            }
            result.add(new ScoredFile(series.key(), scores, corpus.windows().get(f)));
        }
        return result;
    }
}
