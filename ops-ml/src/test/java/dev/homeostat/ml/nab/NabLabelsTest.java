package dev.homeostat.ml.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabLabelsTest {

    private static NabSeries series(String key, LocalDateTime... times) {
        List<String> text = new ArrayList<>();
        for (LocalDateTime t : times) {
            text.add(t.toString());
        }
        return new NabSeries(key, text, List.of(times), new double[times.length]);
    }

    @Test
    void windowsResolveToInclusiveRowRanges() {
        LocalDateTime t0 = LocalDateTime.of(2014, 1, 1, 0, 0);
        NabSeries s = series("c/f.csv", t0, t0.plusMinutes(5), t0.plusMinutes(10), t0.plusMinutes(15), t0.plusMinutes(20));
        NabLabels labels = NabLabels.of(Map.of("c/f.csv", List.of(new NabLabels.TimeWindow(t0.plusMinutes(3), t0.plusMinutes(15)))));
        assertEquals(List.of(new IndexWindow(1, 3)), labels.indexWindows(s));
    }

    @Test
    void aClockThatStepsBackDoesNotBreakResolution() {
        // given the clock steps back from 02:55 to 02:00, as in machine_temperature_system_failure.csv
        LocalDateTime t = LocalDateTime.of(2014, 1, 7, 2, 50);
        NabSeries s = series("c/f.csv", t, t.plusMinutes(5), t.minusMinutes(50), t.minusMinutes(45), t.plusMinutes(70), t.plusMinutes(75));
        NabLabels labels = NabLabels.of(Map.of("c/f.csv", List.of(new NabLabels.TimeWindow(t.plusMinutes(70), t.plusMinutes(75)))));
        // then the window is found after the step-back, in file order
        assertEquals(List.of(new IndexWindow(4, 5)), labels.indexWindows(s));
    }

    @Test
    void aWindowWithoutRowsIsAnInputError() {
        LocalDateTime t0 = LocalDateTime.of(2014, 1, 1, 0, 0);
        NabSeries s = series("c/f.csv", t0, t0.plusMinutes(5));
        NabLabels labels = NabLabels.of(Map.of("c/f.csv", List.of(new NabLabels.TimeWindow(t0.plusDays(1), t0.plusDays(2)))));
        NabInputException e = assertThrows(NabInputException.class, () -> labels.indexWindows(s));
        assertTrue(e.getMessage().contains("c/f.csv"), e.getMessage());
    }

    @Test
    void readsWindowsAndProfilesFiles(@TempDir Path dir) throws IOException {
        Path windows = Files.writeString(dir.resolve("w.json"),
                "{\"c/f.csv\": [[\"2014-01-01 00:05:00.000000\", \"2014-01-01 00:10:00.000000\"]], \"c/g.csv\": []}");
        Path profiles = Files.writeString(dir.resolve("p.json"),
                "{\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fnWeight\": 1.0, \"fpWeight\": 0.11, \"tnWeight\": 1.0}}}");
        NabLabels labels = NabLabels.read(windows);
        assertEquals(LocalDateTime.of(2014, 1, 1, 0, 5), labels.windows("c/f.csv").getFirst().start());
        assertTrue(labels.windows("c/g.csv").isEmpty());
        assertEquals(List.of(CostProfile.STANDARD), CostProfiles.read(profiles));
    }

    @Test
    void malformedJsonNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path windows = Files.writeString(dir.resolve("w.json"), "{\n\"c/f.csv\": [[\"2014-01-01 00:05:00\",]]\n}");
        NabInputException e = assertThrows(NabInputException.class, () -> NabLabels.read(windows));
        assertTrue(e.getMessage().contains("w.json") && e.getMessage().contains("line 2"), e.getMessage());
    }
}
