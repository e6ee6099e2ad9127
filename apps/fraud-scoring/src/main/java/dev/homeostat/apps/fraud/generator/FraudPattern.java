package dev.homeostat.apps.fraud.generator;

/** The fraud patterns the synthetic generator injects; {@link #NONE} marks a legitimate payment. */
public enum FraudPattern {
    /** Legitimate payment. */
    NONE,
    /** A burst of small online probes checking whether a stolen card works. */
    CARD_TESTING,
    /** A high amount from a country the account never used. */
    FOREIGN_HIGH_AMOUNT,
    /** A large payment at a risky merchant category the account never used. */
    MERCHANT_CATEGORY_ANOMALY,
    /** Many ordinary-looking payments within a minute at different merchants. */
    VELOCITY
}
