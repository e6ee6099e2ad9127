package dev.homeostat.apps.fraud.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON encoding of payments and alerts, shared by the app, the generator CLI and the tests. */
public final class PaymentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PaymentJson() {
    }

    /**
     * Parses one payment.
     *
     * @throws IllegalArgumentException with the parser's or validator's message when the text is not a valid payment
     */
    public static Payment parsePayment(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("empty payment record");
        }
        try {
            Payment payment = MAPPER.readValue(json, Payment.class);
            if (payment == null) {
                // Jackson maps the JSON literal null to a null object; it is no payment (and would fail scoring later).
                throw new IllegalArgumentException("malformed payment: the record is JSON null");
            }
            return payment;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("malformed payment: " + cause.getMessage(), e);
        }
    }

    /** Parses one alert (tests and consumers of the alerts topic). */
    public static Alert parseAlert(String json) {
        try {
            return MAPPER.readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed alert: " + e.getOriginalMessage(), e);
        }
    }

    /** Encodes a payment or an alert. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }
}
