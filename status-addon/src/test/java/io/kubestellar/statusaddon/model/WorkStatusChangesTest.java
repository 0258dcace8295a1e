/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkStatusChangesTest {

  private static final DesiredWorkStatus DESIRED =
      WorkStatusRenderer.render(
          "cluster1",
          "amw-uid",
          new ManifestWorkFacts(
              "work", "work-uid", Map.of("transport.kubestellar.io/originWdsName", "wds1")),
          new DeliveredObject(
              new GroupVersionResource("apps", "v1", "deployments"),
              "Deployment",
              "demo",
              "web",
              Map.of(),
              List.of(),
              Map.of("replicas", 1, "availableReplicas", 1)));

  private static final Map<String, String> MATCHING_LABELS =
      Map.of("transport.kubestellar.io/originWdsName", "wds1");
  private static final List<OwnerReference> MATCHING_OWNERS =
      List.of(
          new OwnerReference(
              "work.open-cluster-management.io/v1",
              "ManifestWork",
              "work",
              "work-uid",
              true,
              true));
  private static final Map<String, Object> MATCHING_STATUS =
      Map.of("replicas", 1L, "availableReplicas", 1);

  private static ObservedWorkStatus matching() {
    return observed(MATCHING_LABELS, MATCHING_OWNERS, MATCHING_STATUS);
  }

  /** A WorkStatus for DESIRED's object as the hub has it, with these labels, owners and status. */
  private static ObservedWorkStatus observed(
      Map<String, String> labels, List<OwnerReference> owners, Map<String, Object> status) {
    return new ObservedWorkStatus(
        DESIRED.name(),
        labels,
        owners,
        new SourceIdentity("apps", "v1", "deployments", "Deployment", "demo", "web"),
        new StatusDetailsValues(0L, false, "1970-01-01T00:00:00Z"),
        status);
  }

  @Test
  void aMatchingWorkStatusNeedsNoWrite() {
    assertThat(WorkStatusChanges.between(DESIRED, matching())).isEqualTo(WorkStatusChanges.NONE);
  }

  @Test
  void aMissingWorkStatusIsCreatedThenGetsItsStatus() {
    var changes = WorkStatusChanges.between(DESIRED, null);
    assertThat(changes.create()).isTrue();
    assertThat(changes.status()).isTrue();
    assertThat(changes.mainResource()).isFalse();
  }

  @Test
  void aChangedStatusIsTheOnlyWrite() {
    var observed =
        observed(MATCHING_LABELS, MATCHING_OWNERS, Map.of("replicas", 1, "availableReplicas", 0));
    var changes = WorkStatusChanges.between(DESIRED, observed);
    assertThat(changes).isEqualTo(new WorkStatusChanges(false, false, false, false, false, true));
    assertThat(WorkStatusChanges.statusPatch(DESIRED))
        .containsExactly(Map.of("op", "add", "path", "/status", "value", DESIRED.status()));
  }

  @Test
  void changedLabelsAndOwnerArePatchedWhole() {
    var observed =
        observed(
            Map.of("transport.kubestellar.io/originWdsName", "wds1", "stale", "x"),
            List.of(),
            MATCHING_STATUS);
    var changes = WorkStatusChanges.between(DESIRED, observed);
    assertThat(changes.mainResource()).isTrue();
    assertThat(changes.status()).isFalse();
    assertThat(changes.mainPatch(DESIRED))
        .containsExactly(
            Map.of("op", "add", "path", "/metadata/labels", "value", DESIRED.labels()),
            Map.of(
                "op",
                "add",
                "path",
                "/metadata/ownerReferences",
                "value",
                List.of(DESIRED.ownerReferenceJson())));
  }

  @Test
  void anObjectWithoutStatusRemovesAReportedOne() {
    var withoutStatus =
        new DesiredWorkStatus(
            DESIRED.name(),
            DESIRED.namespace(),
            DESIRED.labels(),
            DESIRED.owner(),
            DESIRED.source(),
            DESIRED.statusDetails(),
            null);
    assertThat(WorkStatusChanges.between(withoutStatus, matching()).status()).isTrue();
    assertThat(WorkStatusChanges.statusPatch(withoutStatus))
        .containsExactly(Map.of("op", "remove", "path", "/status"));
    assertThat(WorkStatusChanges.between(withoutStatus, null).status())
        .as("created without status: nothing more to write, so no endless retries (L20)")
        .isFalse();
  }

  @Test
  void singletonLabelFollowsTheObject() {
    var object =
        new DeliveredObject(
            new GroupVersionResource("apps", "v1", "deployments"),
            "Deployment",
            "demo",
            "web",
            Map.of("managed-by.kubestellar.io/singletonstatus", "true"),
            List.of(),
            null);
    var work = new ManifestWorkFacts("work", "work-uid", Map.of("a", "b"));
    assertThat(WorkStatusRenderer.render("c", "u", work, object).labels())
        .containsEntry("managed-by.kubestellar.io/singletonstatus", "true")
        .containsEntry("a", "b");
    var without =
        new DeliveredObject(object.type(), "Deployment", "demo", "web", Map.of(), List.of(), null);
    assertThat(WorkStatusRenderer.render("c", "u", work, without).labels()).containsOnlyKeys("a");
  }

  @Test
  void aDriftReportIsAddedChangedAndRemovedOnTheMainResource() {
    var drift =
        new io.kubestellar.api.control.v1alpha1.Drift(
            List.of(
                new io.kubestellar.api.control.v1alpha1.DriftField(
                    "spec.replicas", "1", "3", List.of("kubectl"))),
            null,
            "2026-12-03T10:00:00Z",
            0,
            false,
            "spec.replicas is 3, desired 1 (set by kubectl); re-applying");
    var drifted = DESIRED.withDrift(drift);

    var add = WorkStatusChanges.between(drifted, matching());
    assertThat(add).isEqualTo(new WorkStatusChanges(false, true, false, false, false, false, true));
    assertThat(add.mainResource()).isTrue();
    assertThat(drifted.labels()).containsEntry("control.kubestellar.io/drifted", "true");
    assertThat(add.mainPatch(drifted))
        .hasSize(2)
        .last()
        .satisfies(
            op -> {
              assertThat(op).containsEntry("op", "add").containsEntry("path", "/drift");
              assertThat(op.get("value").toString())
                  .contains("path=spec.replicas", "desired=1", "actual=3", "managers=[kubectl]")
                  .contains("repairRequests=0", "conflict=false");
            });

    var observedDrifted =
        new ObservedWorkStatus(
            DESIRED.name(),
            drifted.labels(),
            List.of(DESIRED.owner()),
            DESIRED.source(),
            DESIRED.statusDetails(),
            DESIRED.status(),
            drift);
    assertThat(WorkStatusChanges.between(drifted, observedDrifted).any()).isFalse();
    var remove = WorkStatusChanges.between(DESIRED, observedDrifted);
    assertThat(remove.mainPatch(DESIRED))
        .containsExactly(
            Map.of("op", "add", "path", "/metadata/labels", "value", DESIRED.labels()),
            Map.of("op", "remove", "path", "/drift"));
    assertThat(DESIRED.withDrift(null).labels()).isEqualTo(DESIRED.labels());
    assertThat(drifted.toJson()).containsKey("drift");
    assertThat(DESIRED.toJson()).doesNotContainKey("drift");
  }
}
