package dev.homeostat.ml.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads NAB's JSON files (windows, labels, profiles) with Jackson into plain maps, lists, numbers and strings;
 * a malformed file becomes a {@link NabInputException} naming the file and the line.
 */
final class NabJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private NabJson() {
    }

    /** Parses a whole document; {@code source} names it in error messages. */
    static Object parse(String text, String source) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new NabInputException(source + ": malformed JSON at line " + line + ": " + e.getOriginalMessage());
        }
    }
}
