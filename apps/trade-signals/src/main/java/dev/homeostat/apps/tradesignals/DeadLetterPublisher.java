package dev.homeostat.apps.tradesignals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends a record that cannot be processed to the {@code dead-letters} channel (topic {@code quotes-dlq}),
 * byte for byte unchanged (even if it is not valid UTF-8), with the error in the same headers SmallRye's {@code dead-letter-queue} failure strategy
 * writes ({@code dead-letter-reason}, {@code dead-letter-topic}, …) so one tool reads both.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private final Emitter<byte[]> emitter;

    DeadLetterPublisher(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Sends the record with its error; the future completes when the broker acknowledged it. */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, Throwable error) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, "dead-letter-reason", String.valueOf(error.getMessage()));
        add(headers, "dead-letter-exception-class-name", error.getClass().getName());
        if (error.getCause() != null) {
            add(headers, "dead-letter-cause", String.valueOf(error.getCause().getMessage()));
            add(headers, "dead-letter-cause-class-name", error.getCause().getClass().getName());
        }
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", String.valueOf(record.partition()));
        add(headers, "dead-letter-offset", String.valueOf(record.offset()));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers);
        if (record.key() != null) {
            metadata = metadata.withKey(record.key());
        }
        Message<byte[]> message = Message.of(record.value())
                .addMetadata(metadata.build())
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

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
