package dev.homeostat.apps.marketfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A trace directory for the tests under {@code target/}: a small trace, a copy of NAB's nyc_taxi trace
 * when the shared data is beside the clone, a secret file beside (outside) the directory and a
 * symbolic link inside it that points at the secret.
 */
public class TraceDirectoryResource implements QuarkusTestResourceLifecycleManager {

    /** Content of the file outside the trace directory; no reply may ever contain it. */
    static final String SECRET = "SECRET-CONTENT-7f3a";
    static final Path ROOT = Path.of("target", "trace-test").toAbsolutePath();
    static final Path TRACES = ROOT.resolve("traces");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(TRACES);
            Files.writeString(TRACES.resolve("small.csv"),
                    "timestamp,value\n2014-07-01 00:00:00,10\n2014-07-01 00:30:00,20\n");
            Files.writeString(TRACES.resolve("bad.csv"), "timestamp,value\n2014-07-01 00:00:00," + SECRET + "\n");
            Files.writeString(ROOT.resolve("secret.csv"), "timestamp,value\n2014-07-01 00:00:00,1\n" + SECRET + "\n");
            Path link = TRACES.resolve("escape.csv");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, ROOT.resolve("secret.csv"));
            Optional<Path> taxi = NabData.file("realKnownCause/nyc_taxi.csv");
            if (taxi.isPresent()) {
                Files.copy(taxi.get(), TRACES.resolve("nyc_taxi.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("market-feed.trace-dir", TRACES.toString());
    }

    @Override
    public void stop() {
        // target/ is cleaned by the build; the files are small.
    }
}
