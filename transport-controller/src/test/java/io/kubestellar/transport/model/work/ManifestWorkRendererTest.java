/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.transport.model.GoldenCase;
import io.kubestellar.transport.model.GoldenCaseSource;
import io.kubestellar.transport.model.GoldenCases;
import io.kubestellar.transport.model.ObjectRef;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.Wrapee;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class ManifestWorkRendererTest {

  private static final BindingIdentity BINDING = new BindingIdentity("web", "b-uid", 4);

  @ParameterizedTest(name = "{0}")
  @GoldenCaseSource
  void rendersAsTheGoldenFileSays(GoldenCase golden) {
    var in = golden.in();
    var expected = golden.out();
    var limits =
        new BundlingLimits(
            in.get("limits").get("maxObjects").intValue(),
            in.get("limits").get("maxBytes").longValue());
    var binding =
        new BindingIdentity(
            in.get("binding").get("name").textValue(),
            in.get("binding").get("uid").textValue(),
            in.get("binding").get("generation").longValue());
    var strategy =
        in.has("updateStrategy")
            ? io.kubestellar.transport.TransportConfig.parseUpdateStrategy(
                in.get("updateStrategy").textValue())
            : UpdateStrategy.SERVER_SIDE_APPLY;
    var renderer = new ManifestWorkRenderer(in.get("wdsName").textValue(), limits, strategy);

    var bundle = renderer.render(binding, in.get("destination").textValue(), wrapees(in));

    var works = JsonNodeFactory.instance.arrayNode();
    for (var work : bundle.works()) {
      var copy = work.manifestWork().deepCopy();
      var annotations = (ObjectNode) copy.get("metadata").get("annotations");
      var hash = annotations.remove(TransportKeys.CONTENT_HASH_ANNOTATION).textValue();
      assertThat(hash).matches("sha256:[0-9a-f]{64}").isEqualTo(work.contentHash());
      assertThat(ContentHash.of(work.manifestWork())).isEqualTo(hash);
      assertThat(work.gloss())
          .containsExactlyInAnyOrderElementsOf(ManifestWorkRenderer.glossOf(work.manifestWork()));
      works.add(copy);
    }
    assertThat(works).isEqualTo(expected.get("works"));
    var oversized = JsonNodeFactory.instance.arrayNode();
    for (var o : bundle.oversized()) {
      oversized
          .addObject()
          .put("group", o.object().group())
          .put("kind", o.object().kind())
          .put("namespace", o.object().namespace())
          .put("name", o.object().name())
          .put("bytes", (int) o.bytes())
          .put("maxBytes", (int) o.maxBytes());
    }
    assertThat(oversized).isEqualTo(expected.get("oversized"));
    assertThat(bundle.complete()).isEqualTo(bundle.oversized().isEmpty());
  }

  private static List<Wrapee> wrapees(JsonNode in) {
    var wrapees = new ArrayList<Wrapee>();
    for (var entry : (ArrayNode) in.get("objects")) {
      wrapees.add(
          new Wrapee(
              (ObjectNode) entry.get("object"),
              entry.get("uid").textValue(),
              entry.get("resource").textValue(),
              entry.get("createOnly").booleanValue()));
    }
    return wrapees;
  }

  private static Wrapee configMap(String name) {
    var object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object.putObject("metadata").put("name", name).put("namespace", "ns");
    object.putObject("data").put("k", "v");
    return new Wrapee(object, "uid-" + name, "configmaps", false);
  }

  @Test
  void anObjectFillingTheWholeLimitGetsAShardOfItsOwnAndNoEmptyShard() {
    var a = configMap("a"); // 96 bytes each
    var renderer = new ManifestWorkRenderer("wds1", new BundlingLimits(10, 96));

    var bundle = renderer.render(BINDING, "c1", List.of(a, configMap("b")));

    assertThat(bundle.works())
        .extracting(RenderedWork::name)
        .containsExactly("web-wds1-0", "web-wds1-1");
    assertThat(bundle.works()).allSatisfy(w -> assertThat(w.gloss()).hasSize(1));
  }

  @Test
  void aShardTotalStaysBelowTheLimit() {
    var exactlyTwo = new ManifestWorkRenderer("w", new BundlingLimits(10, 192));
    var justAbove = new ManifestWorkRenderer("w", new BundlingLimits(10, 193));
    var objects = List.of(configMap("a"), configMap("b"));

    assertThat(exactlyTwo.render(BINDING, "c1", objects).works()).hasSize(2);
    assertThat(justAbove.render(BINDING, "c1", objects).works()).hasSize(1);
  }

  @Test
  void shardsByCount() {
    var renderer = new ManifestWorkRenderer("w", new BundlingLimits(2, 512_000));
    var objects =
        List.of(configMap("a"), configMap("b"), configMap("c"), configMap("d"), configMap("e"));

    var bundle = renderer.render(BINDING, "c1", objects);

    assertThat(bundle.works())
        .extracting(w -> w.gloss().stream().map(ObjectRef::name).toList())
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(bundle.works())
        .extracting(RenderedWork::name)
        .containsExactly("web-w-0", "web-w-1", "web-w-2");
    assertThat(bundle.works()).extracting(RenderedWork::namespace).containsOnly("c1");
  }

  @Test
  void aGenerationChangeAloneKeepsTheContentHash() {
    var renderer = new ManifestWorkRenderer("w", BundlingLimits.ONE_OBJECT_PER_WORK);
    var objects = List.of(configMap("a"));

    var before =
        renderer.render(new BindingIdentity("web", "b-uid", 4), "c1", objects).works().get(0);
    var after =
        renderer.render(new BindingIdentity("web", "b-uid", 5), "c1", objects).works().get(0);

    assertThat(after.contentHash()).isEqualTo(before.contentHash());
    assertThat(after.manifestWork()).isNotEqualTo(before.manifestWork());
    assertThat(after.isSatisfiedBy(before.manifestWork())).isTrue();
  }

  @Test
  void contentChangesAndManualEditsAreNoticed() {
    var renderer = new ManifestWorkRenderer("w", BundlingLimits.ONE_OBJECT_PER_WORK);
    var original = configMap("a");
    var changed = original.withObject(original.object().deepCopy());
    ((ObjectNode) changed.object().get("data")).put("k", "other");

    var desired = renderer.render(BINDING, "c1", List.of(original)).works().get(0);
    var desiredChanged = renderer.render(BINDING, "c1", List.of(changed)).works().get(0);
    var editedInIts = desired.manifestWork().deepCopy();
    ((ObjectNode) editedInIts.at("/spec/workload/manifests/0/data")).put("k", "edited");
    var foreignCreateOnly = desired.manifestWork().deepCopy();
    ((ObjectNode) foreignCreateOnly.get("spec")).putArray("manifestConfigs");

    assertThat(desiredChanged.contentHash()).isNotEqualTo(desired.contentHash());
    assertThat(desired.isSatisfiedBy(desired.manifestWork().deepCopy())).isTrue();
    assertThat(desired.isSatisfiedBy(editedInIts)).isFalse();
    assertThat(desired.isSatisfiedBy(foreignCreateOnly)).isFalse();
    assertThat(desiredChanged.isSatisfiedBy(desired.manifestWork())).isFalse();
  }

  @Test
  void theHashIgnoresMemberOrderNullMembersAndOthersLabels() throws Exception {
    var a =
        GoldenCases.YAML.readTree(
            "metadata: {labels: {transport.kubestellar.io/originWdsName: w,"
                + " transport.kubestellar.io/originOwnerReferenceBindingKey: b}}\n"
                + "spec: {workload: {manifests: [{kind: Service, spec: {ports: [{port: 1, nodePort: null}]}}]}}");
    var b =
        GoldenCases.YAML.readTree(
            "spec: {workload: {manifests: [{spec: {ports: [{port: 1}]}, kind: Service}]}}\n"
                + "metadata: {labels: {transport.kubestellar.io/originOwnerReferenceBindingKey: b,"
                + " transport.kubestellar.io/originWdsName: w, someone.else/label: x},"
                + " annotations: {anything: goes}}");
    var otherWds = ((ObjectNode) b.deepCopy());
    ((ObjectNode) otherWds.at("/metadata/labels")).put(TransportKeys.WDS_LABEL, "w2");

    assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
    assertThat(ContentHash.of(otherWds)).isNotEqualTo(ContentHash.of(b));
  }
}
