package dev.homeostat.apps.tradesignals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The hand-written order JSON is valid JSON with every field, escaping included. */
class OrderJsonTest {

    @Test
    void encodesEveryFieldAsJson() throws Exception {
        // given
        Order order = new Order("A\"B:1:42", "A\"B", Side.SELL, 100, 187.25, Instant.parse("2026-01-02T14:30:00.5Z"),
                187.1, 187.3);
        // when
        JsonNode json = new ObjectMapper().readTree(OrderJson.encode(order));
        // then
        assertEquals("A\"B:1:42", json.path("orderId").asText());
        assertEquals("A\"B", json.path("symbol").asText());
        assertEquals("SELL", json.path("side").asText());
        assertEquals(100, json.path("quantity").asLong());
        assertEquals(187.25, json.path("limitPrice").asDouble());
        assertEquals("2026-01-02T14:30:00.500Z", json.path("quoteTime").asText());
        assertEquals(187.1, json.path("fastEma").asDouble());
        assertEquals(187.3, json.path("slowEma").asDouble());
    }
}
