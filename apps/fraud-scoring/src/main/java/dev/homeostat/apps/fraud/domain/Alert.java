package dev.homeostat.apps.fraud.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A payment whose fraud score reached the alert threshold, as written to the {@code alerts} topic. */
public record Alert(
        String paymentId,
        String account,
        String merchant,
        BigDecimal amount,
        String currency,
        String country,
        Instant paymentTime,
        double score,
        double threshold,
        String scorer,
        List<String> reasons) {

    /** Builds the alert for {@code payment} from the assessment that flagged it. */
    public static Alert of(Payment payment, Assessment assessment, double threshold) {
        return new Alert(payment.id(), payment.account(), payment.merchant(), payment.amount(), payment.currency(),
                payment.country(), payment.timestamp(), assessment.score(), threshold, assessment.scorer(),
                assessment.reasons());
    }
}
