/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import static io.kubestellar.transport.TransportEnvironment.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubestellar.api.control.v1alpha1.Binding;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport started before the KubeStellar CRDs exist in the WDS (in real deployments the
 * controller-manager installs them at its own startup, so the transport often starts first): it
 * waits, not ready but alive, and delivers once they are installed.
 */
class TransportLateCrdsIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AutoClose private static TransportEnvironment env;

  @BeforeAll
  static void start() {
    env = new TransportEnvironment("transport-late-crds-it", false);
  }

  @Test
  void aTransportStartedBeforeTheCrdsWaitsForThemThenDelivers() throws Exception {
    env.launchTransport();

    // Several discovery polls (every 2 s) long: alive, not ready, informers not given up.
    await("not ready but healthy while the WDS lacks the CRDs")
        .during(Duration.ofSeconds(6))
        .atMost(TIMEOUT)
        .until(() -> probe("/readyz") == 503 && probe("/healthz") == 200);
    assertThat(env.controller().isReady()).isFalse();

    TransportEnvironment.installCrds(env.wds());
    var settings =
        env.wds()
            .configMaps()
            .inNamespace("default")
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("late-settings")
                    .withNamespace("default")
                    .endMetadata()
                    .withData(Map.of("color", "blue"))
                    .build())
            .create();
    env.wds()
        .resources(Binding.class)
        .resource(env.binding("late", List.of(settings), List.of(), "cluster1"))
        .create();

    await("ready once the CRDs are served")
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(() -> probe("/readyz") == 200);
    await("the Binding's ConfigMap delivered to cluster1")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var copy =
                  env.wec("cluster1")
                      .configMaps()
                      .inNamespace("default")
                      .withName("late-settings")
                      .get();
              assertThat(copy).isNotNull();
              assertThat(copy.getData()).containsEntry("color", "blue");
            });
    assertThat(env.worksOf("late")).hasSize(1);
    assertThat(probe("/healthz")).isEqualTo(200);
  }

  private static int probe(String path) throws IOException, InterruptedException {
    var url = "http://127.0.0.1:" + env.managementPort() + path;
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
