package dev.homeostat.operator.embedded;

import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;

/**
 * Development aid: an in-process Kubernetes API (Fabric8's mock server in CRUD mode) on 127.0.0.1 and a client
 * for it, which replaces the default client bean in a build with the embedded profile. It stores objects and
 * serves watches; it has no controllers, kubelet, discovery or garbage collector, so kubectl cannot use it.
 */
@IfBuildProfile("embedded")
@Singleton
public class EmbeddedApiServer {

    private final KubernetesMockServer server;

    public EmbeddedApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded API server on 127.0.0.1", e);
        }
    }

    /** Base URL of the embedded API. */
    public String url() {
        // url() would say "localhost"; the server is bound to the loopback address only.
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    /** The client every bean (QOSDK included) gets in embedded mode. */
    @Produces
    @Singleton
    KubernetesClient client(HomeostatConfig homeostat, KubernetesSerialization serialization) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace(homeostat.embedded().namespace())
                .withTrustCerts(true)
                .build();
        // Informers and lists must yield typed objects, not generic ones.
        serialization.registerKubernetesResource(StreamApp.class);
        serialization.registerKubernetesResource(MicroService.class);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withKubernetesSerialization(serialization).build();
        // Before the operator starts: its controllers refuse to run without their CRDs.
        GeneratedCrds.load().forEach(crd -> client.resource(crd).create());
        return client;
    }

    @PreDestroy
    void stop() {
        server.destroy();
    }
}
