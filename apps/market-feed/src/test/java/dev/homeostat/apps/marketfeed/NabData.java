package dev.homeostat.apps.marketfeed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared NAB data set by walking up from the working directory to a {@code shared/data/nab} folder. */
final class NabData {

    private NabData() {
    }

    /** The path of a NAB data file, e.g. {@code realKnownCause/nyc_taxi.csv}, if the data set is beside the clone. */
    static Optional<Path> file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/nab/data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
