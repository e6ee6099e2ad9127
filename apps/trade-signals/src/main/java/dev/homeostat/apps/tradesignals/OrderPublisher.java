package dev.homeostat.apps.tradesignals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.homeostat.apps.kafka.KafkaClientSettings;
import dev.homeostat.apps.tradesignals.domain.Order;
import dev.homeostat.apps.tradesignals.domain.OrderJson;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends orders to the orders topic, keyed by symbol, with an {@code order-id} header and a producer
 * span parented on the trace context of the quote that triggered them (so a trace runs feed → signals
 * → orders). A plain idempotent {@link KafkaProducer} rather than a SmallRye emitter: profiling showed
 * the emitter's per-message plumbing costing about 50 quote parses per order on the consumer's thread.
 * Guarantees are unchanged: each returned future completes only once the broker acknowledged the order,
 * and the {@link Checkpointer} waits for them before it checkpoints state and commits offsets.
 */
@ApplicationScoped
public class OrderPublisher {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final TextMapPropagator propagator;
    private final Tracer tracer;
    private final boolean tracing;
    private volatile boolean stopping;

    OrderPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                   TradeSignalsConfig config, Instance<OpenTelemetry> openTelemetry) {
        OpenTelemetry otel = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
        this.topic = config.ordersTopic();
        this.propagator = otel.getPropagators().getTextMapPropagator();
        this.tracer = otel.getTracer("trade-signals");
        // With the SDK off (or no propagator) there is no context to carry: skip the per-order work.
        this.tracing = !propagator.fields().isEmpty();
        // The app's kafka.* settings (TLS, SASL…) as the channels get them; acks=all, idempotent.
        this.producer = new KafkaProducer<>(KafkaClientSettings.producer(kafka, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "trade-signals-orders",
                // send() blocks the consuming thread while metadata is missing (broker gone): 60 s by
                // default, per order, which kept a stop past Kubernetes' grace. A failed send fails the
                // checkpoint, so nothing is lost: the quotes are replayed.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis())),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends the order; the future completes when the broker acknowledged it (exceptionally if it failed). */
    public CompletableFuture<Void> send(Order order, ConsumerRecord<String, ?> trigger) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        if (stopping) {
            // After SIGTERM no new order is started: the quote is not acknowledged and will be replayed.
            acknowledged.completeExceptionally(new IllegalStateException("shutting down; order not sent"));
            return acknowledged;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, order.symbol(), OrderJson.encode(order));
        record.headers().add("order-id", order.orderId().getBytes(StandardCharsets.UTF_8));
        Span span = tracing ? producerSpan(trigger, record.headers()) : Span.getInvalid();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    span.setStatus(StatusCode.ERROR, failure.getMessage());
                    acknowledged.completeExceptionally(failure);
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            span.end();
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private Span producerSpan(ConsumerRecord<String, ?> trigger, Headers orderHeaders) {
        Context parent = propagator.extract(Context.root(), trigger.headers(), KafkaHeadersGetter.INSTANCE);
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
        propagator.inject(parent.with(span), orderHeaders, (headers, key, value) ->
                headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** First of the shutdown observers: orders still being processed fail fast instead of blocking. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Closes the producer, waiting at most 5 s for unsent orders (unbounded by default: with the broker
     * gone that is {@code delivery.timeout.ms}, 2 min, past Kubernetes' grace). Orders not sent are
     * not lost: their quotes were not acknowledged, so the next owner replays them.
     */
    @PreDestroy
    void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
