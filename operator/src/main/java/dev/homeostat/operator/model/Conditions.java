package dev.homeostat.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Kubernetes-style conditions: one per type, lastTransitionTime moves only when the status flips. */
public final class Conditions {

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    private final List<Condition> conditions;
    private final long generation;
    private final Instant now;

    private Conditions(List<Condition> existing, long generation, Instant now) {
        this.conditions = new ArrayList<>();
        if (existing != null) {
            // One condition per type: a list that somehow holds a type twice is repaired, the first one kept.
            existing.stream().filter(c -> find(conditions, c.getType()).isEmpty())
                    .forEach(c -> conditions.add(new ConditionBuilder(c).build()));
        }
        this.generation = generation;
        this.now = now;
    }

    /** Starts from a copy of {@code existing}, stamping changes with {@code generation} and {@code now}. */
    public static Conditions from(List<Condition> existing, long generation, Instant now) {
        return new Conditions(existing, generation, now);
    }

    /** The condition of the given type in {@code list}, if any. */
    public static Optional<Condition> find(List<Condition> list, String type) {
        return list == null ? Optional.empty() : list.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Sets a condition, keeping its lastTransitionTime when the status is unchanged. */
    public Conditions set(String type, boolean status, String reason, String message) {
        String statusText = status ? TRUE : FALSE;
        var previous = find(conditions, type);
        String transition = previous.filter(c -> statusText.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
        var updated = new ConditionBuilder()
                .withType(type)
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(transition)
                .withObservedGeneration(generation)
                .build();
        previous.ifPresentOrElse(p -> conditions.set(conditions.indexOf(p), updated), () -> conditions.add(updated));
        return this;
    }

    /** Current reason of a condition type, if present. */
    public Optional<String> reasonOf(String type) {
        return find(conditions, type).map(Condition::getReason);
    }

    /** The resulting list. */
    public List<Condition> toList() {
        return new ArrayList<>(conditions);
    }
}
