package dev.homeostat.operator.model;

/**
 * A Secret or ConfigMap a workload needs in order to start.
 *
 * @param kind   Secret or ConfigMap
 * @param name   object name, in the workload's namespace
 * @param usedBy where the spec refers to it, e.g. "env DB_PASSWORD"
 */
public record Reference(String kind, String name, String usedBy) {

    public static final String SECRET = "Secret";
    public static final String CONFIG_MAP = "ConfigMap";

    /** One line for a condition message or an Event. */
    public String describe() {
        return usedBy + " refers to " + kind + " '" + name + "', which does not exist";
    }
}
