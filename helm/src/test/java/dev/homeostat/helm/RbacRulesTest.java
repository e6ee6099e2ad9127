package dev.homeostat.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart grants what the operator's code declares, and no more. The declaration is the set of roles the operator
 * build generates (target/kubernetes/kubernetes.yml) from its reconcilers' dependents and {@code @RBACRule}
 * annotations; a new client call comes with a new rule there, and this test then fails until the chart has it.
 */
class RbacRulesTest {

    private static final Path GENERATED = Path.of("..", "operator", "target", "kubernetes", "kubernetes.yml");

    /**
     * Rights the generated roles carry that the operator never uses: QOSDK grants every verb on the primary
     * resources, but the operator only watches its StreamApps/MicroServices, patches their status and, through
     * blocking owner references, needs update on their finalizers.
     */
    private static final Set<String> GENERATED_BUT_UNUSED = unusedPrimaryRights();

    @Test
    void chartRulesAreExactlyWhatTheCodeDeclaresLessTheUnusedPrimaryRights() throws IOException {
        Set<String> declared = triples(generatedRoles().stream());
        var chart = Chart.parse(Chart.render("homeostat", t -> t));
        Set<String> granted = triples(chart.stream().filter(o -> o instanceof ClusterRole || o instanceof Role));

        var beyondTheCode = new TreeSet<>(granted);
        beyondTheCode.removeAll(declared);
        assertEquals(Set.of(), beyondTheCode, "the chart grants rights the code does not declare");

        var missing = new TreeSet<>(declared);
        missing.removeAll(granted);
        missing.removeAll(GENERATED_BUT_UNUSED);
        assertEquals(Set.of(), missing, "the code declares rights the chart does not grant");
        assertTrue(declared.containsAll(GENERATED_BUT_UNUSED), "the exclusions name generated rights only");
    }

    @Test
    void leasesAreGrantedOnlyByTheNamespacedRole() {
        var chart = Chart.parse(Chart.render("homeostat", t -> t));

        var clusterWide = triples(chart.stream().filter(ClusterRole.class::isInstance));
        var namespaced = triples(chart.stream().filter(Role.class::isInstance));
        assertTrue(clusterWide.stream().noneMatch(t -> t.contains("/leases/")), clusterWide::toString);
        assertEquals(Set.of("coordination.k8s.io/leases/create", "coordination.k8s.io/leases/get",
                "coordination.k8s.io/leases/patch", "coordination.k8s.io/leases/update"), namespaced);
    }

    private static List<HasMetadata> generatedRoles() throws IOException {
        assertTrue(Files.exists(GENERATED), "the operator build wrote " + GENERATED.toAbsolutePath());
        return Chart.parse(Files.readString(GENERATED)).stream()
                .filter(o -> o instanceof ClusterRole || o instanceof Role).toList();
    }

    /** group/resource/verb for every rule of the given roles. */
    private static Set<String> triples(Stream<HasMetadata> roles) {
        var triples = new TreeSet<String>();
        roles.forEach(role -> {
            List<PolicyRule> rules = role instanceof ClusterRole c ? c.getRules() : ((Role) role).getRules();
            for (PolicyRule rule : rules) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            triples.add(group + "/" + resource + "/" + verb);
                        }
                    }
                }
            }
        });
        return triples;
    }

    private static Set<String> unusedPrimaryRights() {
        var unused = new TreeSet<String>();
        for (String kind : List.of("streamapps", "microservices")) {
            for (String verb : List.of("create", "delete", "patch", "update")) {
                unused.add("homeostat.dev/" + kind + "/" + verb);
            }
            for (String verb : List.of("list", "watch", "create", "delete")) {
                unused.add("homeostat.dev/" + kind + "/status/" + verb);
            }
            for (String verb : List.of("get", "list", "watch", "patch", "create", "delete")) {
                unused.add("homeostat.dev/" + kind + "/finalizers/" + verb);
            }
        }
        return unused;
    }
}
