/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.controller.model.status.reported.ReportedStatePlan.Action;
import io.kubestellar.controller.model.status.reported.ReportedStatePlan.Mode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportedStatePlannerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SINGLETON = ReportedStateLabels.SINGLETON_STATUS;
  private static final String MULTI = ReportedStateLabels.MULTI_WEC_STATUS;
  private static final String COUNT = ReportedStateLabels.EXECUTING_COUNT;

  private static ObjectNode status(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ReportedStatePlan plan(
      Map<String, String> labels, ReportedStateRequest request, WecStatus... workStatuses) {
    return ReportedStatePlanner.plan("apps", "Deployment", labels, request, List.of(workStatuses));
  }

  private static ReportedStateRequest singleton(String... clusters) {
    return ReportedStateRequest.singleton(Set.of(clusters));
  }

  private static ReportedStateRequest multi(String... clusters) {
    return ReportedStateRequest.multi(Set.of(clusters));
  }

  /** What a WEC's WorkStatus reports for the object, as JSON; null for no status yet. */
  private static WecStatus wec(String cluster, String statusJson) {
    return new WecStatus(cluster, statusJson == null ? null : status(statusJson));
  }

  @Test
  void returnsTheOnlyQualifiedWecsStatusAndMarksIt() {
    var cluster1 = status("{\"replicas\": 3, \"availableReplicas\": 3}");
    var p =
        plan(
            Map.of(),
            singleton("cluster1"),
            new WecStatus("cluster1", cluster1),
            wec("cluster2", "{\"replicas\": 1}"));
    assertThat(p.action()).isEqualTo(Action.WRITE);
    assertThat(p.mode()).isEqualTo(Mode.SINGLETON);
    assertThat(p.status()).isEqualTo(cluster1).isNotSameAs(cluster1);
    assertThat(p.labelsToSet())
        .containsExactlyInAnyOrderEntriesOf(Map.of(SINGLETON, "true", COUNT, "1"));
    assertThat(p.labelsToRemove()).isEmpty();
  }

  @Test
  void clearsAndUnmarksWhenTheSingletonSetGrowsToTwo() {
    var p =
        plan(
            Map.of(SINGLETON, "true", COUNT, "1"),
            singleton("cluster1", "cluster2"),
            wec("cluster1", "{\"replicas\": 3}"));
    assertThat(p.action()).isEqualTo(Action.CLEAR);
    assertThat(p.status()).isEqualTo(JSON.createObjectNode());
    assertThat(p.labelsToSet()).containsExactlyEntriesOf(Map.of(COUNT, "2"));
    assertThat(p.labelsToRemove()).containsExactly(SINGLETON);
  }

  @Test
  void leavesAStatusItNeverWroteAlone() {
    var p = plan(Map.of(), ReportedStateRequest.none());
    assertThat(p.action()).isEqualTo(Action.NONE);
    assertThat(p.isNoOp()).isTrue();
  }

  @Test
  void keepsTheCurrentStatusWhileTheWorkStatusHasNoneYet() {
    var p =
        plan(Map.of(SINGLETON, "true", COUNT, "1"), singleton("cluster1"), wec("cluster1", null));
    assertThat(p.isNoOp()).isTrue();
  }

  @Test
  void clearsWhenTheQualifiedWecHasNoWorkStatus() {
    var p = plan(Map.of(SINGLETON, "true"), singleton("cluster1"), wec("cluster2", "{}"));
    assertThat(p.action()).isEqualTo(Action.CLEAR);
    assertThat(p.labelsToRemove()).containsExactly(SINGLETON);
    assertThat(p.labelsToSet()).containsExactlyEntriesOf(Map.of(COUNT, "1"));
  }

  @Test
  void aggregatesForMultiWecReturnAndSwapsTheMarker() {
    var p =
        plan(
            Map.of(SINGLETON, "true"),
            multi("c1", "c2"),
            wec("c1", "{\"replicas\": 3, \"availableReplicas\": 3}"),
            wec("c2", "{\"replicas\": 3, \"availableReplicas\": 1}"),
            wec("c3", "{\"replicas\": 3, \"availableReplicas\": 0}"));
    assertThat(p.action()).isEqualTo(Action.WRITE);
    assertThat(p.mode()).isEqualTo(Mode.MULTI_WEC);
    assertThat(p.status().get("availableReplicas").asInt()).isEqualTo(1);
    assertThat(p.labelsToSet()).containsExactlyEntriesOf(Map.of(MULTI, "true"));
    assertThat(p.labelsToRemove()).containsExactlyInAnyOrder(SINGLETON);
  }

  @Test
  void staysInMultiWecModeWhileOnlyOneWecHasReported() {
    var p = plan(Map.of(), multi("c1", "c2"), wec("c1", "{\"replicas\": 3}"));
    assertThat(p.mode()).isEqualTo(Mode.MULTI_WEC);
    assertThat(p.labelsToSet()).containsOnlyKeys(MULTI);
  }

  @Test
  void usesSingletonModeForMultiWecReturnWithOneQualifiedWec() {
    var p = plan(Map.of(), multi("c1"), wec("c1", "{\"replicas\": 3}"));
    assertThat(p.mode()).isEqualTo(Mode.SINGLETON);
    assertThat(p.labelsToSet()).containsOnlyKeys(SINGLETON);
  }

  @Test
  void combinesBothRequestsOverTheUnion() {
    var request = new ReportedStateRequest(true, Set.of("c1"), true, Set.of("c1", "c2"));
    var p = plan(Map.of(), request, wec("c1", "{\"replicas\": 3}"), wec("c2", "{\"replicas\": 2}"));
    assertThat(p.mode()).isEqualTo(Mode.MULTI_WEC);
    assertThat(p.status().get("replicas").asInt()).isEqualTo(2);
    assertThat(p.labelsToSet()).containsEntry(COUNT, "2");
  }

  @Test
  void removesTheExecutingCountWhenSingletonIsNoLongerRequested() {
    var p = plan(Map.of(COUNT, "1", SINGLETON, "true"), ReportedStateRequest.none());
    assertThat(p.action()).isEqualTo(Action.CLEAR);
    assertThat(p.labelsToRemove()).containsExactlyInAnyOrder(COUNT, SINGLETON);
  }

  @Test
  void neverTouchesNamespacesOrCrds() {
    var request = singleton("c1");
    var ws = List.of(wec("c1", "{\"phase\": \"Active\"}"));
    assertThat(ReportedStatePlanner.plan("", "Namespace", Map.of(), request, ws).isNoOp()).isTrue();
    assertThat(
            ReportedStatePlanner.plan(
                    "apiextensions.k8s.io", "CustomResourceDefinition", Map.of(), request, ws)
                .isNoOp())
        .isTrue();
    assertThat(ReportedStatePlanner.plan("", "Service", Map.of(), request, ws).action())
        .isEqualTo(Action.WRITE);
  }
}
