package dev.homeostat.operator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {

    @Test
    void defaultsWithoutFlags() {
        var options = LocalOptions.parse();
        assertEquals(Optional.empty(), options.duration());
        assertEquals(LocalOptions.DEFAULT_COMPRESS, options.compress());
        assertEquals(List.of(), options.injections());
    }

    @Test
    void everyFlagInBothSpellings() {
        var options = LocalOptions.parse("--duration", "90s", "--trace=t.csv", "--compress", "600", "--summary-json", "s.json",
                "--kubeconfig", "kc", "--inject", "poison", "--inject=broker-pause=5s", "--inject", "kill-replica",
                "--peak-rate", "50");
        assertEquals(Optional.of(Duration.ofSeconds(90)), options.duration());
        assertEquals(Optional.of(Path.of("t.csv")), options.trace());
        assertEquals(600, options.compress());
        assertEquals(50, options.peakRate());
        assertEquals(Optional.of(Path.of("s.json")), options.summaryJson());
        assertEquals(Optional.of(Path.of("kc")), options.kubeconfig());
        assertEquals(List.of(new LocalOptions.Injection.Poison(), new LocalOptions.Injection.BrokerPause(Duration.ofSeconds(5)),
                new LocalOptions.Injection.KillReplica()), options.injections());
    }

    @Test
    void badInputIsAClearError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse("--nope", "1")).getMessage()
                .contains("unknown flag --nope"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse("--duration", "soon")).getMessage()
                .contains("not a duration"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse("--compress", "-2")).getMessage()
                .contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse("--inject", "meteor")).getMessage()
                .contains("unknown fault"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse("--inject", "memory-leak=lots")).getMessage()
                .contains("rate in bytes per second"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse("--trace")).getMessage()
                .contains("needs a value"));
    }

    @Test
    void memoryLeakTakesAnOptionalRate() {
        assertEquals(List.of(new LocalOptions.Injection.MemoryLeak("1Mi"), new LocalOptions.Injection.MemoryLeak("512Ki")),
                LocalOptions.parse("--inject", "memory-leak", "--inject=memory-leak=512Ki").injections());
    }
}
