package dev.homeostat.apps.marketfeed.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one directory trace files are read from. A trace is named by a path relative to it; absolute
 * paths, {@code ..} that leaves it and symbolic links that point outside it are refused, and errors
 * never carry file content, so {@code PUT /profile} cannot be used to read or probe other files.
 */
public final class TraceDirectory {

    private final Optional<Path> root;

    private TraceDirectory(Optional<Path> root) {
        this.root = root;
    }

    /** Traces from {@code directory}; without one, trace profiles are refused. */
    public static TraceDirectory of(Optional<String> directory) {
        return new TraceDirectory(directory.filter(d -> !d.isBlank()).map(Path::of));
    }

    /** No trace directory: every trace profile is refused. */
    public static TraceDirectory none() {
        return new TraceDirectory(Optional.empty());
    }

    /** The values of the trace {@code name}; IllegalArgumentException with a reason safe to show to the caller. */
    public List<Double> readValues(String name) {
        Path file = resolve(name);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, name);
        } catch (IOException e) {
            // The exception text may name the real path or quote bytes of the file: keep it out of the reply.
            throw new IllegalArgumentException("trace file '" + name + "' cannot be read as UTF-8 text");
        }
    }

    private Path resolve(String name) {
        Path base = root.orElseThrow(() -> new IllegalArgumentException(
                "trace profiles are disabled: no trace directory is configured (market-feed.trace-dir)"));
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("trace profile needs traceFile");
        }
        if (name.length() > ProfileLimits.MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("traceFile must be a file name of at most "
                    + ProfileLimits.MAX_NAME_LENGTH + " printable characters");
        }
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("traceFile is not a valid file name");
        }
        if (relative.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw new IllegalArgumentException("traceFile must be relative to the trace directory, was absolute");
        }
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the trace directory does not exist or cannot be read");
        }
        Path candidate = realBase.resolve(relative).normalize();
        if (!candidate.startsWith(realBase)) {
            throw new IllegalArgumentException("traceFile must stay inside the trace directory");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no trace file '" + name + "' in the trace directory");
        } catch (IOException e) {
            throw new IllegalArgumentException("trace file '" + name + "' cannot be opened");
        }
        if (!real.startsWith(realBase)) {
            throw new IllegalArgumentException("traceFile must stay inside the trace directory (a link leads out)");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("trace file '" + name + "' is not a regular file");
        }
        try {
            if (Files.size(real) > ProfileLimits.MAX_TRACE_BYTES) {
                throw new IllegalArgumentException("trace file '" + name + "' is larger than "
                        + ProfileLimits.MAX_TRACE_BYTES + " bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("trace file '" + name + "' cannot be opened");
        }
        return real;
    }

    /** Parses {@code timestamp,value} lines (NAB layout: a header line, then one point a line). */
    static List<Double> parse(BufferedReader reader, String source) throws IOException {
        List<Double> values = new ArrayList<>();
        int lineNumber = 0;
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || (lineNumber == 1 && line.startsWith("timestamp"))) {
                continue;
            }
            // Errors name the line, never its content: the content is not the caller's to see.
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": expected timestamp,value");
            }
            try {
                values.add(Double.parseDouble(line.substring(comma + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": value is not a number");
            }
            if (values.size() > ProfileLimits.MAX_TRACE_POINTS) {
                throw new IllegalArgumentException(source + ": more than " + ProfileLimits.MAX_TRACE_POINTS + " points");
            }
        }
        return values;
    }
}
