/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.BindingPolicySpec;
import io.kubestellar.api.control.v1alpha1.DownsyncPolicyClause;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.SpaceObjects;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Randomised churn against the real controller-manager process: objects of several kinds are
 * created, relabelled and deleted across namespaces while the policies are rewritten, namespaces
 * and clusters relabelled, and the process is killed and restarted; after each round every Binding
 * must equal a reference computed here, independently of the controller's code.
 */
class BindingChurnIT {

  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);
  private static final int ROUNDS = 10;
  private static final int CREATES_PER_ROUND = 35;
  private static final List<String> NAMESPACES =
      List.of("churn-a", "churn-b", "churn-c", "churn-d");
  private static final List<String> POLICIES = List.of("churn-p1", "churn-p2");
  private static final List<String> RESOURCES =
      List.of("configmaps", "secrets", "roles", "clusterroles", "namespaces");
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final List<String> APPS = List.of("x", "y", "z");
  private static final List<String> COLORS = List.of("red", "blue");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @AutoClose private static LocalEnvironment env;
  private static KubernetesClient wds;
  private static KubernetesClient its;
  private static ManagedProcess controller;
  private static int port;
  private static AdminComponents components;

  private final long seed = Long.getLong("churn.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private final List<String[]> created = new ArrayList<>(); // {resource, namespace, name}

  @BeforeAll
  static void start() throws IOException {
    env = LocalEnvironment.start(EnvironmentSpec.underTarget("binding-churn-it").withoutWecs());
    wds = env.client("wds1");
    its = env.client("its1");
    SpaceObjects.inventoryCluster(its, "cluster1", "edge");
    SpaceObjects.inventoryCluster(its, "cluster2", "edge");
    SpaceObjects.inventoryCluster(its, "cluster3", "core");
    components = new AdminComponents(env);
    controller =
        components.start("controller-manager", "controller-manager", List.of("--wds-name", "wds1"));
    port = components.port("controller-manager");
    awaitReady();
  }

  @Test
  void bindingsEqualTheReferenceAfterEveryRoundOfChurnAndRestarts() throws Exception {
    System.out.println("churn seed " + seed + " (rerun with -Dchurn.seed=" + seed + ")");
    for (var ns : NAMESPACES) {
      wds.namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(ns)
                  .withLabels(Map.of("color", pick(COLORS)))
                  .endMetadata()
                  .build())
          .serverSideApply();
    }
    int counter = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      var began = Instant.now();
      for (int i = 0; i < CREATES_PER_ROUND; i++) {
        create(pick(RESOURCES), "churn-" + round + "-" + counter++);
      }
      if (round == 4) {
        controller.kill(); // a crash in the middle of the churn
        controller.start();
      }
      for (int i = 0; i < 15 && !created.isEmpty(); i++) {
        relabel(created.get(random.nextInt(created.size())));
      }
      for (int i = 0; i < 10 && !created.isEmpty(); i++) {
        delete(created.remove(random.nextInt(created.size())));
      }
      var ns = pick(NAMESPACES);
      wds.namespaces().withName(ns).edit(n -> relabelled(n, "color", pick(COLORS)));
      if (round % 3 == 0) {
        SpaceObjects.managedCluster(
            its,
            "cluster3",
            Map.of("name", "cluster3", "location-group", random.nextBoolean() ? "edge" : "core"));
      }
      for (var policy : POLICIES) {
        wds.resources(BindingPolicy.class)
            .resource(new BindingPolicy(policy, randomSpec()))
            .forceConflicts()
            .serverSideApply();
      }
      if (round == 7) {
        controller.stop(Duration.ofSeconds(20)); // a graceful restart
        controller.start();
      }
      var converging = Instant.now();
      await("round " + round + " (seed " + seed + ")")
          .atMost(ROUND_TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                for (var policy : POLICIES) {
                  assertThat(actual(policy)).as(policy).isEqualTo(expected(policy));
                }
              });
      System.out.printf(
          "churn round %d: %d objects created so far, churn %d ms, converged %d ms after%n",
          round,
          counter,
          Duration.between(began, converging).toMillis(),
          Duration.between(converging, Instant.now()).toMillis());
    }
    assertThat(counter).isGreaterThanOrEqualTo(300);

    // D14: a restart with nothing changed writes nothing. First let the WDS settle: deleted
    // Namespaces finish terminating (their removal legitimately changes the Bindings).
    await("deleted namespaces are gone")
        .atMost(ROUND_TIMEOUT)
        .until(
            () ->
                wds.namespaces().list().getItems().stream()
                    .noneMatch(n -> n.getMetadata().getDeletionTimestamp() != null));
    await("the Bindings still equal the reference")
        .atMost(ROUND_TIMEOUT)
        .untilAsserted(
            () -> {
              for (var policy : POLICIES) {
                assertThat(actual(policy)).as(policy).isEqualTo(expected(policy));
              }
            });
    var before = new HashMap<String, String>();
    for (var policy : POLICIES) {
      before.put(
          policy,
          wds.resources(Binding.class).withName(policy).get().getMetadata().getResourceVersion());
    }
    controller.stop(Duration.ofSeconds(20));
    controller.start();
    awaitReady();
    await("the restarted controller resolved every policy")
        .atMost(ROUND_TIMEOUT)
        .until(
            () ->
                metric("kubestellar_binding_reconcile_seconds_count\\{result=\"success\"")
                    >= POLICIES.size());
    assertThat(metric("kubestellar_binding_writes_total\\{"))
        .as(
            "writes after a no-op restart: "
                + get("/metrics")
                    .body()
                    .lines()
                    .filter(l -> l.startsWith("kubestellar_binding_writes"))
                    .toList())
        .isZero();
    for (var policy : POLICIES) {
      assertThat(
              wds.resources(Binding.class)
                  .withName(policy)
                  .get()
                  .getMetadata()
                  .getResourceVersion())
          .isEqualTo(before.get(policy));
    }
  }

  // ---- churn ----------------------------------------------------------------------------------

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Map<String, String> randomLabels() {
    var labels = new HashMap<String, String>();
    if (random.nextInt(4) > 0) {
      labels.put("app", pick(APPS));
    }
    return labels;
  }

  private void create(String resource, String name) {
    // The same random draws as ever (a namespace, then labels), so a seed keeps its churn.
    var picked = pick(NAMESPACES);
    var labels = randomLabels();
    var clusterScoped = resource.equals("clusterroles") || resource.equals("namespaces");
    var ns = clusterScoped ? "" : picked;
    var metadata =
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(clusterScoped ? null : ns)
            .withLabels(labels)
            .build();
    HasMetadata object =
        switch (resource) {
          case "configmaps" -> new ConfigMapBuilder().withMetadata(metadata).build();
          case "secrets" -> new SecretBuilder().withMetadata(metadata).build();
          case "roles" -> new RoleBuilder().withMetadata(metadata).build();
          case "clusterroles" -> new ClusterRoleBuilder().withMetadata(metadata).build();
          default -> new NamespaceBuilder().withMetadata(metadata).build();
        };
    wds.resource(object).create();
    created.add(new String[] {resource, ns, name});
  }

  private <T extends HasMetadata> T relabelled(T object, String key, String value) {
    var labels = new HashMap<String, String>();
    if (object.getMetadata().getLabels() != null) {
      labels.putAll(object.getMetadata().getLabels());
    }
    if (value == null) {
      labels.remove(key);
    } else {
      labels.put(key, value);
    }
    object.getMetadata().setLabels(labels);
    return object;
  }

  private void relabel(String[] ref) {
    var app = random.nextInt(4) == 0 ? null : pick(APPS);
    switch (ref[0]) {
      case "configmaps" ->
          wds.configMaps()
              .inNamespace(ref[1])
              .withName(ref[2])
              .edit(o -> relabelled(o, "app", app));
      case "secrets" ->
          wds.secrets().inNamespace(ref[1]).withName(ref[2]).edit(o -> relabelled(o, "app", app));
      case "roles" ->
          wds.rbac()
              .roles()
              .inNamespace(ref[1])
              .withName(ref[2])
              .edit(o -> relabelled(o, "app", app));
      case "clusterroles" ->
          wds.rbac().clusterRoles().withName(ref[2]).edit(o -> relabelled(o, "app", app));
      default -> wds.namespaces().withName(ref[2]).edit(o -> relabelled(o, "app", app));
    }
  }

  private void delete(String[] ref) {
    switch (ref[0]) {
      case "configmaps" -> wds.configMaps().inNamespace(ref[1]).withName(ref[2]).delete();
      case "secrets" -> wds.secrets().inNamespace(ref[1]).withName(ref[2]).delete();
      case "roles" -> wds.rbac().roles().inNamespace(ref[1]).withName(ref[2]).delete();
      case "clusterroles" -> wds.rbac().clusterRoles().withName(ref[2]).delete();
      default -> wds.namespaces().withName(ref[2]).delete();
    }
  }

  private static LabelSelector matchLabels(String key, String value) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of(key, value)).build();
  }

  private BindingPolicySpec randomSpec() {
    var clusters =
        switch (random.nextInt(4)) {
          case 0 -> List.of(matchLabels("location-group", "edge"));
          case 1 -> List.of(matchLabels("name", "cluster3"));
          case 2 -> List.of(new LabelSelector());
          default ->
              List.of(matchLabels("location-group", "edge"), matchLabels("name", "cluster3"));
        };
    var clauses = new ArrayList<DownsyncPolicyClause>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      var group =
          switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> RBAC;
            default -> null;
          };
      var resources = new ArrayList<String>();
      for (var r : RESOURCES) {
        if (random.nextInt(3) == 0) {
          resources.add(r);
        }
      }
      if (resources.isEmpty()) {
        resources.add(pick(RESOURCES));
      }
      if (random.nextInt(5) == 0) {
        resources.add("widgets");
      }
      List<String> namespaces = null;
      int nsChoice = random.nextInt(5);
      if (nsChoice == 0) {
        namespaces = List.of("*");
      } else if (nsChoice <= 2) {
        var some = new ArrayList<String>();
        for (var ns : NAMESPACES) {
          if (random.nextBoolean()) {
            some.add(ns);
          }
        }
        if (random.nextInt(4) == 0) {
          some.add("no-such-namespace");
        }
        namespaces = some.isEmpty() ? List.of(pick(NAMESPACES)) : some;
      }
      List<LabelSelector> namespaceSelectors =
          switch (random.nextInt(6)) {
            case 0, 1 -> List.of(matchLabels("color", pick(COLORS)));
            case 2 -> List.of(matchLabels("color", pick(COLORS)), new LabelSelector());
            default -> null;
          };
      List<LabelSelector> objectSelectors =
          switch (random.nextInt(5)) {
            case 0, 1 -> List.of(matchLabels("app", pick(APPS)));
            case 2 -> List.of(matchLabels("app", pick(APPS)), matchLabels("app", pick(APPS)));
            default -> null;
          };
      List<String> names = null;
      if (random.nextInt(6) == 0) {
        names = List.of("*");
      } else if (random.nextInt(6) == 0 && !created.isEmpty()) {
        names = List.of(pick(created)[2], pick(created)[2], "kube-root-ca.crt");
      }
      clauses.add(
          new DownsyncPolicyClause(
              group,
              resources,
              namespaces,
              namespaceSelectors,
              objectSelectors,
              names,
              random.nextInt(4) == 0 ? Boolean.TRUE : null,
              null,
              null,
              null));
    }
    return new BindingPolicySpec(clusters, clauses);
  }

  // ---- the reference, computed independently ---------------------------------------------------

  private record Obj(
      String group,
      String resource,
      String namespace,
      String name,
      String rv,
      Map<String, String> labels) {}

  private List<Obj> everything() {
    var all = new ArrayList<Obj>();
    wds.configMaps()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> all.add(obj("", "configmaps", o)));
    wds.secrets().inAnyNamespace().list().getItems().forEach(o -> all.add(obj("", "secrets", o)));
    wds.rbac()
        .roles()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(o -> all.add(obj(RBAC, "roles", o)));
    wds.rbac().clusterRoles().list().getItems().forEach(o -> all.add(obj(RBAC, "clusterroles", o)));
    wds.namespaces().list().getItems().forEach(o -> all.add(obj("", "namespaces", o)));
    return all;
  }

  private static Obj obj(String group, String resource, HasMetadata o) {
    var m = o.getMetadata();
    return new Obj(
        group,
        resource,
        m.getNamespace() == null ? "" : m.getNamespace(),
        m.getName(),
        m.getResourceVersion(),
        m.getLabels() == null ? Map.of() : m.getLabels());
  }

  private static boolean listAdmits(List<String> list, String value) {
    return list == null || list.isEmpty() || list.contains("*") || list.contains(value);
  }

  private static boolean labelsMatch(LabelSelector selector, Map<String, String> labels) {
    var wanted =
        selector.getMatchLabels() == null ? Map.<String, String>of() : selector.getMatchLabels();
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static boolean clauseMatches(
      DownsyncPolicyClause c, Obj o, Map<String, Map<String, String>> nsLabels) {
    if (c.apiGroup() != null && !c.apiGroup().equals(o.group())) {
      return false;
    }
    if (!listAdmits(c.resources(), o.resource())
        || !listAdmits(c.namespaces(), o.namespace())
        || !listAdmits(c.objectNames(), o.name())) {
      return false;
    }
    if (c.objectSelectors() != null
        && !c.objectSelectors().isEmpty()
        && c.objectSelectors().stream().noneMatch(s -> labelsMatch(s, o.labels()))) {
      return false;
    }
    if (c.namespaceSelectors() != null && !c.namespaceSelectors().isEmpty()) {
      boolean hasEmpty =
          c.namespaceSelectors().stream()
              .anyMatch(s -> s.getMatchLabels() == null || s.getMatchLabels().isEmpty());
      if (!hasEmpty) {
        var labels = nsLabels.get(o.namespace());
        return labels != null
            && c.namespaceSelectors().stream().anyMatch(s -> labelsMatch(s, labels));
      }
    }
    return true;
  }

  private TreeSet<String> expected(String policyName) {
    var policy = wds.resources(BindingPolicy.class).withName(policyName).get();
    var result = new TreeSet<String>();
    var clusters = its.genericKubernetesResources(Kinds.MANAGED_CLUSTERS).list().getItems();
    for (var cluster : clusters) {
      var labels =
          cluster.getMetadata().getLabels() == null
              ? Map.<String, String>of()
              : cluster.getMetadata().getLabels();
      if (policy.getSpec().clusterSelectors().stream().anyMatch(s -> labelsMatch(s, labels))) {
        result.add("cluster " + cluster.getMetadata().getName());
      }
    }
    var objects = everything();
    var nsLabels = new HashMap<String, Map<String, String>>();
    objects.stream()
        .filter(o -> o.resource().equals("namespaces"))
        .forEach(o -> nsLabels.put(o.name(), o.labels()));
    for (var o : objects) {
      boolean matched = false;
      boolean createOnly = false;
      for (var c : policy.getSpec().downsync()) {
        if (clauseMatches(c, o, nsLabels)) {
          matched = true;
          createOnly |= Boolean.TRUE.equals(c.createOnly());
        }
      }
      if (matched) {
        result.add(entry(o.group(), o.resource(), o.namespace(), o.name(), o.rv(), createOnly));
      }
    }
    return result;
  }

  /** {@code group/resource/namespace/name@resourceVersion}, and {@code createOnly} if so. */
  private static String entry(
      String group,
      String resource,
      String namespace,
      String name,
      String resourceVersion,
      Boolean createOnly) {
    return group
        + "/"
        + resource
        + "/"
        + namespace
        + "/"
        + name
        + "@"
        + resourceVersion
        + (Boolean.TRUE.equals(createOnly) ? " createOnly" : "");
  }

  private TreeSet<String> actual(String policyName) {
    var binding = wds.resources(Binding.class).withName(policyName).get();
    var result = new TreeSet<String>();
    if (binding == null || binding.getSpec() == null) {
      return result;
    }
    var spec = binding.getSpec();
    if (spec.destinations() != null) {
      spec.destinations().forEach(d -> result.add("cluster " + d.clusterId()));
    }
    var workload = spec.workload();
    if (workload != null && workload.clusterScope() != null) {
      for (var c : workload.clusterScope()) {
        result.add(
            entry(c.group(), c.resource(), "", c.name(), c.resourceVersion(), c.createOnly()));
      }
    }
    if (workload != null && workload.namespaceScope() != null) {
      for (var c : workload.namespaceScope()) {
        result.add(
            entry(
                c.group(),
                c.resource(),
                c.namespace(),
                c.name(),
                c.resourceVersion(),
                c.createOnly()));
      }
    }
    return result;
  }

  // ---- the process ----------------------------------------------------------------------------

  private static void awaitReady() {
    components.awaitReady("controller-manager");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sum of the samples of a metric whose line starts with the pattern. */
  private static double metric(String linePrefix) throws IOException, InterruptedException {
    var pattern = Pattern.compile("^" + linePrefix + ".*\\s([0-9.eE+-]+)$", Pattern.MULTILINE);
    var matcher = pattern.matcher(get("/metrics").body());
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }
}
