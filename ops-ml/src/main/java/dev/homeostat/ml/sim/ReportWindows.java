package dev.homeostat.ml.sim;

/**
 * Where the report's two charts look: the whole evaluation part in {@code overviewBuckets} buckets,
 * and a zoom window in buckets of {@code zoomBucketSeconds}.
 *
 * @param overviewFrom      first second of the overview
 * @param overviewTo        end of the overview (exclusive)
 * @param overviewBuckets   buckets in the overview
 * @param zoomFrom          first second of the zoom window
 * @param zoomTo            end of the zoom window (exclusive)
 * @param zoomBucketSeconds bucket length in the zoom window
 */
public record ReportWindows(int overviewFrom, int overviewTo, int overviewBuckets, int zoomFrom, int zoomTo,
                            int zoomBucketSeconds) {

    /** Checks the windows are non-empty and ordered. */
    public ReportWindows {
        if (overviewTo <= overviewFrom || overviewBuckets < 1 || zoomTo <= zoomFrom || zoomBucketSeconds < 1) {
            throw new IllegalArgumentException("report windows must be non-empty, got overview [" + overviewFrom + ", "
                    + overviewTo + ") in " + overviewBuckets + ", zoom [" + zoomFrom + ", " + zoomTo + ") by " + zoomBucketSeconds);
        }
    }

    /** Overview of the evaluation part and a zoom of {@code zoomSeconds} around the evaluation's peak load. */
    public static ReportWindows around(LoadProfile profile, int evalStart, int zoomSeconds) {
        int end = profile.durationSeconds();
        int best = evalStart;
        double bestRate = -1;
        int step = Math.max(1, (end - evalStart) / 20_000);
        LoadProfile.Cursor cursor = profile.cursor();
        for (int t = evalStart; t < end; t += step) {
            double r = cursor.rateAt(t);
            if (r > bestRate) {
                bestRate = r;
                best = t;
            }
        }
        int from = Math.max(evalStart, best - zoomSeconds / 2);
        int to = Math.min(end, from + zoomSeconds);
        from = Math.max(evalStart, to - zoomSeconds);
        return new ReportWindows(evalStart, end, Math.min(1200, end - evalStart), from, to,
                Math.max(1, (to - from) / 600));
    }

    int overviewBucket(int second) {
        return (int) ((long) (second - overviewFrom) * overviewBuckets / (overviewTo - overviewFrom));
    }

    int zoomBuckets() {
        return (zoomTo - zoomFrom + zoomBucketSeconds - 1) / zoomBucketSeconds;
    }
}
