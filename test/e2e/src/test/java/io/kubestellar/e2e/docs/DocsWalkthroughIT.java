/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's demo command and every walkthrough in {@code docs/}, run as a reader runs them:
 * {@code hack/demo.sh} (in its own run directory) must end with the summary showing the Deployment
 * Available in each production cluster and a CombinedStatus row per cluster; then every {@code
 * ```bash} block of {@code docs/getting-started.md} and of each {@code docs/guides/*.md}, in order,
 * with {@code bash -euo pipefail} from the repository root, must exit 0 and print each {@code #
 * expect:} text. {@code hack/demo.sh down} must stop every process it started.
 */
class DocsWalkthroughIT {

  private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(6);

  private static Path repo;
  private static Path runDir;
  private static Map<String, String> environment;

  @BeforeAll
  static void runTheDemo() throws IOException {
    repo = ComponentJars.fromWorkingDirectory().repoRoot();
    runDir = Path.of("target", "docs-walkthrough").toAbsolutePath();
    var tools = ToolPaths.fromEnvironment();
    environment = new HashMap<>();
    environment.put("DEMO_RUN_DIR", runDir.toString());
    environment.put("DEMO_SKIP_BUILD", "1");
    environment.put("KUBECONFIG", runDir.resolve("kubeconfig").toString());
    var kubectlDir = tools.kubectl().toAbsolutePath().getParent();
    // hack/install-plugin.sh links the kubectl plugin here instead of the reader's ~/.local/bin.
    var pluginDir = runDir.resolve("bin");
    environment.put("KUBESTELLAR_PLUGIN_DIR", pluginDir.toString());
    environment.put(
        "PATH",
        pluginDir
            + ":"
            + tools.cache().resolve("bin")
            + (kubectlDir == null ? "" : ":" + kubectlDir)
            + ":"
            + System.getenv("PATH"));
    if (Files.exists(runDir.resolve("state.json"))) {
      run(List.of("hack/demo.sh", "down"), DEMO_TIMEOUT);
    }

    var demo = run(List.of("hack/demo.sh"), DEMO_TIMEOUT);
    assertThat(demo.exitCode()).as("hack/demo.sh exit code; output:%n%s", demo.output()).isZero();
    for (var cluster : List.of("cluster1", "cluster2")) {
      assertThat(demo.output())
          .containsPattern(cluster + "\\s+Deployment\\s+myapp/myapp\\s+Available=True, 2/2 ready")
          .containsPattern("\\n\\s+" + cluster + "\\s+True\\s+2\\s+2\\s*\\n")
          .contains("Stop everything: hack/demo.sh down");
    }
  }

  @AfterAll
  static void stopTheDemo() {
    if (runDir == null) {
      return;
    }
    var down = run(List.of("hack/demo.sh", "down"), DEMO_TIMEOUT);
    assertThat(down.exitCode()).as(down.output()).isZero();
    var left =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains(runDir.toString()))
            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
            .toList();
    assertThat(left).as("processes left after hack/demo.sh down").isEmpty();
  }

  @TestFactory
  Stream<DynamicContainer> everyWalkthroughRunsOnTheDemo() throws IOException {
    var pages = new ArrayList<Path>();
    pages.add(repo.resolve("docs/getting-started.md"));
    try (var guides = Files.list(repo.resolve("docs/guides"))) {
      guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages.stream()
        .map(Walkthrough::parse)
        .map(
            walkthrough ->
                DynamicContainer.dynamicContainer(
                    repo.relativize(walkthrough.page()).toString(),
                    Stream.concat(
                        Stream.of(
                            DynamicTest.dynamicTest(
                                "has steps",
                                () ->
                                    assertThat(walkthrough.steps())
                                        .as("```bash blocks in " + walkthrough.page())
                                        .isNotEmpty())),
                        walkthrough.steps().stream()
                            .map(
                                step ->
                                    DynamicTest.dynamicTest(
                                        "block at line " + step.line(),
                                        () -> runStep(walkthrough.page(), step))))));
  }

  private static void runStep(Path page, Walkthrough.Step step) {
    var result = run(List.of("bash", "-euo", "pipefail", "-c", step.script()), STEP_TIMEOUT);
    var where = repo.relativize(page) + ":" + step.line();
    assertThat(result.exitCode())
        .as(
            "%s exited %d; script:%n%s%noutput:%n%s",
            where, result.exitCode(), step.script(), result.output())
        .isZero();
    for (var expected : step.expects()) {
      assertThat(result.output())
          .as("%s output should contain '%s'; output:%n%s", where, expected, result.output())
          .contains(expected);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Duration timeout) {
    try {
      var log = Files.createTempFile("walkthrough", ".log");
      try {
        var builder =
            new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        var process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          return new Result(
              -1,
              "timed out after " + timeout + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
