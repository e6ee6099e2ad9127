package dev.homeostat.operator.telemetry.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser on real captures of our apps' {@code /q/metrics} and on hostile text. */
class PrometheusTextParserTest {

    static String fixture(String name) {
        try (InputStream in = PrometheusTextParserTest.class.getResourceAsStream("/telemetry/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryLineOfRealTradeSignalsOutput() throws Exception {
        // given the real output of trade-signals
        String text = fixture("trade-signals-2.txt");
        long sampleLines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();

        // when every sample is kept
        List<MetricSample> samples = PrometheusTextParser.parse(text, name -> true);

        // then each sample line became one sample, with values and labels as written
        assertEquals(sampleLines, samples.size());
        assertTrue(samples.contains(new MetricSample("homeostat_records_in_total",
                Map.of("app", "trade-signals", "topic", "quotes"), 2733.0)));
        assertTrue(samples.contains(new MetricSample("jvm_memory_max_bytes",
                Map.of("area", "heap", "id", "G1 Old Gen"), 6.320816128E9)));
        assertTrue(samples.contains(new MetricSample("homeostat_processing_seconds_bucket",
                Map.of("app", "trade-signals", "le", "+Inf"), 852.0)));
    }

    @Test
    void keepsOnlyTheNamesAsked() throws Exception {
        // given the real output of market-feed
        String text = fixture("market-feed.txt");

        // when only one name is kept
        var samples = PrometheusTextParser.parse(text, "homeostat_records_out_total"::equals);

        // then only that series comes back
        assertEquals(List.of(new MetricSample("homeostat_records_out_total",
                Map.of("app", "market-feed", "topic", "quotes"), 2739.0)), samples);
    }

    @Test
    void readsEscapesTimestampsAndSpecialValues() throws Exception {
        // given lines with escaped label values, a timestamp, NaN and infinities
        String text = """
                # HELP x A help line with "quotes"
                x{path="C:\\\\dir",msg="say \\"hi\\"\\n"} 1.5e3 1700000000000
                y NaN
                z{le="+Inf"} +Inf
                w -Inf
                """;

        // when parsed
        var samples = PrometheusTextParser.parse(text, n -> true);

        // then escapes are undone and the special values read as doubles (callers decide about them)
        assertEquals(new MetricSample("x", Map.of("path", "C:\\dir", "msg", "say \"hi\"\n"), 1500.0), samples.get(0));
        assertTrue(Double.isNaN(samples.get(1).value()));
        assertEquals(Double.POSITIVE_INFINITY, samples.get(2).value());
        assertEquals(Double.NEGATIVE_INFINITY, samples.get(3).value());
    }

    @Test
    void rejectsMalformedLinesWithTheirLineNumber() {
        for (String bad : List.of("x{a=\"1\" 2", "x 1 2 3", "x{a=1} 2", "x 0x1F", "x Infinity", "1x 2", "x{a=\"\\q\"} 1",
                "x", "x{a=\"1\",a=\"2\"} 3", "x 1 notatime")) {
            // given a body whose second line is broken
            String text = "ok 1\n" + bad + "\n";

            // when parsed, then it is rejected and the message names line 2
            var error = assertThrows(MalformedMetricsException.class, () -> PrometheusTextParser.parse(text, n -> true),
                    "should reject: " + bad);
            assertTrue(error.getMessage().startsWith("line 2:"), error.getMessage());
        }
    }

    @Test
    void toleratesCarriageReturnsAndBlankLines() throws Exception {
        assertEquals(2, PrometheusTextParser.parse("a 1\r\n\r\n  \nb{c=\"d\"} 2\r\n", n -> true).size());
    }
}
