/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.transport;

import static io.kubestellar.e2e.transport.TransportE2eEnvironment.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AutoClose;
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

  @AutoClose private static TransportE2eEnvironment env;

  @BeforeAll
  static void start() {
    env =
        new TransportE2eEnvironment(
            "transport-bundling-it", "--max-num-wrapped", "3", "--max-size-wrapped", "6000");
  }

  @Test
  @Order(1)
  void aNamespaceAndSixSmallObjectsMakeThreeWorksByCount() {
    env.apply("wds1", namespaceWithConfigMaps("small", 6, i -> "i: \"" + i + "\""));
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
    env.apply(
        "wds1", namespaceWithConfigMaps("large", 3, i -> "blob: \"" + "x".repeat(3500) + "\""));
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

  /**
   * Namespace {@code ns} and ConfigMaps {@code c0..c<count-1>} in it, all labelled {@code app=ns},
   * each with the data {@code data} gives its index.
   */
  private static String namespaceWithConfigMaps(String ns, int count, IntFunction<String> data) {
    var yaml = new StringBuilder(TransportAcceptanceIT.namespaceYaml(ns, "app: " + ns));
    for (int i = 0; i < count; i++) {
      yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c")
          .append(i)
          .append(", namespace: ")
          .append(ns)
          .append(", labels: {app: ")
          .append(ns)
          .append("}}\ndata: {")
          .append(data.apply(i))
          .append("}\n");
    }
    return yaml.toString();
  }
}
