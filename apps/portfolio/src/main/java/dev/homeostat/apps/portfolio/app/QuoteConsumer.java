package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.Marks;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/** Keeps the latest mid price per symbol from the {@code quotes} topic for mark-to-market. */
@ApplicationScoped
public class QuoteConsumer {

    private static final Logger LOG = Logger.getLogger(QuoteConsumer.class);

    private final Marks marks;
    private final StreamMetrics metrics;

    /** The consumer with its collaborators. */
    public QuoteConsumer(Marks marks, StreamMetrics metrics) {
        this.marks = marks;
        this.metrics = metrics;
    }

    /** Updates one symbol's mark; an unusable quote is dead-lettered. */
    @Incoming("quotes")
    public CompletionStage<Void> consume(Message<String> record) {
        long started = System.nanoTime();
        metrics.recordIn("quotes");
        try {
            var quote = PortfolioJson.parseQuote(record.getPayload());
            marks.update(quote.symbol(), quote.bid(), quote.ask());
        } catch (IllegalArgumentException e) {
            metrics.malformed("quotes");
            LOG.warnf("dead-lettering a quote record: %s", e.getMessage());
            return record.nack(e);
        }
        metrics.processed(System.nanoTime() - started);
        return record.ack();
    }
}
