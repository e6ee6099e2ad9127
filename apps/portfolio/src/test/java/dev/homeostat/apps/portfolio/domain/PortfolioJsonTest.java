package dev.homeostat.apps.portfolio.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortfolioJsonTest {

    @Test
    void theJsonLiteralNullIsMalformedForEveryRecordType() {
        // "null" is valid JSON that Jackson reads as no object; parsing a quote from it used to throw a
        // NullPointerException that stopped the quotes channel (seen with local mode's --inject poison)
        for (var parse : java.util.List.<Runnable>of(() -> PortfolioJson.parseQuote("null"),
                () -> PortfolioJson.parseFill("null"), () -> PortfolioJson.parseOrder("null", "acct-1"),
                () -> PortfolioJson.parseBook("null"))) {
            var e = assertThrows(IllegalArgumentException.class, parse::run);
            assertTrue(e.getMessage().startsWith("malformed ") && e.getMessage().endsWith("the record is JSON null"),
                    e.getMessage());
        }
    }
}
