package dev.homeostat.apps.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-built clients get the shared security settings, only keys they know, and producers stay durable. */
class KafkaClientSettingsTest {

    private static final Map<String, Object> SHARED = Map.of(
            "bootstrap.servers", "broker:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "group.id", "trade-signals",
            "acks", "1",
            "enable.idempotence", "false");

    @Test
    void aProducerGetsTheSecuritySettingsButNotConsumerKeysAndIsAlwaysDurable() {
        // when
        var settings = KafkaClientSettings.producer(SHARED, Map.of("client.id", "orders", "linger.ms", "0"));

        // then
        assertEquals("broker:9093", settings.get("bootstrap.servers"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
        assertEquals("orders", settings.get("client.id"));
        assertEquals("all", settings.get("acks"));
        assertEquals("true", settings.get("enable.idempotence"));
        assertFalse(settings.containsKey("group.id"));
    }

    @Test
    void consumerAndAdminGetTheSecuritySettingsAndTheirOwnKeysWin() {
        // when
        var consumer = KafkaClientSettings.consumer(SHARED, Map.of("client.id", "restore", "group.id", "own"));
        var admin = KafkaClientSettings.admin(SHARED);

        // then
        assertEquals("SASL_SSL", consumer.get("security.protocol"));
        assertEquals("own", consumer.get("group.id"));
        assertFalse(consumer.containsKey("acks"));
        assertEquals("broker:9093", admin.get("bootstrap.servers"));
        assertEquals("SCRAM-SHA-512", admin.get("sasl.mechanism"));
        assertFalse(admin.containsKey("group.id"));
    }
}
