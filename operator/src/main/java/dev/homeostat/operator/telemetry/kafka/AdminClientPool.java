package dev.homeostat.operator.telemetry.kafka;

import dev.homeostat.operator.telemetry.KafkaTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * One Kafka {@link Admin} client per distinct (bootstrap servers, client properties), shared by every app that uses
 * that cluster with those settings, counted by app and closed when the last app lets go.
 */
public final class AdminClientPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AdminClientPool.class);

    /** The identity of a client: bootstrap and properties, order-independent. */
    record ClientKey(String bootstrapServers, Map<String, String> properties) {
        static ClientKey of(KafkaTarget target) {
            return new ClientKey(target.bootstrapServers(), new TreeMap<>(target.clientProperties()));
        }
    }

    private record Shared(Admin admin, int users) {
    }

    private final Function<Map<String, Object>, Admin> factory;
    private final Duration timeout;
    private final Map<ClientKey, Shared> clients = new HashMap<>();
    private final Map<String, ClientKey> byApp = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger clientNumber = new java.util.concurrent.atomic.AtomicInteger();

    /** A pool creating real clients whose calls time out after {@code timeout}. */
    public AdminClientPool(Duration timeout) {
        this(Admin::create, timeout);
    }

    AdminClientPool(Function<Map<String, Object>, Admin> factory, Duration timeout) {
        this.factory = factory;
        this.timeout = timeout;
    }

    /** The client for {@code app}'s cluster; switches (and releases the old one) when its settings changed. */
    public synchronized Admin acquire(String app, KafkaTarget target) {
        ClientKey key = ClientKey.of(target);
        ClientKey previous = byApp.get(app);
        if (key.equals(previous)) {
            return clients.get(key).admin();
        }
        if (previous != null) {
            release(app);
        }
        Shared shared = clients.get(key);
        shared = shared == null ? new Shared(factory.apply(properties(target)), 1) : new Shared(shared.admin(), shared.users() + 1);
        clients.put(key, shared);
        byApp.put(app, key);
        return shared.admin();
    }

    /** Lets go of {@code app}'s client; closes it when no app uses it any more. */
    public synchronized void release(String app) {
        ClientKey key = byApp.remove(app);
        if (key == null) {
            return;
        }
        Shared shared = clients.get(key);
        if (shared.users() > 1) {
            clients.put(key, new Shared(shared.admin(), shared.users() - 1));
        } else {
            clients.remove(key);
            closeQuietly(shared.admin());
        }
    }

    /** Clients open now (for tests and metrics). */
    public synchronized int openClients() {
        return clients.size();
    }

    private Map<String, Object> properties(KafkaTarget target) {
        var properties = new HashMap<String, Object>(target.clientProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "homeostat-telemetry-" + clientNumber.incrementAndGet());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return properties;
    }

    private void closeQuietly(Admin admin) {
        // Closing waits for in-flight calls up to the timeout: never on a caller's thread.
        Thread.ofVirtual().name("homeostat-admin-close").start(() -> {
            try {
                admin.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing a Kafka Admin client");
            }
        });
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(shared -> closeQuietly(shared.admin()));
        clients.clear();
        byApp.clear();
    }
}
