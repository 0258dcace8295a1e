/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kubestellar.transport.model.Wrapee;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkPlanTest {

  private final ManifestWorkRenderer renderer =
      new ManifestWorkRenderer("wds1", BundlingLimits.ONE_OBJECT_PER_WORK);

  private RenderedWork work(String destination, String uid, String value) {
    var object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object.putObject("metadata").put("name", "cm-" + uid).put("namespace", "ns");
    object.putObject("data").put("k", value);
    return renderer
        .render(
            new BindingIdentity("b", "buid", 1),
            destination,
            List.of(new Wrapee(object, uid, "configmaps", false)))
        .works()
        .get(0);
  }

  private static ExistingWork existing(RenderedWork work) {
    return new ExistingWork(
        work.namespace(), work.name(), work.contentHash(), ContentHash.of(work.manifestWork()));
  }

  @Test
  void aResyncWithNothingChangedPlansNothing() {
    var a = work("c1", "1", "x");
    var plan = WorkPlan.of(List.of(a), List.of(existing(a)), ns -> true);
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.upToDate()).isEqualTo(1);
  }

  @Test
  void changedContentIsRewrittenAndMissingWorksCreated() {
    var old = work("c1", "1", "x");
    var changed = work("c1", "1", "y");
    var added = work("c1", "2", "x");
    var plan = WorkPlan.of(List.of(changed, added), List.of(existing(old)), ns -> true);
    assertThat(plan.writes()).containsExactly(changed, added);
    assertThat(plan.deletes()).isEmpty();
  }

  @Test
  void aManualEditIsDetectedEvenWhenTheRecordedHashWasKept() {
    var desired = work("c1", "1", "x");
    var tampered = new ExistingWork("c1", desired.name(), desired.contentHash(), "sha256:other");
    assertThat(WorkPlan.of(List.of(desired), List.of(tampered), ns -> true).writes())
        .containsExactly(desired);
  }

  @Test
  void worksNoLongerWantedAreDeletedOnlyWhereDeletingIsAllowed() {
    var gone1 = existing(work("c1", "1", "x"));
    var gone2 = existing(work("c2", "1", "x"));
    var plan = WorkPlan.of(List.of(), List.of(gone1, gone2), ns -> ns.equals("c1"));
    assertThat(plan.deletes()).containsExactly(gone1);
    assertThat(plan.kept()).isEqualTo(1);
  }
}
