package dev.homeostat.apps.tradesignals;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.homeostat.apps.tradesignals.domain.SymbolState;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The work of one checkpoint interval: the sends (orders, dead letters) to wait for, the symbol
 * states to persist after them, and the consumed batches to acknowledge last.
 *
 * @param sends    broker acknowledgements of records emitted in the interval
 * @param states   states changed in the interval
 * @param messages consumed batches processed in the interval
 */
record Checkpoint(List<CompletableFuture<Void>> sends, List<SymbolState> states, List<Message<?>> messages) {

    boolean isEmpty() {
        return sends.isEmpty() && states.isEmpty() && messages.isEmpty();
    }
}
