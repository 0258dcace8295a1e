/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The agent run in the test JVM through {@link Main#commandLine}, as its jar would run it. */
final class InProcessAgent implements AutoCloseable {

  private final Main main = new Main();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private InProcessAgent(List<String> args) {
    var thread =
        new Thread(
            () -> {
              try {
                exit.complete(main.commandLine().execute(args.toArray(String[]::new)));
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            },
            "status-addon-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts the agent and waits until it is ready (or has exited). */
  static InProcessAgent start(
      String cluster,
      java.nio.file.Path wecKubeconfig,
      java.nio.file.Path itsKubeconfig,
      String... extra) {
    var args =
        new ArrayList<>(
            List.of(
                "--cluster-name=" + cluster,
                "--wec-kubeconfig=" + wecKubeconfig,
                "--its-kubeconfig=" + itsKubeconfig,
                "--management-address=127.0.0.1:0"));
    args.addAll(List.of(extra));
    var agent = new InProcessAgent(args);
    await("status-addon ready or exited")
        .atMost(StatusAddonEnvironment.TIMEOUT)
        .until(
            () ->
                agent.exit.isDone()
                    || (agent.port() > 0 && StatusAddonEnvironment.ready(agent.port())));
    return agent;
  }

  /** The management port; -1 before it listens. */
  int port() {
    var runner = main.runner();
    return runner == null ? -1 : runner.managementPort();
  }

  /** The exit code, once the agent has exited. */
  CompletableFuture<Integer> exit() {
    return exit;
  }

  double metric(String nameAndLabels) {
    return StatusAddonEnvironment.metric(port(), nameAndLabels);
  }

  @Override
  public void close() {
    var runner = main.runner();
    if (runner != null) {
      runner.requestStop();
    }
    try {
      exit.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the agent did not stop", e);
    }
  }

  static Duration timeout() {
    return StatusAddonEnvironment.TIMEOUT;
  }
}
