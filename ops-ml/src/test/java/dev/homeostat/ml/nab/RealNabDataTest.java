package dev.homeostat.ml.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the detectors on real NAB files from {@code shared/data/nab}; skipped when that data is absent. */
class RealNabDataTest {

    private static final List<String> KEYS = List.of(
            "realKnownCause/ec2_request_latency_system_failure.csv",
            "realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv");

    private static Path nab;

    @BeforeAll
    static void locate() {
        Optional<Path> root = NabFiles.root();
        assumeTrue(root.isPresent(), "shared/data/nab not found above " + Path.of("").toAbsolutePath() + "; skipping real-data test");
        nab = root.get();
    }

    private static NabCorpus corpus(List<String> keys) {
        NabLabels labels = NabLabels.read(nab.resolve("combined_windows.json"));
        List<NabSeries> series = new ArrayList<>();
        List<List<IndexWindow>> windows = new ArrayList<>();
        for (String key : keys) {
            NabSeries one = NabSeries.read(nab.resolve("data"), key);
            series.add(one);
            windows.add(labels.indexWindows(one));
        }
        return new NabCorpus(series, windows);
    }

    @Test
    void mainDetectorFindsMostWindowsOfTwoRealFiles() {
        // given two real NAB files with 4 windows
        NabCorpus corpus = corpus(KEYS);
        // when scored by the main detector
        NabScore main = NabScorer.score(NabRunner.run(corpus, "homeostat", 42), CostProfile.STANDARD);
        // then at least three windows are caught and the normalised score is well above the null detector's 0
        int detected = main.byCategory().values().stream().mapToInt(NabScore.CategoryScore::truePositives).sum();
        assertTrue(detected >= 3, "windows detected: " + detected + " of 4, " + main);
        assertTrue(main.normalized() > 50, "normalised score " + main.normalized());
    }

    @Test
    void clockStepBackInMachineTemperatureIsHandled() {
        // given the file whose clock steps back on 2014-01-07
        NabCorpus corpus = corpus(List.of("realKnownCause/machine_temperature_system_failure.csv"));
        // then its four windows resolve in file order and the detector scores every row in [0, 1]
        assertEquals(4, corpus.windows().getFirst().size());
        ScoredFile scored = NabRunner.run(corpus, "homeostat", 42).getFirst();
        assertEquals(22695, scored.length());
        for (double s : scored.scores()) {
            assertTrue(s >= 0 && s <= 1);
        }
    }
}
