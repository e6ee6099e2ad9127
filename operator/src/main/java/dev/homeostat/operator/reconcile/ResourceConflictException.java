package dev.homeostat.operator.reconcile;

/** An object the operator would create already exists and belongs to someone else; taking it over would be wrong. */
public class ResourceConflictException extends RuntimeException {

    public ResourceConflictException(String message) {
        super(message);
    }
}
