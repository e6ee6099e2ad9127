package dev.homeostat.operator.telemetry.pods;

/** A metrics body that cannot be read as Prometheus text; the message says where and why. */
public class MalformedMetricsException extends Exception {

    public MalformedMetricsException(String message) {
        super(message);
    }
}
