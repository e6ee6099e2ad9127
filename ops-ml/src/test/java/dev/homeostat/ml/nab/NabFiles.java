package dev.homeostat.ml.nab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared NAB data ({@code shared/data/nab}) by walking up from the working directory. */
final class NabFiles {

    private NabFiles() {
    }

    static Optional<Path> root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/nab");
            if (Files.isRegularFile(candidate.resolve("combined_windows.json")) && Files.isDirectory(candidate.resolve("data"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
