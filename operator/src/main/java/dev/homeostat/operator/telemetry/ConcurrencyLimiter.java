package dev.homeostat.operator.telemetry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks with at most {@code limit} in flight, queueing the rest without holding a thread. A task
 * whose result was completed elsewhere while it waited (e.g. its caller's deadline passed) is skipped.
 */
public final class ConcurrencyLimiter {

    private final int limit;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public ConcurrencyLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Starts {@code task} when a slot is free; the returned future completes with the task's result. */
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        var result = new CompletableFuture<T>();
        Runnable start = () -> {
            if (result.isDone()) {
                release();
                return;
            }
            CompletableFuture<T> started;
            try {
                started = task.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, error) -> {
                release();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < limit;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    /** Tasks running now (for tests and metrics). */
    public synchronized int running() {
        return running;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        next.run();
    }
}
