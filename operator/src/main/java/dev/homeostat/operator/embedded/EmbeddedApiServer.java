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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import dev.homeostat.operator.local.LocalOptions;
import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * Development aid: an in-process Kubernetes API (Fabric8's mock server in CRUD mode) on 127.0.0.1 and a client
 * for it, which replaces the default client bean in a build with the embedded profile. It stores objects and
 * serves watches; it has no controllers, kubelet, discovery or garbage collector, so kubectl cannot use it.
 * With local mode's {@code --kubeconfig FILE}, the client talks to that API server instead and no mock server starts.
 */
@IfBuildProfile("embedded")
@Singleton
public class EmbeddedApiServer {

    private final KubernetesMockServer server;
    private final Optional<Path> kubeconfig;

    public EmbeddedApiServer(@CommandLineArguments String[] args, HomeostatConfig config) {
        kubeconfig = LocalOptions.kubeconfigIn(config.local().flags(), args);
        if (kubeconfig.isPresent()) {
            // An API server without nodes (e.g. kubekit's): local mode's runtime stands in for kubelet and controllers.
            server = null;
            return;
        }
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded API server on 127.0.0.1", e);
        }
    }

    /** Base URL of the embedded API, or the kubeconfig's file name when --kubeconfig replaced it. */
    public String url() {
        if (server == null) {
            return kubeconfig.map(Path::toString).orElse("-");
        }
        // url() would say "localhost"; the server is bound to the loopback address only.
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    /** The client every bean (QOSDK included) gets in embedded mode. */
    @Produces
    @Singleton
    KubernetesClient client(HomeostatConfig homeostat, KubernetesSerialization serialization) {
        Config config = kubeconfig.isPresent() ? fromKubeconfig(kubeconfig.get(), homeostat.embedded().namespace())
                : new ConfigBuilder(Config.empty())
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
        if (server != null) {
            GeneratedCrds.load().forEach(crd -> client.resource(crd).create());
        } else {
            GeneratedCrds.load().forEach(crd -> client.resource(crd).forceConflicts().serverSideApply());
        }
        return client;
    }

    private static Config fromKubeconfig(Path file, String namespace) {
        try {
            Config config = Config.fromKubeconfig(null, Files.readString(file), file.toAbsolutePath().toString());
            if (config.getNamespace() == null) {
                config.setNamespace(namespace);
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + file, e);
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.destroy();
        }
    }
}
