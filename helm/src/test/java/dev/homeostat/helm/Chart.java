package dev.homeostat.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The chart under test, rendered by a real Helm (helm-java) and parsed into Kubernetes objects. */
final class Chart {

    /** The chart directory, relative to the helm module. */
    static final Path DIR = Path.of("homeostat");
    static final String NAMESPACE = "homeostat-system";
    static final String KUBE_VERSION = "v1.32.13";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private Chart() {
    }

    static Helm helm() {
        return new Helm(DIR);
    }

    /** Renders with the given release name and extra settings (as `helm template` would, CRDs included). */
    static String render(String release, UnaryOperator<TemplateCommand> settings) {
        // The version of the real API server tier (../shared/bin); Helm's offline default (1.20) is older than kubeVersion allows.
        return settings.apply(helm().template().withName(release).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION)).call();
    }

    /** Renders with the values of a test resource file. */
    static String render(String release, String valuesResource) {
        return render(release, t -> t.withValuesFile(Path.of("src", "test", "resources", valuesResource)));
    }

    /** Every YAML document of a rendering as a Kubernetes object (Generic… for kinds Fabric8 has no class for). */
    static List<HasMetadata> parse(String rendered) {
        var objects = new ArrayList<HasMetadata>();
        for (String document : DOCUMENT_SEPARATOR.split(rendered)) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return objects;
    }

    /** The CRDs the chart installs (helm installs crds/ before the templates; `helm template` leaves them out). */
    static List<CustomResourceDefinition> crds() {
        try (Stream<Path> files = Files.list(DIR.resolve("crds"))) {
            return files.sorted().map(Chart::readCrd).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomResourceDefinition readCrd(Path file) {
        try {
            return SERIALIZATION.unmarshal(Files.readString(file), CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
