/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.transport;

import static io.kubestellar.e2e.transport.TransportE2eEnvironment.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bundling, end to end: with {@code --max-num-wrapped 3 --max-size-wrapped 6000}, a policy's
 * objects are cut into ManifestWorks by count and by bytes, and moving the policy moves every
 * shard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportBundlingIT {

  private static TransportE2eEnvironment env;

  @BeforeAll
  static void start() {
    env =
        new TransportE2eEnvironment(
            "transport-bundling-it", "--max-num-wrapped", "3", "--max-size-wrapped", "6000");
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  @Order(1)
  void aNamespaceAndSixSmallObjectsMakeThreeWorksByCount() {
    var yaml = new StringBuilder(TransportAcceptanceIT.namespaceYaml("small", "app: small"));
    for (int i = 0; i < 6; i++) {
      yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c")
          .append(i)
          .append(", namespace: small, labels: {app: small}}\ndata: {i: \"")
          .append(i)
          .append("\"}\n");
    }
    env.apply("wds1", yaml.toString());
    env.apply("wds1", TransportAcceptanceIT.policy("small", "name: cluster1", "app: small", false));
    await("3 works in cluster1")
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(works("small"))
                    .containsExactlyInAnyOrder(
                        "cluster1/small-wds1-0", "cluster1/small-wds1-1", "cluster1/small-wds1-2"));
  }

  @Test
  @Order(2)
  void aNamespaceAndThreeLargeObjectsMakeThreeWorksByBytes() {
    var yaml = new StringBuilder(TransportAcceptanceIT.namespaceYaml("large", "app: large"));
    for (int i = 0; i < 3; i++) {
      yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c")
          .append(i)
          .append(", namespace: large, labels: {app: large}}\ndata: {blob: \"")
          .append("x".repeat(3500))
          .append("\"}\n");
    }
    env.apply("wds1", yaml.toString());
    env.apply("wds1", TransportAcceptanceIT.policy("large", "name: cluster1", "app: large", false));
    // Namespace + first blob fit in 6000 bytes; every further blob needs a work of its own.
    await("3 works by size")
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(works("large")).hasSize(3));
  }

  @Test
  @Order(3)
  void movingThePolicyToTheOtherClusterMovesEveryShard() {
    env.apply("wds1", TransportAcceptanceIT.policy("small", "name: cluster2", "app: small", false));
    await("every shard in cluster2")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(works("small"))
                  .containsExactlyInAnyOrder(
                      "cluster2/small-wds1-0", "cluster2/small-wds1-1", "cluster2/small-wds1-2");
              assertThat(
                      env.client("cluster2").configMaps().inNamespace("small").withName("c5").get())
                  .isNotNull();
              assertThat(
                      env.client("cluster1").configMaps().inNamespace("small").withName("c5").get())
                  .isNull();
            });
  }

  private static List<String> works(String binding) {
    return env.works().stream()
        .filter(
            w ->
                binding.equals(
                    w.getMetadata()
                        .getLabels()
                        .get("transport.kubestellar.io/originOwnerReferenceBindingKey")))
        .map(w -> w.getMetadata().getNamespace() + "/" + w.getMetadata().getName())
        .toList();
  }
}
