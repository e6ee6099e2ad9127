package dev.homeostat.apps.tradesignals.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Parses quote JSON ({@code {"symbol":"AAPL","bid":1.0,"ask":1.1,"size":100,"eventTime":"2026-…Z"}})
 * with Jackson's streaming parser straight from the record's UTF-8 bytes: the hot path of the app, so
 * no {@code String} decoding, no tree and no reflection. Unknown
 * fields are skipped; anything else that is not a valid quote throws {@link MalformedQuoteException}.
 */
public final class QuoteParser {

    private final JsonFactory factory;

    /** A parser with its own Jackson factory: fast double parsing on, no source kept for error locations (we quote it ourselves). */
    public QuoteParser() {
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The quote in {@code json}; never null. */
    public Quote parse(String json) {
        return parse(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** The quote in the UTF-8 JSON {@code utf8} (a record value as it comes off the wire); never null. */
    public Quote parse(byte[] utf8) {
        if (utf8 == null) {
            throw new MalformedQuoteException("empty record (null value)", null);
        }
        String symbol = null;
        double bid = Double.NaN;
        double ask = Double.NaN;
        long size = 0;
        Instant eventTime = null;
        try (JsonParser parser = factory.createParser(utf8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedQuoteException("not a JSON object: " + abbreviate(utf8), null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "symbol" -> symbol = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "bid" -> bid = number(parser, value, field);
                    case "ask" -> ask = number(parser, value, field);
                    case "size" -> size = (long) number(parser, value, field);
                    case "eventTime" -> eventTime = IsoInstants.parse(parser.getText());
                    default -> parser.skipChildren();
                }
            }
            if (symbol == null || eventTime == null || Double.isNaN(bid) || Double.isNaN(ask)) {
                throw new MalformedQuoteException("missing symbol, bid, ask or eventTime in " + abbreviate(utf8), null);
            }
            return new Quote(symbol, bid, ask, size, eventTime);
        } catch (MalformedQuoteException e) {
            throw e;
        } catch (IOException | DateTimeException | IllegalArgumentException e) {
            throw new MalformedQuoteException("invalid quote (" + e.getMessage() + "): " + abbreviate(utf8), e);
        }
    }

    private static double number(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedQuoteException(field + " is not a number", null);
        }
        return parser.getDoubleValue();
    }

    // Decoded only on the error path, so the hot path never builds a String of the record.
    private static String abbreviate(byte[] utf8) {
        String json = new String(utf8, 0, Math.min(utf8.length, 200), StandardCharsets.UTF_8);
        return utf8.length <= 200 ? json : json + "…";
    }
}
