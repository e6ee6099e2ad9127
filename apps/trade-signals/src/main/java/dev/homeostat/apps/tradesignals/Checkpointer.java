package dev.homeostat.apps.tradesignals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import dev.homeostat.apps.tradesignals.metrics.SignalMetrics;
import dev.homeostat.apps.tradesignals.state.SymbolStateStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Makes processing durable, in this order: wait until the interval's orders and dead letters are
 * acknowledged by the broker, then write the changed symbol states to the state topic, then
 * acknowledge the consumed batches (the throttled commit strategy then commits their offsets).
 * Checkpoints run every {@code checkpoint-interval}, and earlier when the processor reports half of
 * {@code max-unacknowledged-records} waiting.
 *
 * <p>Because states are written after the orders they caused and offsets after the states, a crash
 * at any point loses nothing: the replay after restart starts at or before the first quote whose
 * effect is not in the checkpointed state, and skips quotes that are. Only orders emitted since the
 * last completed checkpoint can be emitted again, with the same order id. A failed checkpoint latches:
 * no later state is written (it would hide the failed orders from the replay), the processor stops
 * taking records (bounded memory), and liveness goes DOWN so the probe restarts the app.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private final SignalProcessor processor;
    private final SymbolStateStore store;
    private final SignalMetrics metrics;
    private final TradeSignalsConfig config;
    private final ReentrantLock serial = new ReentrantLock();
    private ScheduledExecutorService scheduler;
    private volatile String failure;
    private volatile boolean closed;

    Checkpointer(SignalProcessor processor, SymbolStateStore store, SignalMetrics metrics, TradeSignalsConfig config) {
        this.processor = processor;
        this.store = store;
        this.metrics = metrics;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("checkpointer").factory());
        long interval = config.checkpointInterval().toNanos();
        scheduler.scheduleWithFixedDelay(() -> checkpoint(config.checkpointTimeout()), interval, interval,
                TimeUnit.NANOSECONDS);
        // Early checkpoints run on the same thread, serialised with the periodic ones.
        processor.onBacklog(this::checkpointSoon);
    }

    private void checkpointSoon() {
        try {
            scheduler.execute(() -> checkpoint(config.checkpointTimeout()));
        } catch (RejectedExecutionException e) {
            // Stopping: the final checkpoint at shutdown takes the pending work.
        }
    }

    void onStop(@Observes @Priority(2) ShutdownEvent event) {
        // A periodic checkpoint may be waiting (up to checkpoint-timeout) for a broker that is gone:
        // interrupt it, so the final one gets the lock within the shutdown budget.
        scheduler.shutdownNow();
        // Graceful shutdown: what was processed becomes durable and acknowledged before the consumer closes.
        boolean done = checkpoint(config.shutdownTimeout());
        closed = true;
        processor.release();
        LOG.infof("final checkpoint at shutdown %s", done ? "completed" : "did not complete; the next owner replays");
    }

    /** Runs one checkpoint now; false if it failed or a previous one failed. */
    public boolean checkpoint(Duration timeout) {
        if (closed) {
            return false;   // after the final checkpoint (e.g. the revocation when the consumer closes)
        }
        try {
            if (!serial.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warnf("no checkpoint within %s: another one still waits for the broker", timeout);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (failure != null) {
                return false;
            }
            Checkpoint work = processor.cut();
            if (work.isEmpty()) {
                return true;
            }
            long started = System.nanoTime();
            // One deadline for both waits: the timeout bounds the whole checkpoint (and so the shutdown).
            long deadline = started + timeout.toNanos();
            CompletableFuture.allOf(work.sends().toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            store.write(work.states()).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            for (Message<?> message : work.messages()) {
                message.ack();
            }
            metrics.checkpointed(System.nanoTime() - started);
            processor.resume();
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            failure = "checkpoint failed, processing is no longer acknowledged: " + cause;
            processor.halt();
            metrics.checkpointFailed();
            LOG.error(failure, cause);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            serial.unlock();
        }
    }

    /** Why checkpointing stopped, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
