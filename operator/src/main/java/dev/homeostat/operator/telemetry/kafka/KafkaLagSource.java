package dev.homeostat.operator.telemetry.kafka;

import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.telemetry.KafkaTarget;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.SourceResult;
import dev.homeostat.operator.telemetry.TelemetrySource;
import dev.homeostat.operator.telemetry.Ticker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of a StreamApp's group through the Kafka Admin API: the group's committed offsets, the consumed
 * topics' partitions and their end (and earliest) offsets, every call asynchronous and bounded by the scrape
 * timeout. Each answer is stamped on a monotonic {@link Ticker} when it arrives, so rates divide by the time between
 * the reads. The arithmetic is {@link LagArithmetic}'s; Admin clients are shared through {@link AdminClientPool}.
 */
@ApplicationScoped
public class KafkaLagSource implements TelemetrySource {

    public static final String NAME = "kafka";

    private final AdminClientPool pool;
    private final int timeoutMs;
    private final Ticker ticker;
    private final Map<String, OffsetRound> previous = new ConcurrentHashMap<>();

    @Inject
    public KafkaLagSource(HomeostatConfig config, Ticker ticker) {
        this(new AdminClientPool(config.telemetry().scrapeTimeout()), config.telemetry().scrapeTimeout(), ticker);
    }

    /** For tests and benchmarks with their own pool and clock. */
    public KafkaLagSource(AdminClientPool pool, Duration timeout, Ticker ticker) {
        this.pool = pool;
        this.timeoutMs = (int) timeout.toMillis();
        this.ticker = ticker;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(ScrapeTarget target) {
        return target.kafka().isPresent();
    }

    @Override
    public CompletionStage<SourceResult> collect(ScrapeTarget target, Instant now) {
        KafkaTarget kafka = target.kafka().orElseThrow();
        Admin admin = pool.acquire(target.key(), kafka);
        return committed(admin, kafka.consumerGroup())
                .thenCompose(read -> {
                    Map<TopicPartition, Long> committed = read.offsets();
                    Set<String> topics = new TreeSet<>(kafka.inputTopics());
                    if (topics.isEmpty()) {
                        committed.keySet().forEach(tp -> topics.add(tp.topic()));
                    }
                    if (topics.isEmpty()) {
                        return CompletableFuture.completedFuture(SourceResult.failed("group " + kafka.consumerGroup()
                                + " has no committed offsets and the spec names no input topics"));
                    }
                    return partitions(admin, topics).thenCompose(partitions -> offsets(admin, partitions, OffsetSpec.latest())
                            .thenCombine(offsets(admin, partitions, OffsetSpec.earliest()), (end, start) -> {
                                var round = new OffsetRound(read.nanos(), end.nanos(), end.offsets(),
                                        onlyOf(committed, end.offsets().keySet()), start.offsets());
                                OffsetRound before = previous.put(target.key(), round);
                                return SourceResult.ok(LagArithmetic.signals(before, round));
                            }));
                })
                .exceptionally(e -> SourceResult.failed(describe(kafka, e)));
    }

    /**
     * Offsets as one Admin call answered them.
     *
     * @param offsets per partition
     * @param nanos   when the answer arrived, on the source's {@link Ticker}
     */
    private record Read(Map<TopicPartition, Long> offsets, long nanos) {
    }

    private CompletableFuture<Read> committed(Admin admin, String group) {
        var options = new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs);
        return admin.listConsumerGroupOffsets(group, options).partitionsToOffsetAndMetadata()
                .toCompletionStage().toCompletableFuture()
                .thenApply(offsets -> {
                    var committed = new HashMap<TopicPartition, Long>();
                    long at = ticker.nanos();
                    offsets.forEach((tp, offset) -> {
                        if (offset != null) {
                            committed.put(tp, ((OffsetAndMetadata) offset).offset());
                        }
                    });
                    return new Read(committed, at);
                });
    }

    private CompletableFuture<List<TopicPartition>> partitions(Admin admin, Set<String> topics) {
        var options = new org.apache.kafka.clients.admin.DescribeTopicsOptions().timeoutMs(timeoutMs);
        return admin.describeTopics(topics, options).allTopicNames().toCompletionStage().toCompletableFuture()
                .thenApply(descriptions -> descriptions.values().stream()
                        .flatMap((TopicDescription d) -> d.partitions().stream()
                                .map(p -> new TopicPartition(d.name(), p.partition())))
                        .toList());
    }

    private CompletableFuture<Read> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        return admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(timeoutMs)).all()
                .toCompletionStage().toCompletableFuture()
                .thenApply(result -> new Read(result.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())), ticker.nanos()));
    }

    private static Map<TopicPartition, Long> onlyOf(Map<TopicPartition, Long> committed, Set<TopicPartition> partitions) {
        var kept = new HashMap<>(committed);
        kept.keySet().retainAll(partitions);
        return kept;
    }

    private static String describe(KafkaTarget kafka, Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return "group " + kafka.consumerGroup() + " at " + kafka.bootstrapServers() + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void forget(ScrapeTarget target) {
        previous.remove(target.key());
        pool.release(target.key());
    }

    /** Closes every shared Admin client. */
    @PreDestroy
    void close() {
        pool.close();
    }
}
