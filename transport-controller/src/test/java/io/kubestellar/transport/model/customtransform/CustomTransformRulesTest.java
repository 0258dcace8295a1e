/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.model.GroupResource;
import io.kubestellar.transport.model.GoldenCases;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomTransformRulesTest {

  private static final GroupResource CLUSTER_ROLES =
      new GroupResource("rbac.authorization.k8s.io", "clusterroles");
  private static final GroupResource ROLES =
      new GroupResource("rbac.authorization.k8s.io", "roles");

  private static ObjectNode yaml(String text) throws Exception {
    return (ObjectNode) GoldenCases.YAML.readTree(text);
  }

  @Test
  void removesALabelFromTheNamedGroupResourceOnly() throws Exception {
    var ct =
        new CustomTransformInput(
            "drop-label",
            3,
            "rbac.authorization.k8s.io",
            "clusterroles",
            List.of("$.metadata.labels[\"test.kubestellar.io/delete-me\"]"));
    var role =
        "metadata: {name: r, labels: {test.kubestellar.io/delete-me: x, keep: y}}\nrules: []\n";

    var forClusterRoles = CustomTransformRules.digest(CLUSTER_ROLES, List.of(ct));
    var forRoles = CustomTransformRules.digest(ROLES, List.of(ct));

    assertThat(forClusterRoles.applyTo(yaml(role)))
        .isEqualTo(yaml("metadata: {name: r, labels: {keep: y}}\nrules: []\n"));
    assertThat(forRoles.applyTo(yaml(role))).isEqualTo(yaml(role));
    assertThat(forRoles.statuses()).isEmpty();
    assertThat(forClusterRoles.statuses())
        .containsOnlyKeys("drop-label")
        .containsEntry("drop-label", new CustomTransformStatus(3, List.of(), List.of()));
  }

  @Test
  void reportsInvalidPathsAndStillAppliesTheValidOnes() throws Exception {
    var ct =
        new CustomTransformInput(
            "jobs",
            5,
            "batch",
            "jobs",
            List.of("$.spec.ttlSecondsAfterFinished", "$", "spec.x", "$.spec[*]", "$.metadata.a"));

    var rules = CustomTransformRules.digest(new GroupResource("batch", "jobs"), List.of(ct));

    assertThat(rules.statuses().get("jobs").errors())
        .containsExactly(
            "Invalid spec.remove[1]: it identifies the whole object",
            "Error in spec.remove[2]: syntax error at 0: missing root identifier (dollar sign)",
            "Error in spec.remove[3]: syntax error at 7: expected open quote, got '*'");
    assertThat(rules.statuses().get("jobs").observedGeneration()).isEqualTo(5);
    assertThat(rules.removals())
        .containsExactly(
            new RemovePath(List.of("spec", "ttlSecondsAfterFinished")),
            new RemovePath(List.of("metadata", "a")));
    var job = yaml("metadata: {a: 1, b: 2}\nspec: {ttlSecondsAfterFinished: 10, parallelism: 1}");
    assertThat(rules.applyTo(job)).isEqualTo(yaml("metadata: {b: 2}\nspec: {parallelism: 1}"));
  }

  @Test
  void warnsEveryCustomTransformWhenSeveralNameTheSameGroupResource() {
    var core = new GroupResource("", "services");
    var b = new CustomTransformInput("b", 1, "", "services", List.of("$.spec.a"));
    var a = new CustomTransformInput("a", 2, "", "services", List.of("$.spec.b"));
    var other = new CustomTransformInput("c", 1, "apps", "services", List.of("$.spec.c"));

    var rules = CustomTransformRules.digest(core, List.of(b, a, other));

    var warning =
        "multiple CustomTransform objects specify the same GroupResource; their names are"
            + " map[a:{} b:{}]";
    assertThat(rules.statuses().keySet()).containsExactly("a", "b");
    assertThat(rules.statuses().values())
        .allSatisfy(status -> assertThat(status.warnings()).containsExactly(warning));
    assertThat(rules.removals())
        .containsExactly(
            new RemovePath(List.of("spec", "b")), new RemovePath(List.of("spec", "a")));
  }

  @Test
  void stopsQuietlyAtMissingOrNonObjectSteps() throws Exception {
    var object = yaml("spec: {list: [{a: 1}], text: abc}");

    assertThat(new RemovePath(List.of("spec", "list", "a")).removeFrom(object)).isFalse();
    assertThat(new RemovePath(List.of("spec", "text", "a")).removeFrom(object)).isFalse();
    assertThat(new RemovePath(List.of("nothing", "here")).removeFrom(object)).isFalse();
    assertThat(new RemovePath(List.of("spec", "absent")).removeFrom(object)).isFalse();
    assertThat(object).isEqualTo(yaml("spec: {list: [{a: 1}], text: abc}"));
    assertThat(new RemovePath(List.of("spec", "list")).removeFrom(object)).isTrue();
    assertThat(object).isEqualTo(yaml("spec: {text: abc}"));
  }
}
