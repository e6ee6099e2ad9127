package dev.homeostat.apps.marketfeed;

import dev.homeostat.apps.marketfeed.profile.ProfileSpec;

/**
 * What the feed is doing, as {@code GET /profile} reports it.
 *
 * @param profile      the active profile, or null before one is applied
 * @param currentRate  records per second the profile asks for now
 * @param generated    quotes generated since start
 * @param acknowledged quotes the broker acknowledged
 * @param failed       quotes the producer gave up on
 * @param inFlight     quotes handed to Kafka and not yet acknowledged
 */
public record FeedStatus(ProfileSpec profile, double currentRate, long generated, long acknowledged, long failed,
                         long inFlight) {
}
