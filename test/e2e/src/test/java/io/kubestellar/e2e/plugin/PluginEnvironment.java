/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.e2e.chart.ExternalCommand;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.DemoComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kubectl;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ServiceAccountKubeconfigs;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local environment with every component under its chart RBAC, plus one read-only identity per
 * space for the plugin (the role it ships), gathered in one kubeconfig list.
 */
final class PluginEnvironment implements AutoCloseable {

  static final Path REPO = ComponentJars.fromWorkingDirectory().repoRoot();
  static final Path READ_ONLY_ROLE = REPO.resolve("kubectl-plugin/rbac/read-only.yaml");
  static final Path LAUNCHER = REPO.resolve("kubectl-plugin/bin/kubectl-kubestellar");
  static final List<String> WECS = List.of("cluster1", "cluster2");

  final LocalEnvironment env;
  final Kubectl kubectl;
  final String readOnlyKubeconfig;

  private PluginEnvironment(LocalEnvironment env, String readOnlyKubeconfig) {
    this.env = env;
    this.kubectl = Kubectl.of(env);
    this.readOnlyKubeconfig = readOnlyKubeconfig;
  }

  static PluginEnvironment start(String dir) {
    var wecs = new ArrayList<WecSpec>();
    for (var wec : WECS) {
      wecs.add(WecSpec.withDefaultLabels(wec, Map.of("environment", "production")));
    }
    var env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(Path.of("target", dir).toAbsolutePath()).withWecs(wecs),
            ToolPaths.fromEnvironment());
    try {
      var components = new DemoComponents(env, ComponentJars.fromWorkingDirectory());
      components.installItsCrds();
      components.startAll();
      components.awaitReady();
      var accounts = new ServiceAccountKubeconfigs(env);
      var spaces = new ArrayList<String>(List.of("wds1", "its1"));
      spaces.addAll(WECS);
      var kubeconfigs =
          spaces.stream()
              .map(s -> accounts.create(s, "kubestellar-plugin", "reader", List.of(READ_ONLY_ROLE)))
              .map(Path::toString)
              .collect(Collectors.joining(":"));
      return new PluginEnvironment(env, kubeconfigs);
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  /** Runs {@code kubectl-kubestellar args...} with the read-only identities. */
  ExternalCommand plugin(String... args) {
    var command =
        new ArrayList<String>(List.of(LAUNCHER.toString(), "--kubeconfig", readOnlyKubeconfig));
    command.addAll(List.of(args));
    return ExternalCommand.run(Duration.ofSeconds(120), command);
  }

  /** The launcher command that serves the console on {@code port}. */
  List<String> consoleCommand(int port) {
    return List.of(
        LAUNCHER.toString(),
        "console",
        "--kubeconfig",
        readOnlyKubeconfig,
        "--port",
        Integer.toString(port));
  }

  String example(String file) {
    return REPO.resolve("examples/answers-at-a-glance").resolve(file).toString();
  }

  /** A WEC-side edit: sets {@code data.mode} of ConfigMap shop/settings in the WEC. */
  void setShopMode(String wec, String mode) {
    kubectl.run(
        wec,
        "-n",
        "shop",
        "patch",
        "configmap",
        "settings",
        "--type",
        "merge",
        "-p",
        "{\"data\":{\"mode\":\"" + mode + "\"}}");
  }

  /** Whether the object of a {@code where -o json} row exists in the WEC (read as admin). */
  boolean existsInWec(String wec, JsonNode row) {
    var group = row.path("group").asText();
    var namespace = row.path("namespace").asText();
    var context =
        new ResourceDefinitionContext.Builder()
            .withGroup(group)
            .withVersion(row.path("version").asText())
            .withPlural(row.path("resource").asText())
            .withNamespaced(!namespace.isEmpty())
            .build();
    var resources = env.client(wec).genericKubernetesResources(context);
    var name = row.path("name").asText();
    return (namespace.isEmpty()
            ? resources.withName(name).get()
            : resources.inNamespace(namespace).withName(name).get())
        != null;
  }

  @Override
  public void close() {
    env.close();
  }
}
