package dev.homeostat.operator.telemetry.pods;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the Prometheus text exposition format (version 0.0.4, as Micrometer's Prometheus registry writes it).
 *
 * <p>We write our own because no maintained Java parser of the format is on Maven Central: the Prometheus Java
 * client ({@code prometheus-metrics-exposition-textformats}) only writes it. The parser is strict: a line that is
 * not a comment, a blank or a well-formed sample rejects the whole body with its line number, because a body that
 * is partly garbage cannot be trusted in the parts that look fine. Only samples whose name {@code keep} accepts are
 * returned (every line is still checked), so a large body costs little memory. Tested against captures of our
 * apps' real {@code /q/metrics} output.
 */
public final class PrometheusTextParser {

    private static final int MAX_LABELS = 64;
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile("-?\\d{1,19}");

    private PrometheusTextParser() {
    }

    /** Parses {@code text}, returning the samples whose metric name {@code keep} accepts. */
    public static List<MetricSample> parse(String text, Predicate<String> keep) throws MalformedMetricsException {
        var samples = new ArrayList<MetricSample>();
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                MetricSample sample = new LineReader(line).sample(keep);
                if (sample != null) {
                    samples.add(sample);
                }
            } catch (IllegalArgumentException e) {
                throw new MalformedMetricsException("line " + lineNumber + ": " + e.getMessage());
            }
        }
        return samples;
    }

    /** Reads one sample line: {@code name[{labels}] value [timestamp]}. */
    private static final class LineReader {
        private final String line;
        private int pos;

        LineReader(String line) {
            this.line = line;
        }

        MetricSample sample(Predicate<String> keep) {
            skipSpaces();
            String name = name(true);
            Map<String, String> labels = Map.of();
            if (pos < line.length() && line.charAt(pos) == '{') {
                labels = labels();
            }
            if (pos >= line.length() || !isSpace(line.charAt(pos))) {
                throw new IllegalArgumentException("expected a space before the value of " + name);
            }
            skipSpaces();
            double value = number(token());
            skipSpaces();
            if (pos < line.length()) {
                String timestamp = token();
                if (!TIMESTAMP.matcher(timestamp).matches()) {
                    throw new IllegalArgumentException("bad timestamp '" + shorten(timestamp) + "' of " + name);
                }
                skipSpaces();
                if (pos < line.length()) {
                    throw new IllegalArgumentException("unexpected text after the timestamp of " + name);
                }
            }
            return keep.test(name) ? new MetricSample(name, labels, value) : null;
        }

        private String name(boolean metric) {
            int begin = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':');
                boolean digit = c >= '0' && c <= '9';
                if (!(letter || (digit && pos > begin))) {
                    break;
                }
                pos++;
            }
            if (pos == begin) {
                throw new IllegalArgumentException("expected a " + (metric ? "metric" : "label") + " name at column "
                        + (pos + 1));
            }
            return line.substring(begin, pos);
        }

        private Map<String, String> labels() {
            pos++; // '{'
            var labels = new HashMap<String, String>();
            while (true) {
                skipSpaces();
                if (pos < line.length() && line.charAt(pos) == '}') {
                    pos++;
                    return labels;
                }
                String key = name(false);
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                String value = quoted();
                if (labels.put(key, value) != null) {
                    throw new IllegalArgumentException("label " + key + " appears twice");
                }
                if (labels.size() > MAX_LABELS) {
                    throw new IllegalArgumentException("more than " + MAX_LABELS + " labels");
                }
                skipSpaces();
                if (pos < line.length() && line.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= line.length() || line.charAt(pos) != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at column " + (pos + 1));
                }
            }
        }

        private String quoted() {
            var value = new StringBuilder();
            while (pos < line.length()) {
                char c = line.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (pos >= line.length()) {
                        break;
                    }
                    char escaped = line.charAt(pos++);
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case '\\' -> value.append('\\');
                        case '"' -> value.append('"');
                        default -> throw new IllegalArgumentException("bad escape \\" + escaped + " in a label value");
                    }
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated label value");
        }

        private void expect(char c) {
            if (pos >= line.length() || line.charAt(pos) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + (pos + 1));
            }
            pos++;
        }

        private String token() {
            int begin = pos;
            while (pos < line.length() && !isSpace(line.charAt(pos))) {
                pos++;
            }
            return line.substring(begin, pos);
        }

        private void skipSpaces() {
            while (pos < line.length() && isSpace(line.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t';
        }

        private static double number(String token) {
            switch (token) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "+Inf", "Inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    // Double.parseDouble also takes "Infinity", hex and a trailing 'd': none is Prometheus text.
                    if (token.isEmpty() || !NUMBER.matcher(token).matches()) {
                        throw new IllegalArgumentException("bad value '" + shorten(token) + "'");
                    }
                    return Double.parseDouble(token);
                }
            }
        }

        private static String shorten(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }
}
