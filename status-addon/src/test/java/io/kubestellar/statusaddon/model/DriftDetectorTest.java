/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubestellar.api.control.v1alpha1.DriftField;
import io.kubestellar.statusaddon.reconciler.KubernetesQuantities;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DriftDetectorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final DriftDetector DETECTOR = new DriftDetector(new KubernetesQuantities());

  /** The delivered Deployment every case starts from. */
  private static final String DESIRED =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: {tier: front}
        annotations: {team: blue}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: app
              image: nginx:1.27
              env:
              - {name: MODE, value: fast}
              - {name: LEVEL, value: "2"}
              resources:
                limits: {cpu: "0.5", memory: 1Gi}
            - name: sidecar
              image: busybox:1.36
            volumes: []
      status: {replicas: 1}
      """;

  /** The same Deployment as the API server serves it: defaults, status, managed fields. */
  private static final String LIVE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        uid: 1234
        generation: 2
        labels: {tier: front}
        annotations: {team: blue, deployment.kubernetes.io/revision: "1"}
        managedFields:
        - manager: work-agent-kubestellar
          operation: Apply
          fieldsType: FieldsV1
          fieldsV1:
            f:metadata: {f:labels: {f:tier: {}}, f:annotations: {f:team: {}}}
            f:spec:
              f:replicas: {}
              f:template: {f:spec: {f:containers: {'k:{"name":"app"}': {f:image: {}}}}}
        - manager: kubectl
          operation: Update
          subresource: scale
          fieldsType: FieldsV1
          fieldsV1: {f:spec: {f:replicas: {}}}
        - manager: kubectl-set
          operation: Update
          fieldsType: FieldsV1
          fieldsV1:
            f:spec:
              f:template:
                f:spec:
                  f:containers:
                    'k:{"name":"app"}':
                      f:env:
                        'k:{"name":"MODE"}': {.: {}, f:name: {}, f:value: {}}
        - manager: kubectl-label
          operation: Update
          fieldsType: FieldsV1
          fieldsV1: {f:metadata: {f:labels: {f:tier: {}}}}
        - manager: kube-controller-manager
          operation: Update
          subresource: status
          fieldsType: FieldsV1
          fieldsV1: {f:status: {f:replicas: {}}}
      spec:
        replicas: 1
        revisionHistoryLimit: 10
        progressDeadlineSeconds: 600
        selector: {matchLabels: {app: web}}
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
        template:
          metadata: {creationTimestamp: null, labels: {app: web}}
          spec:
            containers:
            - name: app
              image: nginx:1.27
              imagePullPolicy: IfNotPresent
              env:
              - {name: MODE, value: fast}
              - {name: LEVEL, value: "2"}
              resources:
                limits: {cpu: 500m, memory: 1024Mi}
              terminationMessagePath: /dev/termination-log
            - name: sidecar
              image: busybox:1.36
            restartPolicy: Always
            dnsPolicy: ClusterFirst
      status: {replicas: 1, availableReplicas: 1}
      """;

  record Edit(String path, Object value) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no drift with defaults present", List.of(), List.of(), List.of()),
        Arguments.of(
            "a changed scalar, owned by kubectl's scale",
            List.of(),
            List.of(new Edit("spec.replicas", 3)),
            List.of(new DriftField("spec.replicas", "1", "3", List.of("kubectl")))),
        Arguments.of(
            "a label changed",
            List.of(),
            List.of(new Edit("metadata.labels.tier", "back")),
            List.of(
                new DriftField(
                    "metadata.labels.tier", "\"front\"", "\"back\"", List.of("kubectl-label")))),
        Arguments.of(
            "a label removed",
            List.of(),
            List.of(
                new Edit("metadata.labels", Map.of()),
                new Edit("metadata.managedFields[3].fieldsV1", Map.of())),
            List.of(new DriftField("metadata.labels.tier", "\"front\"", null, null))),
        Arguments.of(
            "an annotation removed",
            List.of(),
            List.of(new Edit("metadata.annotations", Map.of("other", "x"))),
            List.of(new DriftField("metadata.annotations.team", "\"blue\"", null, null))),
        Arguments.of(
            "an env var changed in a container matched by name",
            List.of(),
            List.of(
                new Edit(
                    "spec.template.spec.containers",
                    List.of(
                        Map.of("name", "sidecar", "image", "busybox:1.36"),
                        Map.of(
                            "name",
                            "app",
                            "image",
                            "nginx:1.27",
                            "env",
                            List.of(
                                Map.of("name", "MODE", "value", "slow"),
                                Map.of("name", "LEVEL", "value", "2")),
                            "resources",
                            Map.of("limits", Map.of("cpu", "500m", "memory", "1Gi")))))),
            List.of(
                new DriftField(
                    "spec.template.spec.containers[1].env[0].value",
                    "\"fast\"",
                    "\"slow\"",
                    List.of("kubectl-set")))),
        Arguments.of(
            "a container list of different length",
            List.of(),
            List.of(
                new Edit(
                    "spec.template.spec.containers", yaml("[{name: app, image: nginx:1.27}]"))),
            List.of(
                new DriftField(
                    "spec.template.spec.containers",
                    "[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"env\":[{\"name\":\"MODE\","
                        + "\"value\":\"fast\"},{\"name\":\"LEVEL\",\"value\":\"2\"}],"
                        + "\"resources\":{\"limits\":{\"cpu\":\"0.5\",\"memory\":\"1Gi\"}}},"
                        + "{\"name\":\"sidecar\",\"image\":\"busybox:1.36\"}]",
                    "[{\"name\":\"app\",\"image\":\"nginx:1.27\"}]",
                    List.of("kubectl-set")))),
        Arguments.of(
            "quantities equal by value, a different quantity is drift",
            List.of(
                new Edit("spec.template.spec.containers[0].resources.limits.memory", 1073741824)),
            List.of(new Edit("spec.template.spec.containers[0].resources.limits.cpu", "600m")),
            List.of(
                new DriftField(
                    "spec.template.spec.containers[0].resources.limits.cpu",
                    "\"0.5\"",
                    "\"600m\"",
                    null))),
        Arguments.of(
            "numbers equal by value",
            List.of(new Edit("spec.replicas", 1.0)),
            List.of(new Edit("spec.progressDeadlineSeconds", 600)),
            List.of()),
        Arguments.of(
            "null desired values are skipped, a missing desired field is drift",
            List.of(new Edit("spec.paused", null), new Edit("spec.minReadySeconds", 5)),
            List.of(),
            List.of(new DriftField("spec.minReadySeconds", "5", null, null))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detects(String name, List<Edit> desiredEdits, List<Edit> liveEdits, List<DriftField> want)
      throws Exception {
    var desired = edited(DESIRED, desiredEdits);
    var live = edited(LIVE, liveEdits);

    var result = DETECTOR.detect(desired, live);

    assertThat(result.fields()).isEqualTo(want);
    assertThat(result.moreFields()).isZero();
    assertThat(result.any()).isEqualTo(!want.isEmpty());
  }

  @Test
  void listsAtMostTenFieldsInPathOrderAndCountsTheRest() throws Exception {
    var labels = new java.util.TreeMap<String, Object>();
    for (int i = 0; i < 13; i++) {
      labels.put("l" + (char) ('a' + i), "v");
    }
    var desired = edited(DESIRED, List.of(new Edit("metadata.labels", labels)));
    var live = edited(LIVE, List.of());

    var result = DETECTOR.detect(desired, live);

    assertThat(result.fields()).hasSize(io.kubestellar.api.control.v1alpha1.Drift.MAX_FIELDS);
    assertThat(result.fields().get(0).path()).isEqualTo("metadata.labels.la");
    assertThat(result.moreFields()).isEqualTo(3);
  }

  @Test
  void keysWithDotsAreBracketed() throws Exception {
    var desired =
        edited(DESIRED, List.of(new Edit("metadata.annotations", Map.of("example.com/x", "1"))));

    var result = DETECTOR.detect(desired, edited(LIVE, List.of()));

    assertThat(result.fields())
        .extracting(DriftField::path)
        .containsExactly("metadata.annotations[example.com/x]");
  }

  @Test
  void theWorkAgentIsNeverNamedAsManager() throws Exception {
    var desired = edited(DESIRED, List.of(new Edit("spec.template.spec.containers[0].image", "x")));

    var result = DETECTOR.detect(desired, edited(LIVE, List.of()));

    assertThat(result.fields())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("spec.template.spec.containers[0].image");
              assertThat(f.managers()).isNull();
            });
  }

  private static Object yaml(String text) {
    try {
      return YAML.readValue(text, Object.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> edited(String yaml, List<Edit> edits) throws Exception {
    Map<String, Object> object = YAML.readValue(yaml, Map.class);
    for (var edit : edits) {
      set(object, edit.path(), edit.value());
    }
    return object;
  }

  /** Sets a dotted path ({@code a.b[0].c}); a null value sets JSON null. */
  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> object, String path, Object value) {
    Object node = object;
    var parts = path.replace("[", ".[").split("\\.");
    for (int i = 0; i < parts.length; i++) {
      var part = parts[i];
      boolean last = i == parts.length - 1;
      if (part.startsWith("[")) {
        int index = Integer.parseInt(part.substring(1, part.length() - 1));
        var list = (List<Object>) node;
        if (last) {
          list.set(index, value);
        } else {
          node = list.get(index);
        }
      } else {
        var map = (Map<String, Object>) node;
        if (last) {
          map.put(part, value);
        } else {
          node = map.get(part);
        }
      }
    }
  }
}
