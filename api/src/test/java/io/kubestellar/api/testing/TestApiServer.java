/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Helpers for tests that talk to the API server started by {@code @EnableKubeAPIServer}. */
public final class TestApiServer {

  private TestApiServer() {}

  /** A client for the kubeconfig that kube-api-test injected. */
  public static KubernetesClient client(String kubeConfigYaml) {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeConfigYaml)).build();
  }

  /** Creates (or replaces) the CRDs and waits until each is Established. */
  public static void installCrds(KubernetesClient client, List<CustomResourceDefinition> crds) {
    for (var crd : crds) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    }
    for (var crd : crds) {
      Awaitility.await("CRD " + crd.getMetadata().getName() + " established")
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                var live =
                    client
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(crd.getMetadata().getName())
                        .get();
                return live != null
                    && live.getStatus() != null
                    && live.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
              });
    }
  }

  /** Reads a CRD from the test class path. */
  public static CustomResourceDefinition crdFromClasspath(
      KubernetesClient client, String resource) {
    try (InputStream in = TestApiServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource + " on the class path");
      }
      return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a CRD file. */
  public static CustomResourceDefinition crdFromFile(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of running kubectl. */
  public record CommandResult(int exitCode, String stdout, String stderr) {}

  /** Runs kubectl (the system's, else the one beside kube-apiserver) against a kubeconfig file. */
  public static CommandResult kubectl(Path kubeconfig, String... args) {
    var system = Path.of("/usr/bin/kubectl");
    var kubectl =
        Files.isExecutable(system) ? system : KubeApiServerBinaries.binaryDir().resolve("kubectl");
    var command = new ArrayList<String>();
    command.add(kubectl.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    try {
      var out = Files.createTempFile("kubectl", ".out");
      var err = Files.createTempFile("kubectl", ".err");
      var process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl did not finish in 60s: " + command);
      }
      var result =
          new CommandResult(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
