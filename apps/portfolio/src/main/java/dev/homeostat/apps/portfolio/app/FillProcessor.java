package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.Fill;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fills}: each valid fill goes to {@link BookWriter} with its topic-partition and
 * offset as the position that makes a redelivery recognisable; an unusable record is nacked, which
 * the channel's {@code dead-letter-queue} strategy turns into a record on {@code fills-dlq}.
 * The channel starts paused; {@link StateReader} resumes it once the books are restored.
 */
@ApplicationScoped
public class FillProcessor {

    private static final Logger LOG = Logger.getLogger(FillProcessor.class);

    private final BookWriter books;
    private final StreamMetrics metrics;
    private final PartitionOwnership ownership;

    /** The processor with its collaborators. */
    public FillProcessor(BookWriter books, StreamMetrics metrics, PartitionOwnership ownership) {
        this.books = books;
        this.metrics = metrics;
        this.ownership = ownership;
    }

    /** Applies one fill record. */
    @Incoming("fills")
    public Uni<Void> process(Message<String> record) {
        long started = System.nanoTime();
        metrics.recordIn("fills");
        var position = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("fills channel must be a Kafka channel"));
        if (!ownership.owns(position.getTopic(), position.getPartition())) {
            // Polled before its partition moved: the new owner applies it.
            return Uni.createFrom().completionStage(record.ack());
        }
        Fill fill;
        try {
            fill = PortfolioJson.parseFill(record.getPayload());
        } catch (IllegalArgumentException e) {
            metrics.malformed("fills");
            LOG.warnf("dead-lettering a fill record: %s", e.getMessage());
            return Uni.createFrom().completionStage(record.nack(e));
        }
        String input = PartitionOwnership.name(position.getTopic(), position.getPartition());
        return books.apply(record, fill, input, input, position.getOffset(), started);
    }
}
