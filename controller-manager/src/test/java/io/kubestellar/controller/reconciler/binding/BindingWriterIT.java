/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.BindingPolicySpec;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.BoundObject;
import io.kubestellar.controller.model.binding.ConditionState;
import io.kubestellar.controller.model.binding.Modulation;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binding spec writes against a real WDS: a small change goes as a JSON Patch of what changed, a
 * stale copy is noticed by the API server and the patch recomputed, a large change goes whole.
 */
class BindingWriterIT {

  @AutoClose private static LocalEnvironment env;
  private static KubernetesClient wds;
  private SimpleMeterRegistry registry;
  private BindingWriter writer;

  @BeforeAll
  static void start() {
    env = LocalEnvironment.start(EnvironmentSpec.underTarget("binding-writer-it").withoutWecs());
    wds = env.client("wds1");
    CrdInstaller.ensure(wds);
  }

  @BeforeEach
  void newWriter() {
    registry = new SimpleMeterRegistry();
    writer = new BindingWriter(wds, new BindingMetrics(registry));
  }

  @Test
  void aChangedObjectIsWrittenAsAPatchOfItsEntry() {
    var policy = policy("one-change");
    var created = writer.writeBinding(policy, null, content(200, 3, 1));

    var written = writer.writeBinding(policy, created, changed(content(200, 3, 1), 17));

    assertThat(BindingSpecs.content(written.getSpec())).isEqualTo(changed(content(200, 3, 1), 17));
    assertThat(read("one-change")).isEqualTo(changed(content(200, 3, 1), 17));
    assertThat(patches("incremental")).isEqualTo(1);
    assertThat(patches("full")).isZero();
    assertThat(written.getMetadata().getGeneration())
        .isEqualTo(created.getMetadata().getGeneration() + 1);
  }

  @Test
  void aPatchFromAStaleCopyIsRefusedAndRecomputedFromAFreshRead() {
    var policy = policy("stale-copy");
    var stale = writer.writeBinding(policy, null, content(50, 2, 1));
    // Someone else removes the first entry: every index of the stale copy moves by one.
    wds.resources(Binding.class)
        .withName("stale-copy")
        .patch(
            PatchContext.of(PatchType.JSON),
            "[{\"op\":\"remove\",\"path\":\"/spec/workload/namespaceScope/0\"}]");

    var desired = changed(changed(content(50, 2, 1), 10), 30);
    var written = writer.writeBinding(policy, stale, desired);

    assertThat(read("stale-copy")).isEqualTo(desired);
    assertThat(BindingSpecs.content(written.getSpec())).isEqualTo(desired);
    assertThat(stalePatches()).isEqualTo(1);
    assertThat(patches("incremental")).isEqualTo(1);
  }

  @Test
  void statusWritesDoNotMakeACopyStale() {
    var policy = policy("status-written");
    var copy = writer.writeBinding(policy, null, content(20, 2, 1));
    writer.writeBindingStatus(
        copy, List.of(new ConditionState("Synced", "True", "Resolved", "", Instant.now(), 1L)));

    writer.writeBinding(policy, copy, changed(content(20, 2, 1), 3));

    assertThat(read("status-written")).isEqualTo(changed(content(20, 2, 1), 3));
    assertThat(stalePatches()).isZero();
    assertThat(patches("incremental")).isEqualTo(1);
  }

  @Test
  void aChangeAsLargeAsTheBindingIsWrittenWhole() {
    var policy = policy("all-new");
    var created = writer.writeBinding(policy, null, content(30, 2, 1));

    writer.writeBinding(policy, created, content(30, 2, 2));

    assertThat(read("all-new")).isEqualTo(content(30, 2, 2));
    assertThat(patches("full")).isEqualTo(1);
    assertThat(patches("incremental")).isZero();
  }

  private static BindingPolicy policy(String name) {
    return wds.resources(BindingPolicy.class)
        .resource(new BindingPolicy(name, new BindingPolicySpec(null, null)))
        .create();
  }

  private static BindingContent read(String name) {
    return BindingSpecs.content(wds.resources(Binding.class).withName(name).get().getSpec());
  }

  private double patches(String form) {
    var counter = registry.find("kubestellar_binding_spec_patches").tag("form", form).counter();
    return counter == null ? 0 : counter.count();
  }

  private double stalePatches() {
    var counter = registry.find("kubestellar_binding_spec_patch_stale").counter();
    return counter == null ? 0 : counter.count();
  }

  /** Objects {@code cm-<round>-000...} in namespace {@code ns}: each round names other objects. */
  private static BindingContent content(int objects, int clusters, int round) {
    var map = new TreeMap<ObjectRef, BoundObject>();
    for (int i = 0; i < objects; i++) {
      map.put(
          new ObjectRef("", "configmaps", "ns", String.format("cm-%d-%03d", round, i)),
          new BoundObject("v1", Integer.toString(i), Modulation.NONE));
    }
    var destinations = new TreeSet<String>();
    for (int i = 1; i <= clusters; i++) {
      destinations.add("cluster" + i);
    }
    return new BindingContent(destinations, map);
  }

  /** The content with a new resourceVersion for its {@code index}th object. */
  private static BindingContent changed(BindingContent content, int index) {
    var objects = new TreeMap<>(content.objects());
    var ref = List.copyOf(objects.keySet()).get(index);
    var old = objects.get(ref);
    objects.put(ref, new BoundObject(old.version(), "changed-" + index, old.modulation()));
    return new BindingContent(content.destinations(), objects);
  }
}
