/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubestellar.api.control.v1alpha1.ReportedStatus;
import io.kubestellar.api.control.v1alpha1.SourceRef;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.api.control.v1alpha1.WorkStatusSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkStatusesTest {

  private final WorkStatuses index = new WorkStatuses("wds1", new ObjectMapper());

  @Test
  void keysIncludeTheNamespace() {
    index.upsert(ws("cluster1", "w-a", "ns-a", "web", "wds1", 1));
    index.upsert(ws("cluster1", "w-b", "ns-b", "web", "wds1", 2));
    var a = new StatusKey.Workload("apps", "deployments", "ns-a", "web");
    var b = new StatusKey.Workload("apps", "deployments", "ns-b", "web");
    assertThat(index.reportsFor(a))
        .singleElement()
        .satisfies(r -> assertThat(r.status().get("n").asInt()).isEqualTo(1));
    assertThat(index.reportsFor(b))
        .singleElement()
        .satisfies(r -> assertThat(r.status().get("n").asInt()).isEqualTo(2));
  }

  @Test
  void anotherWdsWorkStatusIsIgnoredAndAnAbsentOriginIsAccepted() {
    assertThat(index.upsert(ws("cluster1", "w1", "ns", "x", "wds2", 1))).isEmpty();
    assertThat(index.upsert(ws("cluster1", "w2", "ns", "y", null, 1))).hasSize(1);
  }

  @Test
  void aMovedOrDeletedWorkStatusReportsBothSources() {
    index.upsert(ws("cluster1", "w", "ns", "old", "wds1", 1));
    var moved = index.upsert(ws("cluster1", "w", "ns", "new", "wds1", 1));
    assertThat(moved).extracting(StatusKey.Workload::name).containsExactlyInAnyOrder("old", "new");
    assertThat(index.reportsFor(new StatusKey.Workload("apps", "deployments", "ns", "old")))
        .isEmpty();
    assertThat(index.remove(ws("cluster1", "w", "ns", "new", "wds1", 1))).hasSize(1);
    assertThat(index.objects()).isEmpty();
  }

  @Test
  void lastUpdateIsTheLatestManagedFieldsEntryOwningStatus() {
    var spec =
        new ManagedFieldsEntryBuilder()
            .withTime("2025-03-01T10:20:00Z")
            .withFieldsV1(fields(Map.of("f:spec", Map.of())))
            .build();
    var status1 =
        new ManagedFieldsEntryBuilder()
            .withTime("2025-03-01T10:15:30Z")
            .withFieldsV1(fields(Map.of("f:status", Map.of())))
            .build();
    var status2 =
        new ManagedFieldsEntryBuilder()
            .withTime("2025-03-01T10:16:02Z")
            .withFieldsV1(fields(Map.of("f:status", Map.of())))
            .build();
    assertThat(WorkStatuses.lastStatusUpdate(List.of(spec, status2, status1)))
        .isEqualTo(Instant.parse("2025-03-01T10:16:02Z"));
    assertThat(WorkStatuses.lastStatusUpdate(List.of(spec))).isNull();
  }

  private static FieldsV1 fields(Map<String, Object> content) {
    var fields = new FieldsV1();
    content.forEach(fields::setAdditionalProperty);
    return fields;
  }

  private static WorkStatus ws(
      String wec, String name, String ns, String object, String origin, int n) {
    var ws = new WorkStatus();
    var meta = new ObjectMetaBuilder().withName(name).withNamespace(wec);
    if (origin != null) {
      meta.addToLabels("transport.kubestellar.io/originWdsName", origin);
    }
    ws.setMetadata(meta.build());
    ws.setSpec(
        new WorkStatusSpec(new SourceRef("apps", "v1", "deployments", "Deployment", ns, object)));
    ws.setStatus(new ReportedStatus(Map.of("n", n)));
    return ws;
  }
}
