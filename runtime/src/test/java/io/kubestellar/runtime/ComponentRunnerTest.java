/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ComponentRunnerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static CommonOptions.CommonConfig config() {
    return new CommonOptions.CommonConfig(
        new InetSocketAddress("127.0.0.1", 0), "INFO", LogFormat.TEXT, Duration.ofSeconds(5));
  }

  /** A component whose readiness the test controls. */
  private static class FakeComponent implements Component {
    final AtomicBoolean ready = new AtomicBoolean();
    final AtomicBoolean stopped = new AtomicBoolean();

    @Override
    public void start() {}

    @Override
    public boolean isReady() {
      return ready.get();
    }

    @Override
    public void stop() {
      stopped.set(true);
    }
  }

  @Test
  void servesProbesAndMetricsAndStopsWhenAsked() throws Exception {
    var runner = new ComponentRunner("fake", config(), Map.of("setting", "value"));
    var component = new FakeComponent();
    var exit = CompletableFuture.supplyAsync(() -> runner.run(registry -> component));
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.managementPort() > 0);
    var base = "http://127.0.0.1:" + runner.managementPort();

    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> status(base + "/healthz") == 200);
    assertThat(status(base + "/readyz")).isEqualTo(503);
    component.ready.set(true);
    assertThat(status(base + "/readyz")).isEqualTo(200);
    assertThat(body(base + "/metrics")).contains("jvm_memory_used_bytes");

    runner.requestStop();
    assertThat(exit.get()).isZero();
    assertThat(component.stopped).isTrue();
  }

  @Test
  void aComponentThatCannotStartGivesExitCodeOne() {
    var runner = new ComponentRunner("broken", config(), Map.of());
    int exit =
        runner.run(
            registry ->
                new FakeComponent() {
                  @Override
                  public void start() {
                    throw new IllegalStateException("cannot reach the wds space");
                  }
                });
    assertThat(exit).isEqualTo(ComponentRunner.EXIT_STARTUP_FAILURE);
  }

  @Test
  void parsesManagementAddresses() {
    assertThat(CommonOptions.parseAddress(":8081").getPort()).isEqualTo(8081);
    assertThat(CommonOptions.parseAddress("127.0.0.1:0").getHostString()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> CommonOptions.parseAddress("8081")).hasMessageContaining("host:port");
    assertThatThrownBy(() -> CommonOptions.parseAddress(":http"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> CommonOptions.parseAddress(":70000")).hasMessageContaining("0..65535");
  }

  private static int status(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String body(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
