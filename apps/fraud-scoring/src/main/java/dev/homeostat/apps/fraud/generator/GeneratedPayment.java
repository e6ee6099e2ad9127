package dev.homeostat.apps.fraud.generator;

import dev.homeostat.apps.fraud.domain.Payment;

/** A synthetic payment with the pattern that produced it (ground truth for evaluation only). */
public record GeneratedPayment(Payment payment, FraudPattern pattern, long sequence) {

    /** True when the generator injected this payment as fraud. */
    public boolean fraud() {
        return pattern != FraudPattern.NONE;
    }
}
