package dev.homeostat.ml.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks {@link NabScorer} against the independent scorer {@code shared/tools/nab_score.py} on the results
 * our {@code nab} command writes for the shared files: same threshold, raw, null, perfect and normalised score for
 * every profile. Skipped with a message where the shared data, the script or {@code python3} is absent.
 */
class NabScorerCrossCheckTest {

    @TempDir
    Path results;

    @Test
    void ourScorerAgreesWithTheIndependentPythonScorerOnEveryProfile() throws Exception {
        // given the main detector's results on the 35 shared files, written in NAB's layout
        Optional<Path> root = NabFiles.root();
        assumeTrue(root.isPresent(), "shared/data/nab not found; skipping the cross-check");
        Path nab = root.get();
        Path script = nab.getParent().getParent().resolve("tools/nab_score.py");
        assumeTrue(Files.isRegularFile(script), "no " + script + "; skipping the cross-check");
        assumeTrue(python3Runs(), "python3 is not installed; skipping the cross-check against nab_score.py");
        NabCorpus corpus = NabCorpus.read(nab.resolve("data"), NabLabels.read(nab.resolve("combined_windows.json")));
        List<ScoredFile> scored = NabRunner.run(corpus, "homeostat", 42);
        ResultsWriter.write(results, "homeostat", corpus, scored);

        // when the Python scorer scores the same files
        Path json = results.resolve("python.json");
        Process python = new ProcessBuilder("python3", script.toString(), "--results", results.toString(),
                "--detector", "homeostat", "--windows", nab.resolve("combined_windows.json").toString(),
                "--profiles", nab.resolve("profiles.json").toString(), "--only-present", "--json", json.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "nab_score.py did not finish");
        assertEquals(0, python.exitValue(), output);

        // then both agree on every profile
        Map<?, ?> report = (Map<?, ?>) NabJson.parse(Files.readString(json), json.toString());
        Map<?, ?> detector = (Map<?, ?>) ((List<?>) report.get("detectors")).getFirst();
        assertEquals(35.0, ((Number) detector.get("files")).doubleValue());
        Map<?, ?> profiles = (Map<?, ?>) detector.get("profiles");
        for (CostProfile profile : CostProfiles.read(nab.resolve("profiles.json"))) {
            Map<?, ?> theirs = (Map<?, ?>) profiles.get(profile.name());
            NabScore ours = NabScorer.score(scored, profile);
            assertEquals(number(theirs, "null_raw"), ours.nullScore(), 1e-9, profile.name());
            assertEquals(number(theirs, "perfect_raw"), ours.perfect(), 1e-9, profile.name());
            assertEquals(number(theirs, "threshold"), ours.threshold(), 1e-12, profile.name());
            assertEquals(number(theirs, "raw"), ours.raw(), 1e-9, profile.name());
            assertEquals(number(theirs, "score"), ours.normalized(), 1e-9, profile.name());
        }
    }

    private static double number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? Double.POSITIVE_INFINITY : ((Number) value).doubleValue();
    }

    private static boolean python3Runs() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
