package dev.homeostat.ml.nab;

import java.util.List;

/**
 * A detector's scores for one data file together with the file's anomaly windows.
 *
 * @param key     NAB key {@code <category>/<file>.csv}
 * @param scores  anomaly score per row, in row order
 * @param windows anomaly windows as row indices, sorted and non-overlapping
 */
public record ScoredFile(String key, double[] scores, List<IndexWindow> windows) {

    public ScoredFile {
        if (key == null || !key.contains("/")) {
            throw new IllegalArgumentException("key must look like <category>/<file>.csv; got '" + key + "'");
        }
        scores = scores.clone();
        windows = List.copyOf(windows);
        int previousEnd = -1;
        for (IndexWindow window : windows) {
            if (window.start() <= previousEnd || window.end() >= scores.length) {
                throw new IllegalArgumentException(key + ": window " + window + " overlaps the previous one or ends past row "
                        + (scores.length - 1));
            }
            previousEnd = window.end();
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException(key + ": score of row " + i + " is NaN");
            }
        }
    }

    /** The category, i.e. the directory part of the key. */
    public String category() {
        return key.substring(0, key.indexOf('/'));
    }

    /** Number of rows. */
    public int length() {
        return scores.length;
    }

    /** Score of one row (the array itself stays private to keep the record immutable). */
    public double score(int row) {
        return scores[row];
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }
}
