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

    /** The processor with its collaborators. */
    public FillProcessor(BookWriter books, StreamMetrics metrics) {
        this.books = books;
        this.metrics = metrics;
    }

    /** Applies one fill record. */
    @Incoming("fills")
    public Uni<Void> process(Message<String> record) {
        long started = System.nanoTime();
        metrics.recordIn("fills");
        Fill fill;
        try {
            fill = PortfolioJson.parseFill(record.getPayload());
        } catch (IllegalArgumentException e) {
            metrics.malformed("fills");
            LOG.warnf("dead-lettering a fill record: %s", e.getMessage());
            return Uni.createFrom().completionStage(record.nack(e));
        }
        var position = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("fills channel must be a Kafka channel"));
        return books.apply(record, fill, position.getTopic() + "-" + position.getPartition(), position.getOffset(), started);
    }
}
