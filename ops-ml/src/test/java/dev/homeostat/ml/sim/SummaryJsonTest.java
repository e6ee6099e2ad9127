package dev.homeostat.ml.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link SummaryJson} writes numbers: 6 significant digits, whole numbers as integers, null for non-finite. */
class SummaryJsonTest {

    @Test
    void numbersKeepSixSignificantDigitsAndNonFiniteValuesBecomeNull() throws Exception {
        // given / when / then
        assertEquals("42", SummaryJson.number(42.0).toString());
        assertEquals("0.123457", SummaryJson.number(0.1234567).toString());
        assertEquals(12345700, SummaryJson.number(12345678.9).asDouble());
        assertTrue(SummaryJson.number(Double.NaN).isNull());
        assertTrue(SummaryJson.number(Double.POSITIVE_INFINITY).isNull());
        assertTrue(SummaryJson.number(Double.NEGATIVE_INFINITY).isNull());
        // and the very small and very large still parse back as JSON numbers
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tiny = mapper.readTree(SummaryJson.number(3.316871e-9).toString());
        JsonNode huge = mapper.readTree(SummaryJson.number(6.02214076e23).toString());
        assertEquals(3.31687e-9, tiny.asDouble(), 1e-20);
        assertEquals(6.02214e23, huge.asDouble(), 1e12);
    }
}
