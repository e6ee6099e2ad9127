package dev.homeostat.ml.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The data files of a NAB data directory ({@code DIR/<category>/<file>.csv}) with their windows. */
public record NabCorpus(List<NabSeries> series, List<List<IndexWindow>> windows) {

    public NabCorpus {
        series = List.copyOf(series);
        windows = windows.stream().map(List::copyOf).toList();
        if (series.size() != windows.size()) {
            throw new IllegalArgumentException(series.size() + " series but " + windows.size() + " window lists");
        }
    }

    /**
     * Reads every {@code *.csv} one directory below {@code dataDir}, in sorted order, and resolves its
     * windows. Everything is read and checked before anything is scored, so bad input fails early.
     */
    public static NabCorpus read(Path dataDir, NabLabels labels) {
        if (!Files.isDirectory(dataDir)) {
            throw new NabInputException("data directory not found: " + dataDir);
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> categories = Files.list(dataDir)) {
            for (Path category : categories.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(category)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted()
                            .forEach(f -> keys.add(category.getFileName() + "/" + f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new NabInputException("cannot list data directory " + dataDir + ": " + e, e);
        }
        if (keys.isEmpty()) {
            throw new NabInputException("no <category>/<file>.csv files under " + dataDir);
        }
        List<NabSeries> series = new ArrayList<>();
        List<List<IndexWindow>> windows = new ArrayList<>();
        for (String key : keys) {
            if (!labels.contains(key)) {
                throw new NabInputException("data file '" + key + "' has no entry in the windows file");
            }
            NabSeries one = NabSeries.read(dataDir, key);
            series.add(one);
            windows.add(labels.indexWindows(one));
        }
        return new NabCorpus(series, windows);
    }
}
