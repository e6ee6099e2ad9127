package dev.homeostat.apps.tradesignals.domain;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Writes an order as the JSON on the {@code orders} topic; by hand, as databind reflection cost more than the rest of an order's path. */
public final class OrderJson {

    private OrderJson() {
    }

    /** The order's JSON object. */
    public static String encode(Order order) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder json = new StringBuilder(224);
        json.append("{\"orderId\":\"").append(encoder.quoteAsString(order.orderId()))
                .append("\",\"symbol\":\"").append(encoder.quoteAsString(order.symbol()))
                .append("\",\"side\":\"").append(order.side().name())
                .append("\",\"quantity\":").append(order.quantity())
                .append(",\"limitPrice\":").append(order.limitPrice())
                .append(",\"quoteTime\":\"").append(order.quoteTime())
                .append("\",\"fastEma\":").append(order.fastEma())
                .append(",\"slowEma\":").append(order.slowEma())
                .append('}');
        return json.toString();
    }
}
