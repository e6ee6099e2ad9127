package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.domain.Alert;
import dev.homeostat.apps.fraud.domain.Payment;
import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.scoring.FraudEngine;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes {@code payments}, scores each and publishes an alert when the score reaches the threshold.
 *
 * <p>At-least-once: a payment is acknowledged (so its offset may be committed) only after its alert,
 * if any, was acknowledged by the broker; a failed alert send is retried with back-off rather than
 * skipped. Alert sends are pipelined (at most {@value #MAX_IN_FLIGHT} in flight) so scoring does not
 * wait for broker round trips; the commit strategy commits an offset only once every record before
 * it is acknowledged. A payment that cannot be parsed or validated is nacked, which the channel's
 * {@code dead-letter-queue} failure strategy turns into a record on the dead-letter topic.
 *
 * <p>Before it is scored, a payment waits {@code fraud.risk-check.latency} for the issuer's risk check (0 = none;
 * the sample has no such service, so the wait stands in for its round trip, see docs/apps.md). Payments are
 * processed one at a time, so this wait is what bounds one replica's throughput, as a remote call per record does.
 */
@ApplicationScoped
public class PaymentProcessor {

    private static final Logger LOG = Logger.getLogger(PaymentProcessor.class);
    private static final int MAX_IN_FLIGHT = 128;   // below the emitter's default buffer of 256

    private final FraudEngine engine;
    private final MutinyEmitter<String> alerts;
    private final StreamMetrics metrics;
    private final FraudMetrics fraudMetrics;
    private final double threshold;
    private final Duration riskCheck;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The processor with its collaborators. */
    public PaymentProcessor(FraudEngine engine, @Channel("alerts") MutinyEmitter<String> alerts, StreamMetrics metrics,
                            FraudMetrics fraudMetrics, FraudConfig config) {
        this.engine = engine;
        this.alerts = alerts;
        this.metrics = metrics;
        this.fraudMetrics = fraudMetrics;
        this.threshold = config.alertThreshold();
        this.riskCheck = config.riskCheck().latency();
        if (riskCheck.isNegative()) {
            throw new IllegalArgumentException("fraud.risk-check.latency must not be negative, got " + riskCheck);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("fraud.alert-threshold must be in [0,1], got " + threshold);
        }
    }

    /** Scores one payment record. */
    @Incoming("payments")
    public Uni<Void> process(Message<String> record) {
        long started = System.nanoTime();
        metrics.recordIn();
        Payment payment;
        try {
            payment = PaymentJson.parsePayment(record.getPayload());
        } catch (IllegalArgumentException e) {
            metrics.malformed();
            LOG.warnf("dead-lettering a payment record: %s", e.getMessage());
            return Uni.createFrom().completionStage(record.nack(e));
        }
        if (riskCheck.isZero()) {
            return score(record, payment, started);
        }
        // A timer, not a sleeping thread: the event loop stays free while the payment waits for its check.
        return Uni.createFrom().voidItem().onItem().delayIt().by(riskCheck).chain(() -> score(record, payment, started));
    }

    /** Scores a parsed payment, alerts if needed, and acknowledges it (the wait for its risk check included). */
    private Uni<Void> score(Message<String> record, Payment payment, long started) {
        FraudEngine.Scored scored = engine.assess(payment);
        fraudMetrics.scored(scored.assessment());
        if (scored.assessment().score() < threshold) {
            metrics.processed(System.nanoTime() - started);
            return Uni.createFrom().completionStage(record.ack());
        }
        Alert alert = Alert.of(payment, scored.assessment(), threshold);
        Metadata keyed = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(payment.account()).build());
        // Carry the consumer span's context so the alert's trace continues the payment's trace.
        Metadata metadata = TracingMetadata.fromMessage(record).map(keyed::with).orElse(keyed);
        Message<String> out = Message.of(PaymentJson.write(alert), metadata);
        Uni<Void> sent = alerts.sendMessage(out)
                .onFailure().invoke(e -> LOG.warnf("alert for payment %s not sent yet, retrying: %s", payment.id(), e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .chain(() -> {
                    metrics.recordOut();
                    return Uni.createFrom().completionStage(record.ack());
                })
                .eventually(inFlight::decrementAndGet)
                .memoize().indefinitely();
        boolean mustWait = inFlight.incrementAndGet() > MAX_IN_FLIGHT;
        sent.subscribe().with(done -> { }, e -> LOG.errorf(e, "payment %s left unacknowledged", payment.id()));
        metrics.processed(System.nanoTime() - started);
        // Alerts are sent in the background (the broker keeps their order); past the limit, wait for one.
        return mustWait ? sent : Uni.createFrom().voidItem();
    }
}
