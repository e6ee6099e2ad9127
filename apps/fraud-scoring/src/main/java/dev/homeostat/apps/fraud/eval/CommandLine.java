package dev.homeostat.apps.fraud.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the offline commands, with clear errors for unknown or malformed ones. */
final class CommandLine {

    private final Map<String, String> values = new HashMap<>();

    CommandLine(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "', expected one of --" + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name.substring(2), args[i + 1]);
        }
    }

    long longValue(String name, long fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + value + "'");
        }
    }

    double doubleValue(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
