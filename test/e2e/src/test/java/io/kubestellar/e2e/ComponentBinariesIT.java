/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each binary, run as its own process from its runnable jar: a bad flag is refused with a clear
 * message and exit code 2; good flags give a process that logs its configuration, serves /healthz,
 * /readyz and /metrics, and stops cleanly on SIGTERM.
 */
class ComponentBinariesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @AutoClose private static LocalEnvironment env;
  private static ComponentJars jars;

  @BeforeAll
  static void startEnvironment() throws IOException {
    env =
        LocalEnvironment.start(
            EnvironmentSpec.underTarget("binaries-it").withWecNames(List.of("cluster1")));
    jars = ComponentJars.fromWorkingDirectory();
    // What the components expect to find: the KubeStellar CRDs in the WDS, WorkStatus in the ITS.
    Crds.installKubeStellar(env.client("wds1"), env.client("its1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"controller-manager", "transport-controller", "status-addon"})
  void refusesAnUnknownFlagWithExitCodeTwoAndAClearMessage(String module) throws Exception {
    var command = new ArrayList<String>(List.of(java(), "-jar", jars.jar(module).toString()));
    command.addAll(validArgs(module, freePort()));
    command.add("--no-such-flag");
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("--no-such-flag").contains("--help");
  }

  @ParameterizedTest
  @ValueSource(strings = {"controller-manager", "transport-controller", "status-addon"})
  void servesHealthReadinessAndMetricsThenStopsOnSigterm(String module) throws Exception {
    int port = freePort();
    var args = validArgs(module, port);
    ManagedProcess process = env.startComponent(module + "-binary-it", jars.jar(module), args);
    var base = "http://127.0.0.1:" + port;

    await(module + " ready")
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(process.isAlive()).as("see " + process.logFile()).isTrue();
              assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
              assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);
            });
    var metrics = get(base + "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
    assertThat(Files.readString(process.logFile()))
        .as("the configuration is logged at startup")
        .contains("starting " + module)
        .doesNotContain(env.adminToken());

    process.stop(Duration.ofSeconds(30));
    assertThat(process.isAlive()).isFalse();
    assertThat(Files.readString(process.logFile())).contains(module + " stopped");
  }

  /** Flags that make the binary start against the local environment. */
  private static List<String> validArgs(String module, int managementPort) {
    var args =
        new ArrayList<String>(List.of("--management-address", "127.0.0.1:" + managementPort));
    if (module.equals("status-addon")) {
      args.addAll(AdminComponents.agentArgs(env, "cluster1"));
    } else {
      args.addAll(List.of("--wds-name", "wds1"));
    }
    args.addAll(AdminComponents.spaceArgs(env, module));
    return args;
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
