package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes trade-signals' {@code orders} as if each were filled at once at its limit price, into the
 * book of one strategy account ({@code portfolio.orders.account}) — there is no exchange in the
 * samples to produce real fills.
 *
 * <p>trade-signals re-emits an order after a crash with the same id {@code symbol:partition:offset}
 * (of the quote that triggered it); the book keeps the last applied quote offset per
 * {@code symbol:partition}, so a re-emitted order is recognised and skipped.
 */
@ApplicationScoped
public class OrderProcessor {

    private static final Logger LOG = Logger.getLogger(OrderProcessor.class);

    private final BookWriter books;
    private final StreamMetrics metrics;
    private final String account;
    private final PartitionOwnership ownership;

    /** The processor with its collaborators. */
    public OrderProcessor(BookWriter books, StreamMetrics metrics, PortfolioConfig config, PartitionOwnership ownership) {
        this.books = books;
        this.metrics = metrics;
        this.account = config.orders().account();
        this.ownership = ownership;
    }

    /** Applies one order record as a fill. */
    @Incoming("orders")
    public Uni<Void> process(Message<String> record) {
        long started = System.nanoTime();
        metrics.recordIn("orders");
        var position = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("orders channel must be a Kafka channel"));
        if (!ownership.owns(position.getTopic(), position.getPartition())) {
            // Polled before its partition moved: the new owner applies it.
            return Uni.createFrom().completionStage(record.ack());
        }
        PortfolioJson.OrderFill order;
        try {
            order = PortfolioJson.parseOrder(record.getPayload(), account);
        } catch (IllegalArgumentException e) {
            metrics.malformed("orders");
            LOG.warnf("dead-lettering an order record: %s", e.getMessage());
            return Uni.createFrom().completionStage(record.nack(e));
        }
        // The account's orders arrive on every orders partition: one shard per partition, one writer each.
        String input = PartitionOwnership.name(position.getTopic(), position.getPartition());
        return books.apply(record, order.fill(), input, order.source(), order.quoteOffset(), started);
    }
}
