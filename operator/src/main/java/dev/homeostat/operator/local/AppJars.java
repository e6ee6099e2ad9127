package dev.homeostat.operator.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a container image to the app jar the build produced, by the project's rule
 * {@code homeostat/<app-dir>:<version>} → {@code apps/<app-dir>/target/quarkus-app/quarkus-run.jar}.
 */
public final class AppJars {

    private static final Pattern IMAGE = Pattern.compile("(?:[^/]+/)*homeostat/([a-z0-9][a-z0-9-]*)(?::[^/]+)?");

    private final Path appsDirectory;

    /** @param appsDirectory the repository's apps/ directory */
    public AppJars(Path appsDirectory) {
        this.appsDirectory = appsDirectory;
    }

    /** The app directory an image names, or empty when the image does not follow the project's naming rule. */
    public static Optional<String> appDirectory(String image) {
        if (image == null) {
            return Optional.empty();
        }
        var matcher = IMAGE.matcher(image.trim());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The jar for an image; an error that says what to build when the image is unknown or not built. */
    public Path jarFor(String image) {
        String directory = appDirectory(image).orElseThrow(() -> new IllegalArgumentException(
                "image '" + image + "' does not name a project app (expected homeostat/<app-dir>:<version>)"));
        Path jar = appsDirectory.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar for image '" + image + "' at " + jar
                    + "; build the apps first (./mvnw -B package -DskipTests -Pembedded)");
        }
        return jar;
    }
}
