package dev.homeostat.kafka.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional SASL/PLAIN listener admits its users and refuses everyone else. */
class SaslListenerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults().withSaslUsers(Map.of("app", "app-secret")));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aUserWithItsPasswordGetsIn() throws Exception {
        // given
        broker.createTopic("sasl-visible");

        // when
        try (Admin admin = admin(EmbeddedKafkaBroker.saslClientSettings("app", "app-secret"))) {
            var names = admin.listTopics().names().get(20, TimeUnit.SECONDS);

            // then
            assertTrue(names.contains("sasl-visible"), names.toString());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAnAuthenticationError() {
        // when
        try (Admin admin = admin(EmbeddedKafkaBroker.saslClientSettings("app", "wrong"))) {
            var failure = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));

            // then
            assertInstanceOf(SaslAuthenticationException.class, failure.getCause());
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        // when a plaintext client talks to the SASL listener, the broker never answers its requests
        try (Admin admin = admin(Map.of())) {
            var failure = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));

            // then
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, failure.getCause());
        }
    }

    private static Admin admin(Map<String, String> security) {
        Map<String, Object> settings = new HashMap<>(security);
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        return Admin.create(settings);
    }
}
