package dev.homeostat.apps.tradesignals;

import dev.homeostat.apps.tradesignals.domain.Quote;

/**
 * A quote a test wrote to Kafka, with where it landed.
 *
 * @param quote     the quote
 * @param partition its partition
 * @param offset    its offset
 */
record SentQuote(Quote quote, int partition, long offset) {
}
