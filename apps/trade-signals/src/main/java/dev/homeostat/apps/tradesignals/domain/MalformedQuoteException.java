package dev.homeostat.apps.tradesignals.domain;

/** A record on the quotes topic that is not a valid quote; it goes to the dead-letter topic. */
public final class MalformedQuoteException extends IllegalArgumentException {

    /** A malformed quote with the reason. */
    public MalformedQuoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
