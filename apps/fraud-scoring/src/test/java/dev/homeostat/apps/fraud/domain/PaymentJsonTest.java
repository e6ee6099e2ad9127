package dev.homeostat.apps.fraud.domain;

import dev.homeostat.apps.fraud.TestPayments;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payment JSON: valid records parse, bad ones fail with the reason. */
class PaymentJsonTest {

    @Test
    void roundTripsAPayment() {
        // given
        Payment payment = TestPayments.payment("p1", "a1", 12.5, "CH", "grocery", 0);
        // when
        Payment parsed = PaymentJson.parsePayment(PaymentJson.write(payment));
        // then
        assertEquals(payment, parsed);
    }

    @Test
    void acceptsUnknownFieldsAndALabel() {
        // given
        String json = """
                {"id":"p2","account":"a1","merchant":"m","merchantCategory":"fuel","amount":40.10,"currency":"EUR",
                 "country":"DE","channel":"pos","timestamp":"2026-03-02T10:00:00Z","label":true,"extra":1}""";
        // when
        Payment parsed = PaymentJson.parsePayment(json);
        // then
        assertTrue(parsed.label());
        assertEquals(0, new BigDecimal("40.10").compareTo(parsed.amount()));
    }

    @Test
    void rejectsNotJsonWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> PaymentJson.parsePayment("{not json"));
        assertTrue(e.getMessage().startsWith("malformed payment"), e.getMessage());
    }

    @Test
    void rejectsTheJsonLiteralNullAsMalformed() {
        // "null" is valid JSON that Jackson reads as no object; scoring it used to throw a NullPointerException that
        // stopped the payments channel (seen with local mode's --inject poison)
        var e = assertThrows(IllegalArgumentException.class, () -> PaymentJson.parsePayment("null"));
        assertTrue(e.getMessage().startsWith("malformed payment"), e.getMessage());
    }

    @Test
    void rejectsANegativeAmountNamingTheValue() {
        // given
        String json = """
                {"id":"p3","account":"a1","merchant":"m","merchantCategory":"fuel","amount":-5,"currency":"EUR",
                 "country":"DE","channel":"pos","timestamp":"2026-03-02T10:00:00Z"}""";
        // when
        var e = assertThrows(IllegalArgumentException.class, () -> PaymentJson.parsePayment(json));
        // then
        assertTrue(e.getMessage().contains("amount must be > 0, got -5"), e.getMessage());
    }

    @Test
    void rejectsAMissingAccount() {
        String json = """
                {"id":"p4","merchant":"m","merchantCategory":"fuel","amount":5,"currency":"EUR",
                 "country":"DE","channel":"pos","timestamp":"2026-03-02T10:00:00Z"}""";
        var e = assertThrows(IllegalArgumentException.class, () -> PaymentJson.parsePayment(json));
        assertTrue(e.getMessage().contains("'account'"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyRecord() {
        assertThrows(IllegalArgumentException.class, () -> PaymentJson.parsePayment(""));
    }
}
