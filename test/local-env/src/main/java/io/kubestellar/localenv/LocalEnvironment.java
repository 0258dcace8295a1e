/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local multi-cluster environment of real processes on loopback: one etcd; API servers for the
 * WDS, the ITS and each WEC; kube-controller-manager for every space; kube-scheduler, kwok and a
 * fake node per WEC so workloads become Available; the OCM work agent per WEC with the ITS as its
 * hub. Tests, benchmarks and the demo all start it through this class.
 */
public final class LocalEnvironment implements AutoCloseable {

  /** ITS namespace holding one property ConfigMap per WEC. */
  public static final String CUSTOMIZATION_PROPERTIES_NAMESPACE = "customization-properties";

  /** WEC namespace the OCM work agent uses. */
  public static final String WORK_AGENT_NAMESPACE = "open-cluster-management-agent";

  /** Annotation that hands a node to kwok. */
  static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  private static final Logger LOG = LoggerFactory.getLogger(LocalEnvironment.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final List<String> SPACE_CONTROLLERS =
      List.of(
          "garbage-collector-controller",
          "namespace-controller",
          "serviceaccount-controller",
          "serviceaccount-token-controller",
          "root-ca-certificate-publisher-controller");

  private final EnvironmentSpec spec;
  private final ToolPaths tools;
  private final FreePorts ports = new FreePorts();
  private final String adminToken = UUID.randomUUID().toString();
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final List<AutoCloseable> attached = new ArrayList<>();
  private final Map<String, ApiServer> apiServers = new LinkedHashMap<>();
  private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();
  private final Instant createdAt = Instant.now();
  private Duration startupTime;
  private Thread shutdownHook;

  /** An API server of one space. */
  private record ApiServer(String space, int port, Path dir, ManagedProcess process) {
    String url() {
      return "https://127.0.0.1:" + port;
    }

    String caPem() {
      try {
        return Pem.selfSignedCertificate(
            Files.readString(dir.resolve("certs").resolve("apiserver.crt")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private LocalEnvironment(EnvironmentSpec spec, ToolPaths tools) {
    this.spec = spec;
    this.tools = tools;
  }

  /** {@link #start(EnvironmentSpec, ToolPaths)} with the tools the environment names. */
  public static LocalEnvironment start(EnvironmentSpec spec) {
    return start(spec, ToolPaths.fromEnvironment());
  }

  /** Starts the whole environment and returns once every part is really ready. */
  public static LocalEnvironment start(EnvironmentSpec spec, ToolPaths tools) {
    tools.requireAll();
    var env = new LocalEnvironment(spec, tools);
    if (!spec.detached()) {
      env.shutdownHook = new Thread(env::stopAll, "local-env-shutdown");
      Runtime.getRuntime().addShutdownHook(env.shutdownHook);
    }
    try {
      env.boot();
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
    return env;
  }

  private void boot() {
    var began = Instant.now();
    var run = spec.runDir().toAbsolutePath();
    try {
      // A new environment starts empty: remove what an earlier one left (only our own entries).
      for (var leftover :
          List.of("etcd", "spaces", "logs", "kubeconfig", "sa.key", "sa.pub", "tokens.csv")) {
        deleteTree(run.resolve(leftover));
      }
      Files.createDirectories(run.resolve("logs"));
      var keys = Pem.newRsaKeyPair();
      Files.writeString(run.resolve("sa.key"), Pem.privateKey(keys));
      Files.writeString(run.resolve("sa.pub"), Pem.publicKey(keys));
      Files.writeString(
          run.resolve("tokens.csv"), adminToken + ",local-admin,local-admin,\"system:masters\"\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + run + ": " + e.getMessage(), e);
    }

    progress("starting etcd");
    int etcdPort = ports.next();
    var etcd = startEtcd(run, etcdPort);

    var spaces = new ArrayList<String>();
    spaces.add(spec.wdsName());
    spaces.add(spec.itsName());
    spec.wecs().forEach(w -> spaces.add(w.name()));
    progress("starting API servers for " + String.join(", ", spaces));
    for (var space : spaces) {
      apiServers.put(space, startApiServer(run, space, etcdPort));
    }
    for (var server : apiServers.values()) {
      awaitApiServer(server);
    }
    writeKubeconfigs(run);
    progress("API servers ready; installing OCM CRDs and inventory");

    installCrd(spec.itsName(), tools.ocmCrd("_manifestworks.crd.yaml"));
    installCrd(spec.itsName(), tools.ocmCrd("_managedclusters.crd.yaml"));
    installCrd(spec.itsName(), tools.ocmCrd("_managedclusteraddons.crd.yaml"));
    installCrd(spec.itsName(), tools.ocmCrd("_clustermanagementaddons.crd.yaml"));
    for (var wec : spec.wecs()) {
      installCrd(wec.name(), tools.ocmCrd("_appliedmanifestworks.crd.yaml"));
    }
    var its = client(spec.itsName());
    SpaceObjects.namespace(its, CUSTOMIZATION_PROPERTIES_NAMESPACE);
    for (var wec : spec.wecs()) {
      SpaceObjects.namespace(its, wec.name());
      SpaceObjects.managedCluster(its, wec.name(), wec.labels());
      SpaceObjects.namespace(client(wec.name()), WORK_AGENT_NAMESPACE);
    }

    progress("starting controller managers, schedulers, kwok and OCM work agents");
    startControllerManager(run, spec.wdsName(), String.join(",", SPACE_CONTROLLERS));
    startControllerManager(run, spec.itsName(), String.join(",", SPACE_CONTROLLERS));
    for (var wec : spec.wecs()) {
      startControllerManager(run, wec.name(), "*");
      startScheduler(wec.name());
      createFakeNode(wec.name());
      startKwok(wec.name());
      startWorkAgent(run, wec.name());
    }

    for (var space : spaces) {
      awaitDefaultServiceAccount(space);
    }
    for (var wec : spec.wecs()) {
      awaitNodeReady(wec.name());
    }
    progress("probing each OCM work agent with a ManifestWork");
    for (var wec : spec.wecs()) {
      probeWorkAgent(wec.name());
    }
    startupTime = Duration.between(began, Instant.now());
    progress("environment ready in " + startupTime.toSeconds() + "s; kubeconfig " + kubeconfig());
    LOG.debug("etcd {}", etcd);
  }

  private void progress(String message) {
    LOG.info("local-env: {}", message);
  }

  // ---- processes ----------------------------------------------------------------------------

  private ManagedProcess launch(String name, List<String> command) {
    var process =
        new ManagedProcess(
            name,
            command,
            spec.runDir().toAbsolutePath().resolve("logs").resolve(name + ".log"),
            spec.detached());
    process.start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  private ManagedProcess startEtcd(Path run, int clientPort) {
    int peerPort = ports.next();
    var process =
        launch(
            "etcd",
            List.of(
                tools.binary("etcd").toString(),
                "--name=default",
                "--data-dir=" + run.resolve("etcd"),
                "--listen-client-urls=http://127.0.0.1:" + clientPort,
                "--advertise-client-urls=http://127.0.0.1:" + clientPort,
                "--listen-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-cluster=default=http://127.0.0.1:" + peerPort,
                "--listen-metrics-urls=http://127.0.0.1:" + ports.next(),
                "--unsafe-no-fsync",
                "--quota-backend-bytes=4294967296",
                "--log-level=warn"));
    var http = Readiness.plain();
    Readiness.await(
        "etcd health",
        START_TIMEOUT,
        () -> Readiness.answersOk(http, "http://127.0.0.1:" + clientPort + "/health", null),
        process);
    return process;
  }

  private ApiServer startApiServer(Path run, String space, int etcdPort) {
    var dir = run.resolve("spaces").resolve(space);
    try {
      Files.createDirectories(dir.resolve("certs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = ports.next();
    var process =
        launch(
            "apiserver-" + space,
            List.of(
                tools.binary("kube-apiserver").toString(),
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--etcd-prefix=/registry-" + space,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + port,
                "--cert-dir=" + dir.resolve("certs"),
                "--authorization-mode=RBAC",
                "--token-auth-file=" + run.resolve("tokens.csv"),
                // A distinct issuer per space: a token from one space is not valid in another.
                "--service-account-issuer=https://" + space + ".local-env.kubestellar.invalid",
                "--service-account-key-file=" + run.resolve("sa.pub"),
                "--service-account-signing-key-file=" + run.resolve("sa.key"),
                "--service-cluster-ip-range=10.96.0.0/16",
                "--allow-privileged=true",
                "--enable-priority-and-fairness=false",
                "--endpoint-reconciler-type=none",
                "--profiling=false",
                "--v=0"));
    return new ApiServer(space, port, dir, process);
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private void awaitApiServer(ApiServer server) {
    var cert = server.dir().resolve("certs").resolve("apiserver.crt");
    Readiness.await(
        "serving certificate of " + server.space(),
        START_TIMEOUT,
        // The API server writes the file in more than one step: wait for the whole bundle.
        () -> Files.exists(cert) && Pem.hasSelfSignedCertificate(readOrEmpty(cert)),
        server.process());
    var http = Readiness.trusting(server.caPem());
    Readiness.await(
        "API server " + server.space() + " /readyz",
        START_TIMEOUT,
        () -> Readiness.answersOk(http, server.url() + "/readyz", adminToken),
        server.process());
  }

  /** Launches one of the tools as {@code <name>-<space>}, reaching the space as administrator. */
  private void launchFor(String space, String name, String binary, String... args) {
    var command = new ArrayList<String>();
    command.add(tools.binary(binary).toString());
    command.add("--kubeconfig=" + kubeconfig(space));
    command.addAll(List.of(args));
    launch(name + "-" + space, command);
  }

  private void startControllerManager(Path run, String space, String controllers) {
    launchFor(
        space,
        "kcm",
        "kube-controller-manager",
        "--leader-elect=false",
        "--use-service-account-credentials=false",
        "--root-ca-file=" + spaceDir(space).resolve("ca.crt"),
        "--service-account-private-key-file=" + run.resolve("sa.key"),
        "--secure-port=0",
        "--controllers=" + controllers,
        "--concurrent-deployment-syncs=10",
        "--v=0");
  }

  private void startScheduler(String wec) {
    launchFor(
        wec, "scheduler", "kube-scheduler", "--leader-elect=false", "--secure-port=0", "--v=0");
  }

  private void startKwok(String wec) {
    launchFor(
        wec,
        "kwok",
        "kwok",
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + KWOK_NODE_ANNOTATION + "=fake",
        "--server-address=127.0.0.1:" + ports.next(),
        "--cidr=10.244.0.0/16",
        "--node-ip=127.0.0.1",
        // Heartbeat through a node Lease, as kubelets do. Without it kwok posts node status
        // about once a minute, beyond the node monitor grace period (50 s): the node lifecycle
        // controller then marks every pod NotReady, and kwok never makes them Ready again.
        "--node-lease-duration-seconds=40");
  }

  private void startWorkAgent(Path run, String wec) {
    launch(
        "work-agent-" + wec,
        List.of(
            tools.binary("work").toString(),
            "agent",
            "--spoke-cluster-name=" + wec,
            "--kubeconfig=" + kubeconfig(wec),
            "--workload-source-driver=kube",
            "--workload-source-config=" + kubeconfig(spec.itsName()),
            "--disable-leader-election",
            "--namespace=" + WORK_AGENT_NAMESPACE,
            "--listen=127.0.0.1:" + ports.next(),
            "--status-sync-interval=2s"));
  }

  // ---- configuration of the spaces ------------------------------------------------------------

  private Path spaceDir(String space) {
    return spec.runDir().toAbsolutePath().resolve("spaces").resolve(space);
  }

  private void writeKubeconfigs(Path run) {
    var entries = new ArrayList<Kubeconfigs.Entry>();
    for (var server : apiServers.values()) {
      var entry = new Kubeconfigs.Entry(server.space(), server.url(), server.caPem(), adminToken);
      entries.add(entry);
      write(spaceDir(server.space()).resolve("ca.crt"), server.caPem());
      write(kubeconfig(server.space()), Kubeconfigs.render(List.of(entry)));
    }
    write(kubeconfig(), Kubeconfigs.render(entries));
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void installCrd(String space, Path file) {
    var client = client(space);
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(file)) {
      crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    crd.getMetadata().setAnnotations(null);
    client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    Readiness.await(
        "CRD " + crd.getMetadata().getName() + " established in " + space,
        START_TIMEOUT,
        () -> Crds.established(client, crd.getMetadata().getName()),
        null);
  }

  /** Name of the fake node kwok runs for a WEC. */
  public static String nodeName(String wec) {
    return "kwok-" + wec;
  }

  private void createFakeNode(String wec) {
    var capacity =
        Map.of(
            "cpu",
            new Quantity("32"),
            "memory",
            new Quantity("256Gi"),
            "pods",
            new Quantity("250"));
    var node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(nodeName(wec))
            .addToAnnotations(KWOK_NODE_ANNOTATION, "fake")
            .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
            .addToLabels("kubernetes.io/hostname", nodeName(wec))
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("kubernetes.io/arch", "amd64")
            .addToLabels("type", "kwok")
            .endMetadata()
            .withNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .endStatus()
            .build();
    client(wec).nodes().resource(node).serverSideApply();
  }

  /** Recreates a WEC's fake node after a test deleted it. */
  public void restoreFakeNode(String wec) {
    createFakeNode(wec);
    awaitNodeReady(wec);
  }

  private void awaitDefaultServiceAccount(String space) {
    var client = client(space);
    Readiness.await(
        "controller manager of " + space + " (default ServiceAccount)",
        START_TIMEOUT,
        () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null,
        process("kcm-" + space));
  }

  private void awaitNodeReady(String wec) {
    var client = client(wec);
    Readiness.await(
        "kwok node of " + wec + " Ready",
        START_TIMEOUT,
        () -> {
          var node = client.nodes().withName(nodeName(wec)).get();
          return node != null
              && node.getStatus() != null
              && node.getStatus().getConditions().stream()
                  .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        },
        process("kwok-" + wec));
  }

  /** Applies a ConfigMap through a ManifestWork and removes it again: the agent really works. */
  private void probeWorkAgent(String wec) {
    var its = client(spec.itsName());
    var works = its.genericKubernetesResources(Kinds.MANIFEST_WORKS).inNamespace(wec);
    var name = "local-env-probe";
    var configMap =
        SpaceObjects.configMapManifest(WORK_AGENT_NAMESPACE, name, Map.of("probe", "true"));
    var work = SpaceObjects.manifestWork(wec, name, Map.of(), List.of(configMap));
    works.resource(work).serverSideApply();
    var agent = process("work-agent-" + wec);
    Readiness.await(
        "OCM work agent of " + wec + " to apply a probe ManifestWork",
        START_TIMEOUT,
        () ->
            client(wec).configMaps().inNamespace(WORK_AGENT_NAMESPACE).withName(name).get() != null,
        agent);
    works.withName(name).delete();
    Readiness.await(
        "OCM work agent of " + wec + " to remove the probe ManifestWork",
        START_TIMEOUT,
        () -> works.withName(name).get() == null,
        agent);
  }

  // ---- public API -----------------------------------------------------------------------------

  /** The environment's shape. */
  public EnvironmentSpec spec() {
    return spec;
  }

  /** One kubeconfig with a context per space ({@code wds1}, {@code its1}, {@code cluster1}…). */
  public Path kubeconfig() {
    return spec.runDir().toAbsolutePath().resolve("kubeconfig");
  }

  /** A kubeconfig holding only the given space, as its current context. */
  public Path kubeconfig(String space) {
    return spaceDir(space).resolve("kubeconfig");
  }

  /** The names of every space: WDS, ITS, then the WECs. */
  public List<String> spaces() {
    return List.copyOf(apiServers.keySet());
  }

  /** The URL of a space's API server. */
  public String serverUrl(String space) {
    return apiServer(space).url();
  }

  /** The admin bearer token every space accepts (local environment only). */
  public String adminToken() {
    return adminToken;
  }

  /** A client for a space (admin); closed with the environment. */
  public KubernetesClient client(String space) {
    return clients.computeIfAbsent(space, this::newClient);
  }

  /**
   * Ties something that runs against the spaces (an in-process controller or agent) to the
   * environment: {@link #close} closes it, newest first, before the clients and processes it talks
   * to go away.
   */
  public <T extends AutoCloseable> T attach(T resource) {
    synchronized (attached) {
      attached.add(resource);
    }
    return resource;
  }

  /** A new client for a space; the caller closes it. */
  public KubernetesClient newClient(String space) {
    try {
      var config = Config.fromKubeconfig(space, Files.readString(kubeconfig()), null);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A process by name, e.g. {@code apiserver-cluster1}, {@code work-agent-cluster2}. */
  public ManagedProcess process(String name) {
    synchronized (processes) {
      return processes.stream()
          .filter(p -> p.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no process named " + name));
    }
  }

  /** Every process, in start order. */
  public List<ManagedProcess> processes() {
    synchronized (processes) {
      return List.copyOf(processes);
    }
  }

  /**
   * Starts one of this project's components as its own JVM process ({@code java -jar jar args}),
   * logging to {@code logs/<name>.log}; it is stopped with the environment. Readiness is the
   * caller's to check (for example the component's {@code /readyz}).
   */
  public ManagedProcess startComponent(String name, Path jar, List<String> args) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-Xss512k");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return launch(name, command);
  }

  /**
   * Starts any other command as a process of this environment (logged under the run directory,
   * stopped by {@link #close}), e.g. a component run from its container image.
   */
  public ManagedProcess startProcess(String name, List<String> command) {
    return launch(name, command);
  }

  /** Stops a space's API server and starts it again on the same port, with the same data. */
  public void restartApiServer(String space) {
    var server = apiServer(space);
    server.process().stop(STOP_GRACE);
    server.process().start();
    awaitApiServer(server);
  }

  /** How long {@link #start} took. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Resident memory per process now, with the peak each reached so far. */
  public Map<String, ManagedProcess.Memory> memory() {
    var result = new LinkedHashMap<String, ManagedProcess.Memory>();
    for (var process : processes()) {
      process.memory().ifPresent(m -> result.put(process.name(), m));
    }
    return result;
  }

  /** What {@code down} needs to stop a detached environment later. */
  public RunState runState() {
    var entries = new ArrayList<RunState.ProcessEntry>();
    for (var process : processes()) {
      entries.add(new RunState.ProcessEntry(process.name(), process.pid()));
    }
    return new RunState(
        spec.runDir().toAbsolutePath().toString(),
        kubeconfig().toString(),
        createdAt.toString(),
        entries);
  }

  private ApiServer apiServer(String space) {
    var server = apiServers.get(space);
    if (server == null) {
      throw new IllegalArgumentException("no space named " + space + "; spaces: " + spaces());
    }
    return server;
  }

  private void stopAll() {
    List<AutoCloseable> resources;
    synchronized (attached) {
      resources = new ArrayList<>(attached);
      attached.clear();
    }
    java.util.Collections.reverse(resources);
    for (var resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.atWarn().setMessage("closing an attached resource failed").setCause(e).log();
      }
    }
    clients.values().forEach(KubernetesClient::close);
    clients.clear();
    List<ManagedProcess> reversed;
    synchronized (processes) {
      reversed = new ArrayList<>(processes);
    }
    java.util.Collections.reverse(reversed);
    for (var process : reversed) {
      process.stop(STOP_GRACE);
    }
  }

  /** Closes what is {@link #attach attached}, then stops every process, newest first. */
  @Override
  public void close() {
    stopAll();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and stops everything
      }
    }
  }
}
