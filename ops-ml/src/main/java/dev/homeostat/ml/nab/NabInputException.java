package dev.homeostat.ml.nab;

/** A NAB input file is missing or malformed; the message names the file and what is wrong. */
public class NabInputException extends IllegalArgumentException {

    public NabInputException(String message) {
        super(message);
    }

    public NabInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
