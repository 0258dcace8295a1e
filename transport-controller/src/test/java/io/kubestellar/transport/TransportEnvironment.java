/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.ClusterScopeDownsyncClause;
import io.kubestellar.api.control.v1alpha1.Destination;
import io.kubestellar.api.control.v1alpha1.DownsyncObjectClauses;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.transport.reconciler.binding.ManifestWorks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ThrowingRunnable;

/**
 * The local environment with the KubeStellar CRDs installed and a transport controller in-process.
 */
final class TransportEnvironment implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(120);

  final LocalEnvironment env;
  private Main main;
  private CompletableFuture<Integer> exit;

  TransportEnvironment(String runDirName) {
    this(runDirName, true);
  }

  /**
   * @param withCrds whether to install the KubeStellar CRDs into the WDS now (otherwise the test
   *     does, with {@link #installCrds})
   */
  TransportEnvironment(String runDirName, boolean withCrds) {
    var runDir = Path.of("target", runDirName).toAbsolutePath();
    env = LocalEnvironment.start(EnvironmentSpec.defaults(runDir));
    if (withCrds) {
      installCrds(env.client("wds1"));
    }
  }

  static void installCrds(KubernetesClient wds) {
    Crds.installInWds(wds);
  }

  /** Starts the transport controller in this JVM with the given extra flags; waits until ready. */
  void startTransport(String... extraArgs) {
    launchTransport(extraArgs);
    await("transport controller ready")
        .atMost(TIMEOUT)
        .until(() -> controller() != null && controller().isReady());
  }

  /**
   * Starts the transport controller in this JVM with the given extra flags; waits only until its
   * management port is bound.
   */
  void launchTransport(String... extraArgs) {
    var args = args("--leader-elect=false");
    args.addAll(List.of(extraArgs));
    main = new Main();
    var line = main.commandLine();
    exit = CompletableFuture.supplyAsync(() -> line.execute(args.toArray(String[]::new)));
    await("transport controller management port")
        .atMost(TIMEOUT)
        .until(() -> main.runner() != null && main.runner().managementPort() > 0);
  }

  /** The flags every in-process transport of this environment gets, then {@code more}. */
  List<String> args(String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "--wds-name",
                "wds1",
                "--wds-kubeconfig",
                env.kubeconfig().toString(),
                "--wds-context",
                "wds1",
                "--its-kubeconfig",
                env.kubeconfig().toString(),
                "--its-context",
                "its1",
                "--management-address",
                "127.0.0.1:0"));
    args.addAll(List.of(more));
    return args;
  }

  /** A further transport replica in this JVM, competing for the Lease {@code lease}. */
  Replica launchReplica(String lease) {
    var replica = new Main();
    var args = args("--leader-elect", "--leader-election-id", lease);
    var exited =
        CompletableFuture.supplyAsync(
            () -> replica.commandLine().execute(args.toArray(String[]::new)));
    await("replica started")
        .atMost(TIMEOUT)
        .until(() -> replica.controller() != null && replica.controller().isReady());
    return new Replica(replica, exited);
  }

  /** A transport replica started by {@link #launchReplica}. */
  record Replica(Main main, CompletableFuture<Integer> exited) {
    TransportController controller() {
      return main.controller();
    }

    /** Stops it as Kubernetes does (SIGTERM): graceful, bounded. */
    void stop() {
      main.runner().requestStop();
      exited.join();
    }
  }

  /** The bound management port of the running transport controller. */
  int managementPort() {
    return main.runner().managementPort();
  }

  TransportController controller() {
    return main == null ? null : main.controller();
  }

  void stopTransport() {
    if (main != null && main.runner() != null) {
      main.runner().requestStop();
      exit.join();
    }
    main = null;
  }

  KubernetesClient wds() {
    return env.client("wds1");
  }

  KubernetesClient its() {
    return env.client("its1");
  }

  KubernetesClient wec(String name) {
    return env.client(name);
  }

  List<GenericKubernetesResource> worksOf(String binding) {
    return its()
        .genericKubernetesResources(ManifestWorks.CONTEXT)
        .inAnyNamespace()
        .withLabel("transport.kubestellar.io/originOwnerReferenceBindingKey", binding)
        .list()
        .getItems();
  }

  /** A Binding listing the given objects (each read at its current resourceVersion). */
  Binding binding(
      String name,
      List<? extends HasMetadata> objects,
      List<String> createOnly,
      String... clusters) {
    var clusterScope = new ArrayList<ClusterScopeDownsyncClause>();
    var namespaceScope = new ArrayList<NamespaceScopeDownsyncClause>();
    for (var object : objects) {
      var apiVersion = object.getApiVersion();
      int slash = apiVersion.indexOf('/');
      var group = slash < 0 ? "" : apiVersion.substring(0, slash);
      var version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
      var resource = HasMetadata.getPlural(object.getClass());
      if (object instanceof GenericKubernetesResource) {
        resource = object.getKind().toLowerCase() + "s";
      }
      var objectName = object.getMetadata().getName();
      var namespace = object.getMetadata().getNamespace();
      var resourceVersion = object.getMetadata().getResourceVersion();
      // null rather than false when not createOnly, so that the field is left out.
      Boolean once = createOnly.contains(objectName) ? true : null;
      if (namespace == null || namespace.isEmpty()) {
        clusterScope.add(
            new ClusterScopeDownsyncClause(
                group, version, resource, objectName, resourceVersion, once, null, null, null));
      } else {
        namespaceScope.add(
            new NamespaceScopeDownsyncClause(
                group,
                version,
                resource,
                namespace,
                objectName,
                resourceVersion,
                once,
                null,
                null,
                null));
      }
    }
    var destinations = new ArrayList<Destination>();
    for (var cluster : clusters) {
      destinations.add(new Destination(cluster));
    }
    return new Binding(
        name,
        new BindingSpec(new DownsyncObjectClauses(clusterScope, namespaceScope), destinations));
  }

  @Override
  public void close() {
    stopTransport();
    env.close();
  }

  /** Waits up to {@link #TIMEOUT} until {@code assertions} pass; {@code what} names the wait. */
  static void eventually(String what, ThrowingRunnable assertions) {
    await(what).atMost(TIMEOUT).untilAsserted(assertions);
  }
}
