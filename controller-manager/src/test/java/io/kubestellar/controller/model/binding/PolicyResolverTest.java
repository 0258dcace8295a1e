/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static io.kubestellar.controller.model.binding.ClauseMatcherTest.expr;
import static io.kubestellar.controller.model.binding.ClauseMatcherTest.labels;
import static io.kubestellar.controller.model.binding.ClauseMatcherTest.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.model.GroupResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Whole-policy resolution: clauses combined, clusters chosen, namespaces relabelled. */
class PolicyResolverTest {

  static final Map<String, Map<String, String>> CLUSTERS =
      Map.of(
          "c1", Map.of("name", "c1", "location-group", "edge"),
          "c2", Map.of("name", "c2", "location-group", "edge"),
          "c3", Map.of("name", "c3"));

  /** An in-memory workload source. */
  static final class Objects implements WorkloadSource {
    final Map<GroupResource, List<WorkloadObject>> byType = new TreeMap<>();

    Objects add(WorkloadObject o) {
      byType.computeIfAbsent(o.ref().type(), t -> new ArrayList<>()).add(o);
      return this;
    }

    @Override
    public Collection<GroupResource> types() {
      return byType.keySet();
    }

    @Override
    public Collection<WorkloadObject> objects(GroupResource type) {
      return byType.getOrDefault(type, List.of());
    }

    @Override
    public Collection<WorkloadObject> objects(GroupResource type, String namespace) {
      return objects(type).stream().filter(o -> o.ref().namespace().equals(namespace)).toList();
    }
  }

  static DownsyncClause clause(
      List<String> resources, List<Selector> objectSelectors, Modulation modulation) {
    return new DownsyncClause(null, resources, null, null, objectSelectors, null, modulation);
  }

  /** Policy "p" at generation 1 with these cluster selectors and downsync clauses. */
  static BindingPolicyModel policy(List<Selector> clusterSelectors, DownsyncClause... downsync) {
    return new BindingPolicyModel("p", 1, clusterSelectors, List.of(downsync));
  }

  final Objects objects =
      new Objects()
          .add(object("apps", "deployments", "ns1", "web", Map.of("app", "web")))
          .add(object("", "configmaps", "ns1", "cfg", Map.of("app", "web", "mode", "once")))
          .add(object("", "configmaps", "ns2", "other", Map.of()))
          .add(object("", "namespaces", "", "ns1", Map.of("app", "web")));

  final Map<String, Map<String, String>> namespaceLabels =
      new HashMap<>(Map.of("ns1", Map.of("team", "blue"), "ns2", Map.of("team", "red")));
  final NamespaceLabels ns = n -> Optional.ofNullable(namespaceLabels.get(n));

  @Test
  void combinesTheModulationOfEveryMatchingClause() {
    var policy =
        policy(
            List.of(labels("location-group", "edge")),
            clause(
                List.of("*"),
                List.of(labels("app", "web")),
                Modulation.of(false, List.of("a"), true, null)),
            clause(
                List.of("configmaps"),
                List.of(labels("mode", "once")),
                Modulation.of(true, List.of("b"), null, true)));

    var content = PolicyResolver.resolve(policy, CLUSTERS, objects, ns);

    assertThat(content.destinations()).containsExactly("c1", "c2");
    assertThat(content.objects()).hasSize(3);
    var cfg = content.objects().get(new ObjectRef("", "configmaps", "ns1", "cfg")).modulation();
    assertThat(cfg)
        .isEqualTo(new Modulation(true, new java.util.TreeSet<>(Set.of("a", "b")), true, true));
    var web =
        content.objects().get(new ObjectRef("apps", "deployments", "ns1", "web")).modulation();
    assertThat(web).isEqualTo(Modulation.of(false, List.of("a"), true, false));
    assertThat(content.objects()).containsKey(new ObjectRef("", "namespaces", "", "ns1"));
  }

  @Test
  void clusterSelectorsCombineWithOrAndEmptyListSelectsNone() {
    assertThat(ClusterSelection.select(List.of(), CLUSTERS)).isEmpty();
    assertThat(ClusterSelection.select(List.of(Selector.EVERYTHING), CLUSTERS))
        .containsExactly("c1", "c2", "c3");
    assertThat(
            ClusterSelection.select(List.of(labels("name", "c1"), labels("name", "c3")), CLUSTERS))
        .containsExactly("c1", "c3");
    assertThat(ClusterSelection.select(List.of(expr("location-group", "DoesNotExist")), CLUSTERS))
        .containsExactly("c3");
    assertThat(ClusterSelection.select(List.of(expr("name", "In")), CLUSTERS)).isEmpty();
  }

  @Test
  void namespaceRelabelChangesWhatIsSelected() {
    var policy =
        policy(
            List.of(),
            new DownsyncClause(
                "",
                List.of("configmaps"),
                null,
                List.of(labels("team", "blue")),
                null,
                null,
                null));
    assertThat(PolicyResolver.resolve(policy, CLUSTERS, objects, ns).objects().keySet())
        .extracting(ObjectRef::name)
        .containsExactly("cfg");

    namespaceLabels.put("ns2", Map.of("team", "blue"));

    assertThat(PolicyResolver.resolve(policy, CLUSTERS, objects, ns).objects().keySet())
        .extracting(ObjectRef::name)
        .containsExactly("cfg", "other");
  }

  @Test
  void explicitNamespacesAreReadThroughTheIndexWithTheSameResult() {
    var policy =
        policy(List.of(), new DownsyncClause(null, null, List.of("ns2"), null, null, null, null));
    assertThat(PolicyResolver.resolve(policy, CLUSTERS, objects, ns).objects().keySet())
        .containsExactly(new ObjectRef("", "configmaps", "ns2", "other"));
  }

  @Test
  void aPolicyWithoutClausesSelectsNothing() {
    var policy = policy(List.of(Selector.EVERYTHING));
    var content = PolicyResolver.resolve(policy, CLUSTERS, objects, ns);
    assertThat(content.objects()).isEmpty();
    assertThat(content.destinations()).hasSize(3);
  }

  @Test
  void reportsUnusableSelectorsWithTheirPath() {
    var policy =
        policy(List.of(expr("name", "In")), clause(null, List.of(expr("k", "Exists", "v")), null));
    assertThat(policy.problems())
        .containsExactly(
            "spec.clusterSelectors[0]: operator In on key name needs at least one value",
            "spec.downsync[0].objectSelectors[0]: operator Exists on key k takes no values");
    assertThat(policy.hasInvalidClusterSelector()).isTrue();
  }

  @Test
  void singletonErrorCountsTheClustersOfEveryPolicyBindingTheObject() {
    var ref = new ObjectRef("apps", "deployments", "ns1", "web");
    var singleton = Modulation.of(null, null, true, null);
    var p1 =
        new BindingContent(
            new java.util.TreeSet<>(Set.of("c1")),
            new TreeMap<>(Map.of(ref, new BoundObject("v1", "1", singleton))));
    var p2 =
        new BindingContent(
            new java.util.TreeSet<>(Set.of("c2")),
            new TreeMap<>(Map.of(ref, new BoundObject("v1", "1", Modulation.NONE))));

    assertThat(SingletonCheck.error("p1", Map.of("p1", p1))).isEmpty();
    assertThat(SingletonCheck.error("p1", Map.of("p1", p1, "p2", p2)))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith("Singleton reported status return is requested")
                    .contains("\"NumWECs\":2"));
    assertThat(SingletonCheck.error("p2", Map.of("p1", p1, "p2", p2))).isPresent();
  }

  @Test
  void missingStatusCollectorsAreListedSorted() {
    var content =
        new BindingContent(
            new java.util.TreeSet<>(),
            new TreeMap<>(
                Map.of(
                    new ObjectRef("", "configmaps", "a", "b"),
                    new BoundObject(
                        "v1", "1", Modulation.of(null, List.of("z", "a", "k"), null, null)))));
    assertThat(StatusCollectorCheck.check(content, Map.of("k", List.of())).missing())
        .containsExactly("a", "z");
  }

  @Test
  void choosesTheVersionTheApiServerPrefers() {
    assertThat(VersionPriority.preferred(List.of("v1alpha1", "v2alpha1", "v1beta1")))
        .hasValue("v1beta1");
    assertThat(VersionPriority.preferred(List.of("v1beta2", "v1", "v2beta1"))).hasValue("v1");
    assertThat(VersionPriority.preferred(List.of("v1", "v2"))).hasValue("v2");
    assertThat(VersionPriority.preferred(List.of("foo", "v1alpha1"))).hasValue("v1alpha1");
    assertThat(VersionPriority.preferred(List.of())).isEmpty();
  }

  @Test
  void filtersTheTypesUpstreamNeverBinds() {
    var all = new ResourceFilter(null);
    var watch = List.of("list", "watch");
    assertThat(all.bindable(new GroupResource("", "configmaps"), watch)).isTrue();
    assertThat(all.bindable(new GroupResource("", "configmaps"), List.of("list"))).isFalse();
    assertThat(all.bindable(new GroupResource("", "events"), watch)).isFalse();
    assertThat(all.bindable(new GroupResource("coordination.k8s.io", "leases"), watch)).isFalse();
    assertThat(all.bindable(new GroupResource("control.kubestellar.io", "bindings"), watch))
        .isFalse();
    assertThat(all.bindable(new GroupResource("apps", "deployments/status"), watch)).isFalse();
    var appsOnly = new ResourceFilter(Set.of("apps"));
    assertThat(appsOnly.bindable(new GroupResource("", "configmaps"), watch)).isFalse();
    assertThat(appsOnly.bindable(new GroupResource("apps", "deployments"), watch)).isTrue();
    assertThat(
            appsOnly.bindable(
                new GroupResource("apiextensions.k8s.io", "customresourcedefinitions"), watch))
        .isTrue();
  }
}
