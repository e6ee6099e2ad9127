package dev.homeostat.apps.portfolio.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.time.Instant;

/** JSON of fills, quotes and account books (the state topic's values). */
public final class PortfolioJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PortfolioJson() {
    }

    /** A quote's symbol and prices; the rest of market-feed's quote is not needed here. */
    public record QuotePrices(String symbol, BigDecimal bid, BigDecimal ask) {
    }

    /** An order of trade-signals as read from the {@code orders} topic. */
    private record OrderRecord(String orderId, String symbol, Side side, BigDecimal quantity, BigDecimal limitPrice,
                               Instant quoteTime) {
    }

    /**
     * An order taken as a fill, with the position that identifies it: {@code source} =
     * {@code orders/<symbol>:<quote partition>}, {@code quoteOffset} = the triggering quote's offset.
     */
    public record OrderFill(Fill fill, String source, long quoteOffset) {
    }

    /**
     * Parses a trade-signals order (id {@code symbol:partition:offset}) as a fill of {@code account}
     * at its limit price.
     */
    public static OrderFill parseOrder(String json, String account) {
        OrderRecord order = parse(json, OrderRecord.class, "order");
        String id = order.orderId();
        int last = id == null ? -1 : id.lastIndexOf(':');
        if (last <= 0 || id.indexOf(':') == last) {
            throw new IllegalArgumentException("order id must be symbol:partition:offset, got " + id);
        }
        long quoteOffset;
        try {
            quoteOffset = Long.parseLong(id.substring(last + 1));
            Integer.parseInt(id.substring(id.indexOf(':') + 1, last));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("order id must be symbol:partition:offset, got " + id);
        }
        Fill fill = new Fill(id, id, account, order.symbol(), order.side(), order.quantity(), order.limitPrice(),
                BigDecimal.ZERO, order.quoteTime());
        return new OrderFill(fill, "orders/" + id.substring(0, last), quoteOffset);
    }

    /** Parses a fill; {@link IllegalArgumentException} with the reason when it is not a valid one. */
    public static Fill parseFill(String json) {
        return parse(json, Fill.class, "fill");
    }

    /** Parses a quote's symbol, bid and ask. */
    public static QuotePrices parseQuote(String json) {
        QuotePrices quote = parse(json, QuotePrices.class, "quote");
        if (quote.symbol() == null || quote.bid() == null || quote.ask() == null) {
            throw new IllegalArgumentException("quote needs symbol, bid and ask: " + json);
        }
        return quote;
    }

    /** Parses a book from the state topic. */
    public static AccountBook parseBook(String json) {
        return parse(json, AccountBook.class, "account book");
    }

    /** Encodes any of the above. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T parse(String json, Class<T> type, String what) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("empty " + what + " record");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                // Jackson maps the JSON literal null to a null object: no record at all, so malformed (dead-lettered).
                throw new IllegalArgumentException("malformed " + what + ": the record is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("malformed " + what + ": " + cause.getMessage(), e);
        }
    }
}
