package dev.homeostat.apps.tradesignals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.homeostat.apps.tradesignals.domain.Order;
import dev.homeostat.apps.tradesignals.domain.OrderJson;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends orders to the {@code orders} channel, keyed by symbol, with an {@code order-id} header and the
 * trace context of the quote that triggered them (so a trace runs feed → signals → orders).
 */
@ApplicationScoped
public class OrderPublisher {

    private final Emitter<String> emitter;
    private final OpenTelemetry openTelemetry;

    OrderPublisher(@Channel("orders") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter,
                   Instance<OpenTelemetry> openTelemetry) {
        this.emitter = emitter;
        this.openTelemetry = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
    }

    /** Sends the order; the future completes when the broker acknowledged it. */
    public CompletableFuture<Void> send(Order order, ConsumerRecord<String, String> trigger) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("order-id", order.orderId().getBytes(StandardCharsets.UTF_8));
        Context parent = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), trigger.headers(), KafkaHeadersGetter.INSTANCE);
        Message<String> message = Message.of(OrderJson.encode(order))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(order.symbol()).withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(parent))
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acknowledged;
    }
}
