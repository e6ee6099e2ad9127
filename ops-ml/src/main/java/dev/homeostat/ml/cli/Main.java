package dev.homeostat.ml.cli;

/** Command-line entry point of the ops-ml jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("usage: homeostat-ml <nab|autoscale> ...");
        System.exit(2);
    }
}
