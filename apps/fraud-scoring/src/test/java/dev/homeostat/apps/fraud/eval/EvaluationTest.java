package dev.homeostat.apps.fraud.eval;

import dev.homeostat.apps.fraud.scoring.ForestScorer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The held-out evaluation and the offline commands. */
class EvaluationTest {

    @Test
    void theTrainedModelBeatsTheRulesOnAHeldOutStream() {
        // given a small run (the README's figures come from the CLI's larger default)
        var options = new Evaluation.Options(21, 30_000, 0.7, 0.5, new ForestScorer.Options(30, 10, 3, 500, 20, 10, 42));
        // when
        Evaluation.Report report = Evaluation.run(options);
        // then
        assertEquals(9_000, report.model().truePositives() + report.model().falsePositives()
                + report.model().falseNegatives() + report.model().trueNegatives());
        assertTrue(report.model().precision() > 0.6, report.toText());
        assertTrue(report.model().recall() > 0.5, report.toText());
        assertTrue(report.model().f1() > report.rules().f1(), report.toText());
    }

    @Test
    void confusionRatios() {
        // given
        Confusion c = Confusion.empty().add(true, true).add(true, false).add(false, true).add(false, false)
                .add(true, true);
        // then
        assertEquals(2.0 / 3, c.precision(), 1e-12);
        assertEquals(2.0 / 3, c.recall(), 1e-12);
        assertEquals(2.0 / 3, c.f1(), 1e-12);
    }

    @Test
    void theCommandRejectsUnknownOptions() {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // when
        int code = EvaluateCommand.run(new String[]{"--bogus", "1"}, System.out, new PrintStream(err));
        // then
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown option '--bogus'"), err.toString());
    }

    @Test
    void generatePrintsKeyedJsonLines() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // when
        int code = GenerateCommand.run(new String[]{"--count", "3", "--seed", "2", "--start", "2026-01-05T00:00:00Z"},
                new PrintStream(out), System.err);
        // then
        assertEquals(0, code);
        String[] lines = out.toString().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].matches("acct-\\d{5}\t\\{.*\"amount\".*}"), lines[0]);
    }
}
