package dev.homeostat.ml.nab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes NAB's results layout: {@code OUT/<detector>/<category>/<detector>_<file>.csv}. */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** Writes one file per series with columns {@code timestamp,value,anomaly_score,label}; returns the files written. */
    public static List<Path> write(Path outDir, String detector, NabCorpus corpus, List<ScoredFile> scored) throws IOException {
        List<Path> written = new java.util.ArrayList<>();
        for (int f = 0; f < scored.size(); f++) {
            NabSeries series = corpus.series().get(f);
            ScoredFile file = scored.get(f);
            Path dir = outDir.resolve(detector).resolve(series.category());
            Files.createDirectories(dir);
            Path target = dir.resolve(detector + "_" + series.baseName() + ".csv");
            Path temp = dir.resolve(target.getFileName() + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("timestamp,value,anomaly_score,label\n");
                for (int row = 0; row < series.length(); row++) {
                    int label = 0;
                    for (IndexWindow window : file.windows()) {
                        if (window.contains(row)) {
                            label = 1;
                        }
                    }
                    out.write(series.timestampText().get(row) + "," + series.value(row) + "," + file.score(row) + "," + label + "\n");
                }
            }
            // Move into place only when complete, so a crash never leaves a truncated result behind.
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            written.add(target);
        }
        return written;
    }
}
