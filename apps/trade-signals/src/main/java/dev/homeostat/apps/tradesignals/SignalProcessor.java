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
 *
 * <p>Back-pressure: when more than {@code max-unacknowledged-records} processed records wait for a
 * checkpoint (checkpoints slow) or checkpointing has failed, the returned stage stays open until a
 * checkpoint takes the work. SmallRye then requests no further batch and pauses the consumer, so
 * memory stays bounded instead of growing with every record polled while nothing can be made durable.
 * Half-way to that bound the processor asks for a checkpoint at once instead of waiting for the next
 * interval, so a fast stream is checkpointed more often rather than held: at a few hundred thousand
 * records/s the bound fills well inside the 200 ms interval, and the benchmark's stream stood still
 * for the rest of each interval.
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
    private int pendingRecords;
    private CompletableFuture<Void> backPressure;
    private boolean halted;
    private final int maxPendingRecords;
    private boolean checkpointRequested;
    private volatile Runnable checkpointNow = () -> { };

    SignalProcessor(TradeSignalsConfig config, OrderPublisher orders,
                    DeadLetterPublisher deadLetters, SignalMetrics metrics) {
        this.engine = new SignalEngine(new CrossoverStrategy(
                new CrossoverStrategy.Options(config.fastPeriod(), config.slowPeriod(), config.orderQuantity(), config.band())));
        this.parser = new QuoteParser();
        this.orders = orders;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.maxPendingRecords = config.maxUnacknowledgedRecords();
    }

    /**
     * Processes one poll batch; returns at once, the batch is acknowledged by a later checkpoint. The
     * records come from the batch's metadata. The parameter is {@code Message<?>}, not
     * {@code Message<List<byte[]>>}: with a declared payload type SmallRye checks every batch's payload
     * against it, and a batch's payload is a new list built from all its records each time it is asked for.
     */
    @Incoming("quotes")
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> onBatch(Message<?> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata =
                batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow(
                        () -> new IllegalStateException("the quotes channel must be configured with batch=true"));
        long started = System.nanoTime();
        int in = 0;
        int out = 0;
        CompletableFuture<Void> done;
        boolean requestCheckpoint;
        synchronized (lock) {
            if (halted) {
                // Checkpointing failed: nothing processed now could be made durable; take nothing more.
                backPressure = new CompletableFuture<>();
                return backPressure;
            }
            for (ConsumerRecord<String, byte[]> record : metadata.getRecords()) {
                if (halted) {
                    break;      // checkpointing failed while this batch ran: the rest would never be durable
                }
                // A batch polled before a revocation may still hold records of partitions now owned elsewhere.
                if (!ownedPartitions.contains(record.partition())) {
                    continue;
                }
                in++;
                out += process(record);
            }
            pendingMessages.add(batch);
            pendingRecords += in;
            requestCheckpoint = !halted && !checkpointRequested && pendingRecords >= maxPendingRecords / 2;
            checkpointRequested |= requestCheckpoint;
            if (halted || pendingRecords > maxPendingRecords) {
                // Hold the stream: no next batch until a checkpoint takes this work (never, once halted).
                backPressure = new CompletableFuture<>();
                done = backPressure;
            } else {
                done = CompletableFuture.completedFuture(null);
            }
        }
        if (requestCheckpoint) {
            checkpointNow.run();
        }
        processed.addAndGet(in);
        metrics.batch(in, out, System.nanoTime() - started);
        return done;
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
        CompletableFuture<Void> sent = orders.send(outcome.order(), record);
        pendingSends.add(sent);
        if (sent.isCompletedExceptionally()) {
            // The send failed at once (broker unreachable past max.block.ms, or shutting down): the
            // checkpoint that takes it fails, so stop here rather than block on every further order.
            halted = true;
        }
        return 1;
    }

    /** Hands over the work since the previous call, for checkpointing. */
    Checkpoint cut() {
        synchronized (lock) {
            Checkpoint work = new Checkpoint(pendingSends, engine.takeDirty(), pendingMessages);
            pendingSends = new ArrayList<>();
            pendingMessages = new ArrayList<>();
            pendingRecords = 0;
            checkpointRequested = false;
            return work;
        }
    }

    /** How to ask for a checkpoint before the interval ends (half the unacknowledged bound reached); must not block. */
    void onBacklog(Runnable checkpointNow) {
        this.checkpointNow = checkpointNow;
    }

    /** Lets the stream go on after a checkpoint made the held work durable. */
    void resume() {
        CompletableFuture<Void> held;
        synchronized (lock) {
            held = halted ? null : backPressure;
            backPressure = null;
        }
        if (held != null) {
            held.complete(null);
        }
    }

    /**
     * Stops taking records for good (checkpointing failed): the next batch holds the stream, so memory
     * stays bounded until the liveness probe restarts the app and it replays from the committed offsets.
     */
    void halt() {
        synchronized (lock) {
            halted = true;
            // The work of the failed interval can never be acknowledged: let it go.
            pendingSends = new ArrayList<>();
            pendingMessages = new ArrayList<>();
        }
    }

    /** Releases a held stream at shutdown so the consumer can close; nothing more is acknowledged. */
    void release() {
        CompletableFuture<Void> held;
        synchronized (lock) {
            held = backPressure;
            backPressure = null;
        }
        if (held != null) {
            held.completeExceptionally(new IllegalStateException("shutting down with unacknowledged records"));
        }
    }

    /** Records processed and not yet handed to a checkpoint. */
    public int pendingRecords() {
        synchronized (lock) {
            return pendingRecords;
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
