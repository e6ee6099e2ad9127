package dev.homeostat.operator.telemetry;

/**
 * How one telemetry source fared for one app in the latest round (KEDA-style per-source health).
 *
 * @param source              the source's name, e.g. {@code pods}, {@code kafka}, {@code prometheus}
 * @param ok                  whether the source delivered its signals this round
 * @param reason              why not, in words (empty when ok)
 * @param consecutiveFailures rounds in a row that failed (0 when ok)
 */
public record SourceHealth(String source, boolean ok, String reason, int consecutiveFailures) {
}
