package dev.homeostat.apps.tradesignals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.homeostat.apps.tradesignals.domain.CrossoverStrategy;
import dev.homeostat.apps.tradesignals.domain.MalformedQuoteException;
import dev.homeostat.apps.tradesignals.domain.Quote;
import dev.homeostat.apps.tradesignals.domain.QuoteParser;
import dev.homeostat.apps.tradesignals.domain.SignalEngine;
import dev.homeostat.apps.tradesignals.domain.SymbolState;
import dev.homeostat.apps.tradesignals.metrics.SignalMetrics;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes poll batches of quotes: parses each record, applies it to the symbol's state, emits the
 * orders it triggers and sends malformed records to the dead-letter topic. Batches are acknowledged
 * (so their offsets committed) only by the next {@link Checkpointer checkpoint}, after the orders and
 * the new states are durable. Batch consumption is what lets the app keep up with a raw consumer.
 */
@ApplicationScoped
public class SignalProcessor {

    private final Object lock = new Object();
    private final SignalEngine engine;
    private final QuoteParser parser;
    private final OrderPublisher orders;
    private final DeadLetterPublisher deadLetters;
    private final SignalMetrics metrics;
    private final Set<Integer> ownedPartitions = ConcurrentHashMap.newKeySet();
    private final AtomicLong processed = new AtomicLong();
    private List<CompletableFuture<Void>> pendingSends = new ArrayList<>();
    private List<Message<?>> pendingMessages = new ArrayList<>();

    SignalProcessor(TradeSignalsConfig config, OrderPublisher orders,
                    DeadLetterPublisher deadLetters, SignalMetrics metrics) {
        this.engine = new SignalEngine(new CrossoverStrategy(
                new CrossoverStrategy.Options(config.fastPeriod(), config.slowPeriod(), config.orderQuantity(), config.band())));
        this.parser = new QuoteParser();
        this.orders = orders;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Processes one poll batch; returns at once, the batch is acknowledged by a later checkpoint. */
    @Incoming("quotes")
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> onBatch(Message<List<byte[]>> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata =
                batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow(
                        () -> new IllegalStateException("the quotes channel must be configured with batch=true"));
        long started = System.nanoTime();
        int in = 0;
        int out = 0;
        synchronized (lock) {
            for (ConsumerRecord<String, byte[]> record : metadata.getRecords()) {
                // A batch polled before a revocation may still hold records of partitions now owned elsewhere.
                if (!ownedPartitions.contains(record.partition())) {
                    continue;
                }
                in++;
                out += process(record);
            }
            pendingMessages.add(batch);
        }
        processed.addAndGet(in);
        metrics.batch(in, out, System.nanoTime() - started);
        return CompletableFuture.completedFuture(null);
    }

    private int process(ConsumerRecord<String, byte[]> record) {
        Quote quote;
        try {
            quote = parser.parse(record.value());
        } catch (MalformedQuoteException e) {
            pendingSends.add(deadLetters.send(record, e));
            metrics.malformed();
            return 0;
        }
        SignalEngine.Outcome outcome = engine.apply(quote, record.partition(), record.offset());
        if (outcome.replayed()) {
            metrics.replayed();
            return 0;
        }
        if (outcome.order() == null) {
            return 0;
        }
        pendingSends.add(orders.send(outcome.order(), record));
        return 1;
    }

    /** Hands over the work since the previous call, for checkpointing. */
    Checkpoint cut() {
        synchronized (lock) {
            Checkpoint work = new Checkpoint(pendingSends, engine.takeDirty(), pendingMessages);
            pendingSends = new ArrayList<>();
            pendingMessages = new ArrayList<>();
            return work;
        }
    }

    /** Takes ownership of partitions, with the checkpointed states of their symbols. */
    void assigned(Collection<Integer> partitions, Collection<SymbolState> restored) {
        synchronized (lock) {
            engine.restore(restored);
            ownedPartitions.addAll(partitions);
        }
    }

    /** Gives up partitions: their symbols' states are dropped (the next owner restores them). */
    void revoked(Collection<Integer> partitions) {
        synchronized (lock) {
            ownedPartitions.removeAll(partitions);
            engine.forget(Set.copyOf(partitions));
        }
    }

    /** The quotes partitions this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(ownedPartitions);
    }

    /** Quotes processed (including replays and dead letters) since start. */
    public long processed() {
        return processed.get();
    }

    /** The current state of a symbol, or null. */
    public SymbolState state(String symbol) {
        synchronized (lock) {
            return engine.state(symbol);
        }
    }
}
