/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.Destination;
import io.kubestellar.api.control.v1alpha1.DownsyncObjectClauses;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BindingRequestsTest {

  private static final StatusKey.Workload A =
      new StatusKey.Workload("apps", "deployments", "ns", "a");
  private static final StatusKey.Workload B =
      new StatusKey.Workload("apps", "deployments", "ns", "b");

  @Test
  void onlyObjectsWhoseRequestChangedAreReported() {
    var index = new BindingRequests();
    assertThat(
            index.update(
                binding("p", "1", List.of("c1"), entry("a", "1", true), entry("b", "1", false))))
        .containsExactlyInAnyOrder(A, B);
    // b's resourceVersion changes (as after a status write): nothing status return cares about.
    assertThat(
            index.update(
                binding("p", "1", List.of("c1"), entry("a", "1", true), entry("b", "2", false))))
        .isEmpty();
    assertThat(
            index.update(
                binding(
                    "p", "1", List.of("c1", "c2"), entry("a", "1", true), entry("b", "2", false))))
        .containsExactlyInAnyOrder(A, B);
    assertThat(index.remove("p")).containsExactlyInAnyOrder(A, B);
    assertThat(index.requestsFor(A)).isEmpty();
  }

  @Test
  void objectsWithoutStatusRequestsOrCollectorsAreNotIndexed() {
    var index = new BindingRequests();
    var plain =
        new NamespaceScopeDownsyncClause(
            "apps", "v1", "deployments", "ns", "a", "1", null, null, null, null);
    assertThat(index.update(binding("p", "1", List.of("c1"), plain))).isEmpty();
    assertThat(index.objects()).isEmpty();
  }

  @Test
  void requestsMergeOverPoliciesAndNameThePolicyUid() {
    var index = new BindingRequests();
    index.update(binding("p", "uid-p", List.of("c1", "c2"), entry("a", "1", false)));
    index.update(binding("q", "uid-q", List.of("c3"), entry("a", "1", true)));
    var requests = index.requestsFor(A);
    assertThat(requests)
        .extracting(BindingRequests.Request::policyUid)
        .containsExactly("uid-p", "uid-q");
    var merged = BindingRequests.reportedStateRequest(requests);
    assertThat(merged.singletonRequested()).isTrue();
    assertThat(merged.singletonWecs()).containsExactly("c3");
    assertThat(merged.multiRequested()).isFalse();
    assertThat(index.usingCollector("sum")).containsExactly(A);
    assertThat(index.kinds())
        .containsExactly(new BindingRequests.GroupVersionResource("apps", "v1", "deployments"));
  }

  @Test
  void aBindingBeingDeletedAsksForNothing() {
    var index = new BindingRequests();
    var binding = binding("p", "1", List.of("c1"), entry("a", "1", true));
    index.update(binding);
    binding.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
    assertThat(index.update(binding)).containsExactly(A);
    assertThat(index.objects()).isEqualTo(Set.of());
  }

  @Test
  void destinationsCoverEveryBoundObjectOverAllBindingsAndGoWithTheBinding() {
    var index = new BindingRequests();
    var plain =
        new NamespaceScopeDownsyncClause(
            "apps", "v1", "deployments", "ns", "b", "1", null, null, null, null);
    index.update(binding("p", "1", List.of("c1"), entry("a", "1", true), plain));
    index.update(binding("q", "2", List.of("c2", "c3"), plain));
    assertThat(index.destinationsOf(A)).containsExactly("c1");
    assertThat(index.destinationsOf(B)).containsExactly("c1", "c2", "c3");
    index.update(binding("q", "2", List.of("c3")));
    assertThat(index.destinationsOf(B)).containsExactly("c1");
    index.remove("p");
    assertThat(index.destinationsOf(A)).isEmpty();
    assertThat(index.destinationsOf(B)).isEmpty();
  }

  private static NamespaceScopeDownsyncClause entry(String name, String rv, boolean singleton) {
    return new NamespaceScopeDownsyncClause(
        "apps",
        "v1",
        "deployments",
        "ns",
        name,
        rv,
        null,
        List.of("sum"),
        singleton ? true : null,
        null);
  }

  private static Binding binding(
      String name, String policyUid, List<String> wecs, NamespaceScopeDownsyncClause... entries) {
    var binding =
        new Binding(
            name,
            new BindingSpec(
                new DownsyncObjectClauses(null, List.of(entries)),
                wecs.stream().map(Destination::new).toList()));
    binding.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withUid("binding-uid-" + name)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withKind("BindingPolicy")
                    .withName(name)
                    .withUid(policyUid)
                    .build())
            .build());
    return binding;
  }
}
