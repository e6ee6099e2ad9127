package dev.homeostat.apps.tradesignals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Quote JSON parsing: valid quotes, unknown fields, and every kind of malformed record. */
class QuoteParserTest {

    private final QuoteParser parser = new QuoteParser();

    @Test
    void parsesAQuoteAndSkipsUnknownFields() {
        // given
        String json = "{\"symbol\":\"AAPL\",\"bid\":189.5,\"ask\":189.52,\"size\":300,"
                + "\"eventTime\":\"2026-01-02T14:30:00.250Z\",\"sequence\":7,\"extra\":{\"nested\":[1,2]}}";
        // when
        Quote quote = parser.parse(json);
        // then
        assertEquals(new Quote("AAPL", 189.5, 189.52, 300, Instant.parse("2026-01-02T14:30:00.250Z")), quote);
        assertEquals(189.51, quote.mid(), 1e-9);
    }

    @Test
    void parsesTheRecordBytesAsTheyComeOffTheWire() {
        // given: the UTF-8 value of a record, as the app's ByteArrayDeserializer hands it over
        byte[] utf8 = "{\"symbol\":\"ÄBC\",\"bid\":10.0,\"ask\":10.5,\"size\":5,\"eventTime\":\"2026-01-02T14:30:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        // when
        Quote quote = parser.parse(utf8);
        // then
        assertEquals(new Quote("ÄBC", 10.0, 10.5, 5, Instant.parse("2026-01-02T14:30:00Z")), quote);
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        // given: a symbol holding a lone continuation byte
        byte[] invalid = "{\"symbol\":\"A?\",\"bid\":1.0,\"ask\":1.1,\"size\":1,\"eventTime\":\"2026-01-02T14:30:00Z\"}"
                .getBytes(StandardCharsets.US_ASCII);
        invalid[12] = (byte) 0x80;
        // when / then
        MalformedQuoteException error = assertThrows(MalformedQuoteException.class, () -> parser.parse(invalid));
        assertTrue(error.getMessage().contains("invalid quote"), error.getMessage());
    }

    @Test
    void rejectsMalformedRecordsWithAReason() {
        assertMalformed("not json at all", "invalid quote");
        assertMalformed("[1,2]", "not a JSON object");
        assertMalformed("{\"symbol\":\"AAPL\",\"bid\":1.0}", "missing");
        assertMalformed("{\"symbol\":\"AAPL\",\"bid\":\"x\",\"ask\":1.1,\"size\":1,\"eventTime\":\"2026-01-02T14:30:00Z\"}",
                "bid is not a number");
        assertMalformed("{\"symbol\":\"AAPL\",\"bid\":2.0,\"ask\":1.0,\"size\":1,\"eventTime\":\"2026-01-02T14:30:00Z\"}",
                "bid=2.0 ask=1.0");
        assertMalformed("{\"symbol\":\"AAPL\",\"bid\":1.0,\"ask\":1.1,\"size\":1,\"eventTime\":\"yesterday\"}",
                "yesterday");
        assertMalformed(null, "null value");
    }

    private void assertMalformed(String json, String expectedInMessage) {
        MalformedQuoteException error = assertThrows(MalformedQuoteException.class, () -> parser.parse(json));
        assertTrue(error.getMessage().contains(expectedInMessage), error.getMessage());
    }
}
