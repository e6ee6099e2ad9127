package dev.homeostat.apps.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapGrowthFaultTest {

    @Test
    void offUnlessTheVariableIsSet() {
        assertTrue(HeapGrowthFault.fromEnvironment(Map.of()).isEmpty());
        assertTrue(HeapGrowthFault.fromEnvironment(Map.of(HeapGrowthFault.ENV, " ")).isEmpty());
        var fault = HeapGrowthFault.fromEnvironment(Map.of(HeapGrowthFault.ENV, "1Mi")).orElseThrow();
        assertEquals(1 << 20, fault.bytesPerSecond());
        assertEquals(Runtime.getRuntime().maxMemory() / 100 * HeapGrowthFault.MAX_FRACTION_PERCENT, fault.limitBytes());
    }

    @Test
    void ratesParseWithKubernetesSuffixesAndTyposAreRefused() {
        assertEquals(1048576, HeapGrowthFault.parseRate("1048576"));
        assertEquals(512 * 1024, HeapGrowthFault.parseRate("512Ki"));
        assertEquals(2_000_000, HeapGrowthFault.parseRate("2M"));
        assertEquals(1536 * 1024, HeapGrowthFault.parseRate("1.5Mi"));
        var e = assertThrows(IllegalArgumentException.class, () -> HeapGrowthFault.parseRate("1MB"));
        assertTrue(e.getMessage().contains("HOMEOSTAT_FAULT_HEAP_GROWTH") && e.getMessage().contains("'1MB'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeapGrowthFault.parseRate("-5Ki"));
    }

    @Test
    void retainsTheRateUpToItsLimitAndReleasesOnClose() {
        // given 1 MiB/s up to 5 MiB
        try (var fault = new HeapGrowthFault(1 << 20, 5L << 20)) {
            // when 3 s pass, then 3 MiB are held
            assertEquals(3L << 20, fault.grow(3.0));
            // when 10 s more pass, then it holds at the limit
            assertEquals(5L << 20, fault.grow(10.0));
            assertEquals(5L << 20, fault.grow(1.0));
            fault.close();
            assertEquals(0, fault.retainedBytes());
        }
    }
}
