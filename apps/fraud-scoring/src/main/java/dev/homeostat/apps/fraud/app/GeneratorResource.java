package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.generator.GeneratedPayment;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Demo mode: publishes a batch of synthetic, labelled payments to the payments topic so the app has
 * something to score and learn from. Off unless {@code fraud.generator.enabled=true}.
 */
@Path("/generator")
public class GeneratorResource {

    private static final int MAX_BATCH = 100_000;
    /** Sends awaiting their acks at once; below the emitter's default buffer of 256. */
    private static final int IN_FLIGHT = 128;

    private final MutinyEmitter<String> payments;
    private final FraudConfig config;
    private final Clock clock;

    /** The resource with its collaborators. */
    public GeneratorResource(@Channel("generated-payments") MutinyEmitter<String> payments, FraudConfig config,
                             Clock clock) {
        this.payments = payments;
        this.config = config;
        this.clock = clock;
    }

    /** Publishes {@code count} payments from a generator seeded with {@code seed}, starting now. */
    @POST
    @Path("/payments")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(@QueryParam("count") @DefaultValue("1000") int count,
                                 @QueryParam("seed") @DefaultValue("1") long seed,
                                 @QueryParam("rate") @DefaultValue("20") double paymentsPerSecond) {
        if (!config.generator().enabled()) {
            return Uni.createFrom().item(Response.status(Response.Status.FORBIDDEN)
                    .entity(Map.of("error", "generator disabled: set fraud.generator.enabled=true")).build());
        }
        if (count < 1 || count > MAX_BATCH || !(paymentsPerSecond > 0)) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error",
                    "count must be in [1," + MAX_BATCH + "] and rate > 0, got count=" + count + " rate="
                            + paymentsPerSecond)).build());
        }
        var options = new PaymentGenerator.Options(seed, 5_000, paymentsPerSecond, 0.004, clock.instant());
        List<GeneratedPayment> batch = new PaymentGenerator(options).next(count);
        long frauds = batch.stream().filter(GeneratedPayment::fraud).count();
        // Sends overlap (up to IN_FLIGHT awaiting their acks, issued in order, so the producer keeps their order):
        // one at a time, each waiting for its ack, a batch could not keep up with a few hundred payments a second.
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(g -> payments.sendMessage(Message.of(PaymentJson.write(g.payment()),
                        Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(g.payment().account()).build()))))
                .merge(IN_FLIGHT)
                .collect().last()
                .map(done -> Response.ok(Map.of("published", count, "fraud", frauds)).build());
    }
}
