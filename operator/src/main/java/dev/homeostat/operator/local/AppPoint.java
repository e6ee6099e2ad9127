package dev.homeostat.operator.local;

/**
 * One second of one app in a local run, as the live view and the web page show it. NaN = not measured.
 *
 * @param epochMillis when it was taken
 * @param rateIn      records/s arriving on the app's input topics
 * @param processed   records/s the consumer group committed
 * @param lag         records not yet committed
 * @param ready       ready replicas
 * @param desired     the replicas the custom resource asks for (spec.replicas)
 * @param forecast    the operator's forecast of the arrival rate (homeostat_forecast_arrival_rate)
 * @param anomaly     the highest anomaly score over the app's signals (homeostat_anomaly_score)
 */
public record AppPoint(long epochMillis, double rateIn, double processed, double lag, int ready, int desired,
        double forecast, double anomaly) {
}
