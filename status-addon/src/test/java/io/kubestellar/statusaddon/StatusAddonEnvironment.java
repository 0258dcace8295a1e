/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.ocm.work.v1.AppliedManifestWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awaitility.core.ThrowingRunnable;

/**
 * The local environment prepared for the agent: the WorkStatus CRD in the ITS, and identities in
 * the ITS and the WEC holding exactly the rights of {@code src/main/rbac}, with kubeconfigs for
 * them.
 */
final class StatusAddonEnvironment implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static final String ITS = "its1";
  static final String AGENT = "kubestellar-status-addon";
  static final ResourceDefinitionContext MANIFEST_WORKS = Kinds.MANIFEST_WORKS;

  final LocalEnvironment env;
  final Path dir;

  StatusAddonEnvironment(String runDirName) {
    dir = Path.of("target", runDirName).toAbsolutePath();
    env = LocalEnvironment.start(EnvironmentSpec.defaults(dir));
    installWorkStatusCrd(env.client(ITS));
  }

  private static void installWorkStatusCrd(KubernetesClient its) {
    Crds.awaitEstablished(
        its,
        Crds.applyResource(its, "META-INF/fabric8/workstatuses.control.kubestellar.io-v1.yml"));
  }

  // ---- identities under the shipped RBAC ----------------------------------------------------

  /**
   * Installs {@code its-rbac.yaml} into the cluster's ITS namespace for ServiceAccount {@code
   * account} (every object renamed after it; each Role's rules passed through {@code rules}) and
   * returns a kubeconfig holding a token of that ServiceAccount.
   */
  Path itsKubeconfig(String cluster, String account, UnaryOperator<List<PolicyRule>> rules) {
    var its = env.client(ITS);
    for (var item : load(its, "its-rbac.yaml")) {
      var meta = item.getMetadata();
      meta.setName(meta.getName().replace(AGENT, account));
      meta.setNamespace(cluster);
      if (item instanceof Role role) {
        role.setRules(rules.apply(new ArrayList<>(role.getRules())));
      } else if (item instanceof RoleBinding binding) {
        binding.getRoleRef().setName(binding.getRoleRef().getName().replace(AGENT, account));
        binding.getSubjects().forEach(subject -> subject.setName(account));
      }
      its.resource(item).forceConflicts().serverSideApply();
    }
    return kubeconfig(ITS, its, cluster, account, cluster + "-" + account + "-its.kubeconfig");
  }

  /** The shipped ITS rights for the cluster's agent. */
  Path itsKubeconfig(String cluster) {
    return itsKubeconfig(cluster, AGENT, UnaryOperator.identity());
  }

  /**
   * Starts the cluster's agent in-process with the shipped rights in both spaces (and the extra
   * flags); {@link #close} stops it before the spaces.
   */
  InProcessAgent startAgent(String cluster, String... extra) {
    return env.attach(
        InProcessAgent.start(cluster, wecKubeconfig(cluster), itsKubeconfig(cluster), extra));
  }

  /** Installs {@code wec-rbac.yaml} in the WEC and returns a kubeconfig of its ServiceAccount. */
  Path wecKubeconfig(String cluster) {
    var wec = env.client(cluster);
    for (var item : load(wec, "wec-rbac.yaml")) {
      wec.resource(item).forceConflicts().serverSideApply();
    }
    return kubeconfig(
        cluster,
        wec,
        "open-cluster-management-agent-addon",
        AGENT,
        cluster + "-" + AGENT + "-wec.kubeconfig");
  }

  private static List<HasMetadata> load(KubernetesClient client, String file) {
    try (var in = Files.newInputStream(Path.of("src", "main", "rbac", file))) {
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kubeconfig for a ServiceAccount: server and CA of the space, a fresh bound token. */
  private Path kubeconfig(
      String space, KubernetesClient client, String namespace, String account, String file) {
    await("ServiceAccount " + account)
        .atMost(TIMEOUT)
        .until(
            () -> client.serviceAccounts().inNamespace(namespace).withName(account).get() != null);
    var token =
        client
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(6L * 3600)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    try {
      var admin = Config.fromKubeconfig(Files.readString(env.kubeconfig(space)));
      var text =
          "apiVersion: v1\n"
              + "kind: Config\n"
              + "clusters:\n"
              + "- name: "
              + space
              + "\n  cluster:\n    server: "
              + admin.getMasterUrl()
              + "\n    certificate-authority-data: "
              + admin.getCaCertData()
              + "\nusers:\n- name: "
              + account
              + "\n  user:\n    token: "
              + token
              + "\ncontexts:\n- name: "
              + space
              + "\n  context:\n    cluster: "
              + space
              + "\n    user: "
              + account
              + "\ncurrent-context: "
              + space
              + "\n";
      var path = dir.resolve(file);
      Files.writeString(path, text);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- ITS and WEC objects ------------------------------------------------------------------

  NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      manifestWorks(String cluster) {
    return env.client(ITS).genericKubernetesResources(MANIFEST_WORKS).inNamespace(cluster);
  }

  List<WorkStatus> workStatuses(String cluster) {
    return env.client(ITS).resources(WorkStatus.class).inNamespace(cluster).list().getItems();
  }

  /** The WorkStatus reporting on an object, or null. */
  WorkStatus workStatusFor(String cluster, String kind, String namespace, String name) {
    return workStatuses(cluster).stream()
        .filter(ws -> ws.getSpec() != null && ws.getSpec().sourceRef() != null)
        .filter(ws -> kind.equals(ws.getSpec().sourceRef().kind()))
        .filter(ws -> namespace.equals(ws.getSpec().sourceRef().namespace()))
        .filter(ws -> name.equals(ws.getSpec().sourceRef().name()))
        .findFirst()
        .orElse(null);
  }

  /** The {@code .status} a WorkStatus reports for an object; empty while there is none yet. */
  Map<String, Object> reportedStatus(String cluster, String kind, String namespace, String name) {
    var ws = workStatusFor(cluster, kind, namespace, name);
    return ws == null || ws.getStatus() == null ? Map.of() : ws.getStatus().asMap();
  }

  /** The AppliedManifestWork the work agent keeps in the WEC for a ManifestWork, or null. */
  AppliedManifestWork appliedManifestWork(String cluster, String manifestWork) {
    return env.client(cluster).resources(AppliedManifestWork.class).list().getItems().stream()
        .filter(a -> manifestWork.equals(a.getSpec().getManifestWorkName()))
        .findFirst()
        .orElse(null);
  }

  /** KubeStellar's transport labels, as a ManifestWork of binding {@code binding} carries them. */
  static Map<String, String> transportLabels(String binding) {
    var labels = new LinkedHashMap<String, String>();
    labels.put("transport.kubestellar.io/originOwnerReferenceBindingKey", binding);
    labels.put("transport.kubestellar.io/originWdsName", "wds1");
    return labels;
  }

  /**
   * Writes the ManifestWork {@code name} into the cluster's namespace as the transport does:
   * creates it, or replaces the one there, with the labels and objects given.
   */
  GenericKubernetesResource deliver(
      String name, String cluster, Map<String, String> labels, List<Map<String, Object>> objects) {
    return manifestWorks(cluster)
        .resource(manifestWork(name, cluster, labels, objects))
        .createOr(NonDeletingOperation::update);
  }

  static GenericKubernetesResource manifestWork(
      String name, String cluster, Map<String, String> labels, List<Map<String, Object>> objects) {
    return SpaceObjects.manifestWork(cluster, name, labels, objects);
  }

  static Map<String, Object> namespace(String name) {
    return SpaceObjects.namespaceManifest(name);
  }

  static Map<String, Object> deployment(String namespace, String name, int replicas) {
    return SpaceObjects.deploymentManifest(namespace, name, replicas);
  }

  /** The {@code .status} of a WEC object, or null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> wecStatus(
      String cluster, String apiVersion, String kind, String namespace, String name) {
    var client = env.client(cluster);
    var ops = client.genericKubernetesResources(apiVersion, kind);
    var object =
        namespace.isEmpty()
            ? ops.withName(name).get()
            : ops.inNamespace(namespace).withName(name).get();
    return object == null
        ? null
        : (Map<String, Object>) object.getAdditionalProperties().get("status");
  }

  // ---- management port ----------------------------------------------------------------------

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** GET on the agent's management port; status code -1 when nothing answers. */
  static HttpResponse<String> get(int port, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  static boolean ready(int port) {
    var response = get(port, "/readyz");
    return response != null && response.statusCode() == 200;
  }

  /** The value of one Prometheus sample (summed over matching lines), 0 when absent. */
  static double metric(int port, String nameAndLabels) {
    var response = get(port, "/metrics");
    if (response == null) {
      return 0;
    }
    double sum = 0;
    for (var line : response.body().lines().toList()) {
      if (line.startsWith(nameAndLabels + " ") || line.startsWith(nameAndLabels + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** The pieces of {@link ServiceAccount} names used in messages. */
  static String serviceAccountUser(String namespace, String name) {
    return "system:serviceaccount:" + namespace + ":" + name;
  }

  @Override
  public void close() {
    env.close();
  }

  /** Waits up to {@link #TIMEOUT} until {@code assertions} pass; {@code what} names the wait. */
  static void eventually(String what, ThrowingRunnable assertions) {
    await(what).atMost(TIMEOUT).untilAsserted(assertions);
  }
}
