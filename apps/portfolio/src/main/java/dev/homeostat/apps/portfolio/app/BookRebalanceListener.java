package dev.homeostat.apps.portfolio.app;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;

/**
 * Hands shards over with their input partitions, on the consumer's polling thread (where blocking
 * is allowed). Before partitions go: stop applying their records and wait until every book write
 * already made is acknowledged, so the next owner finds them. When partitions come: wait until the
 * state reader has read the state topic up to its end offsets as of now, so the shards of those
 * partitions are the latest ones written, before any of their records is applied.
 */
@ApplicationScoped
@Identifier("portfolio.rebalance")
public class BookRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(BookRebalanceListener.class);

    private final PartitionOwnership ownership;
    private final BookWriter books;
    private final StateReader reader;
    private final PortfolioConfig config;
    private volatile boolean stopping;
    private static final java.time.Duration STOPPING_HAND_OVER = java.time.Duration.ofSeconds(3);

    /** The listener with its collaborators. */
    public BookRebalanceListener(PartitionOwnership ownership, BookWriter books, StateReader reader,
                                 PortfolioConfig config) {
        this.ownership = ownership;
        this.books = books;
        this.reader = reader;
        this.config = config;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        if (!reader.awaitCaughtUp(config.state().restoreTimeout())) {
            // Not owning them is safe: their records are skipped and re-read by whoever owns them next.
            LOG.errorf("state topic not read to its end within %s; not taking %s", config.state().restoreTimeout(),
                    partitions);
            return;
        }
        ownership.take(partitions);
        LOG.infof("assigned input partitions %s after reading the state topic to its end", partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        ownership.release(partitions);
        // Shutting down (the consumer leaves the group): a shorter wait, so the stop stays within the
        // pod's grace when the broker is gone; with a broker, acknowledgements take milliseconds.
        boolean drained = books.drain(stopping ? STOPPING_HAND_OVER : config.state().handOverTimeout());
        LOG.infof("revoked input partitions %s; book writes %s", partitions,
                drained ? "all acknowledged" : "still in flight (the next owner re-applies their records)");
    }

    /** Before the channels close at shutdown: revocations from then on wait at most 3 s for book writes. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ownership.release(partitions);
    }
}
