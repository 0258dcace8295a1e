/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three KubeStellar components of one WDS run on a {@link LocalEnvironment} exactly as the
 * charts run them in pods: each its own JVM process, each reaching each space with a ServiceAccount
 * token that holds only the rights of {@code config/rbac/<component>/<space>-*.yaml} (never an
 * administrator). Used by the demo ({@code local-env demo}) and by the end-to-end tests.
 *
 * <p>Identities follow the charts: in the WDS and the ITS, ServiceAccounts {@code
 * <wds>-controller-manager} and {@code <wds>-transport-controller} in namespace {@value
 * #NAMESPACE}, which also holds their Leases; per WEC, {@code status-addon} in the WEC's namespace
 * of the ITS and {@code status-addon} in {@value #ADDON_NAMESPACE} of the WEC.
 */
public final class DemoComponents {

  /** Namespace of the controllers' ServiceAccounts and Leases in the WDS and the ITS. */
  public static final String NAMESPACE = "kubestellar";

  /** Namespace of the status add-on's ServiceAccount in each WEC, as its chart installs it. */
  public static final String ADDON_NAMESPACE = "open-cluster-management-agent-addon";

  /** How long a component may take to answer {@code /readyz}. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final LocalEnvironment env;
  private final ComponentJars jars;
  private final ServiceAccountKubeconfigs kubeconfigs;
  private final Path rbacDir;
  private final FreePorts ports = new FreePorts();
  private final Map<String, Path> stagedJars = new LinkedHashMap<>();
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final List<String> commonArgs;

  /** A started component: its process, the management port and the command that started it. */
  public record Running(String name, ManagedProcess process, int managementPort) {

    /** A URL on the component's management port, e.g. {@code url("/metrics")}. */
    public String url(String path) {
      return "http://127.0.0.1:" + managementPort + path;
    }
  }

  public DemoComponents(LocalEnvironment env, ComponentJars jars) {
    this(env, jars, List.of());
  }

  /**
   * Components that all get {@code commonArgs} after their own arguments, for example {@code
   * --log-level DEBUG}.
   */
  public DemoComponents(LocalEnvironment env, ComponentJars jars, List<String> commonArgs) {
    this.env = env;
    this.jars = jars;
    this.commonArgs = List.copyOf(commonArgs);
    this.kubeconfigs = new ServiceAccountKubeconfigs(env);
    this.rbacDir = jars.repoRoot().resolve("config").resolve("rbac");
  }

  /**
   * The chart's RBAC files of a component for one space ({@code wds}, {@code its}, {@code wec}).
   */
  public List<Path> rbac(String component, String space) {
    return ServiceAccountKubeconfigs.rbacFiles(rbacDir, component, space);
  }

  /**
   * Installs what the charts put into the spaces before any component starts: the WorkStatus CRD in
   * the ITS (chart {@code kubestellar-its}). The controller-manager installs the WDS CRDs itself.
   */
  public void installItsCrds() {
    var file = jars.repoRoot().resolve("config/crd/control.kubestellar.io_workstatuses.yaml");
    var its = env.client(env.spec().itsName());
    try (InputStream in = Files.newInputStream(file)) {
      var crd = its.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      its.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Starts the controller-manager (binding and status controllers) under its chart RBAC. */
  public Running startControllerManager() {
    return startController(
        "controller-manager", rbac("controller-manager", "wds"), rbac("controller-manager", "its"));
  }

  /** Starts the transport controller under its chart RBAC. */
  public Running startTransportController() {
    return startTransportController(
        "transport-controller",
        rbac("transport-controller", "wds"),
        rbac("transport-controller", "its"));
  }

  /**
   * Starts a transport controller with the given rights; with other files than the chart's, use a
   * distinct {@code name}: it also names the ServiceAccount, so identities do not mix.
   */
  public Running startTransportController(String name, List<Path> wdsRbac, List<Path> itsRbac) {
    return startController(name, wdsRbac, itsRbac);
  }

  /** Starts the status add-on agent of one WEC under its chart RBAC. */
  public Running startStatusAddon(String wec) {
    var its = env.spec().itsName();
    var itsKubeconfig = kubeconfigs.create(its, wec, "status-addon", rbac("status-addon", "its"));
    var wecKubeconfig =
        kubeconfigs.create(wec, ADDON_NAMESPACE, "status-addon", rbac("status-addon", "wec"));
    return start(
        "status-addon-" + wec,
        "status-addon",
        List.of(
            "--cluster-name", wec,
            "--wec-kubeconfig", wecKubeconfig.toString(),
            "--its-kubeconfig", itsKubeconfig.toString()));
  }

  /**
   * Starts all three: the controller-manager (and waits until it is ready, which means the WDS CRDs
   * are installed), then the transport controller and a status add-on per WEC.
   */
  public List<Running> startAll() {
    var started = new ArrayList<Running>();
    started.add(startControllerManager());
    // The transport's informers need the CRDs the controller-manager installs at startup.
    awaitReady(started.get(0));
    started.add(startTransportController());
    for (var wec : env.spec().wecs()) {
      started.add(startStatusAddon(wec.name()));
    }
    return started;
  }

  private Running startController(String name, List<Path> wdsRbac, List<Path> itsRbac) {
    var wds = env.spec().wdsName();
    var serviceAccount = wds + "-" + name;
    var wdsKubeconfig = kubeconfigs.create(wds, NAMESPACE, serviceAccount, wdsRbac);
    var itsKubeconfig =
        kubeconfigs.create(env.spec().itsName(), NAMESPACE, serviceAccount, itsRbac);
    var module =
        name.startsWith("controller-manager") ? "controller-manager" : "transport-controller";
    return start(
        name,
        module,
        List.of(
            "--wds-name",
            wds,
            "--wds-kubeconfig",
            wdsKubeconfig.toString(),
            "--its-kubeconfig",
            itsKubeconfig.toString(),
            // The Lease lives where the ServiceAccount's Role allows it (docs/installation.md).
            "--leader-election-namespace",
            NAMESPACE));
  }

  private Running start(String name, String module, List<String> args) {
    int port = ports.next();
    var command = new ArrayList<String>();
    command.addAll(List.of("--management-address", "127.0.0.1:" + port));
    command.addAll(args);
    command.addAll(commonArgs);
    var process = env.startComponent(name, staged(module), command);
    var component = new Running(name, process, port);
    running.put(name, component);
    return component;
  }

  /**
   * A fresh copy of the module's runnable jar in the run directory, made once per instance: a
   * running JVM loads classes lazily from its jar, so a rebuild in the checkout must not replace it
   * underneath.
   */
  private Path staged(String module) {
    return stagedJars.computeIfAbsent(
        module,
        m -> {
          var copy = env.spec().runDir().toAbsolutePath().resolve("jars").resolve(m + ".jar");
          try {
            Files.createDirectories(copy.getParent());
            var partial = copy.resolveSibling(m + ".jar.partial");
            Files.copy(jars.jar(m), partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the " + m + " jar to " + copy, e);
          }
          return copy;
        });
  }

  /** Waits until every started component answers {@code /readyz} with 200. */
  public void awaitReady() {
    running.values().forEach(this::awaitReady);
  }

  /** Waits until one component answers {@code /readyz} with 200; fails if it exits. */
  public void awaitReady(Running component) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Readiness.await(
        component.name() + " /readyz",
        READY_TIMEOUT,
        () -> Readiness.answersOk(http, component.url("/readyz"), null),
        component.process());
  }

  /** The components started so far, by name. */
  public Map<String, Running> running() {
    return Map.copyOf(running);
  }
}
