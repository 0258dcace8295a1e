/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.ReportedStatus;
import io.kubestellar.api.control.v1alpha1.SourceRef;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.api.control.v1alpha1.WorkStatusSpec;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.DemoComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The security checks of issue 13 that need running spaces: every component runs as its own process
 * at log level DEBUG, under the identities and roles the charts ship ({@code config/rbac}, see
 * {@link DemoComponents}), next to the real OCM work agents of two WECs.
 *
 * <ul>
 *   <li>Secret values delivered to the WECs appear in no component log and in no Event of any
 *       space.
 *   <li>The status add-on of one WEC can read and write its own mailbox (its ITS namespace) and
 *       nobody else's.
 *   <li>A WorkStatus forged in a mailbox never changes a WDS object's status; one that stays is
 *       reported as a Warning Event on the object it claims.
 *   <li>ManifestWorks forged in a mailbox (no KubeStellar labels, or another WDS's) are neither
 *       adopted, changed nor deleted by the transport, and never count as this WDS's.
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailboxSecurityIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final List<String> WECS = List.of("cluster1", "cluster2");
  private static final String PART_OF = SpaceObjects.PART_OF;
  private static final String WDS = "wds1";
  private static final String ITS = "its1";

  @AutoClose private static LocalEnvironment env;
  private static DemoComponents components;
  private static Path runDir;
  private static KubernetesClient wds;
  private static KubernetesClient its;

  @BeforeAll
  static void startEverythingAtDebugUnderTheChartRbac() {
    runDir = Path.of("target", "mailbox-security-it").toAbsolutePath();
    var wecs = WECS.stream().map(w -> WecSpec.withDefaultLabels(w, Map.of())).toList();
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(runDir).withWecs(wecs), ToolPaths.fromEnvironment());
    components =
        new DemoComponents(
            env, ComponentJars.fromWorkingDirectory(), List.of("--log-level", "DEBUG"));
    components.installItsCrds();
    components.startAll();
    components.awaitReady();
    wds = env.client(WDS);
    its = env.client(ITS);
  }

  // ---- 1. Secret data -------------------------------------------------------------------------

  @Test
  @Order(1)
  void deliveredSecretValuesAppearInNoComponentLogAndNoEvent() throws IOException {
    var first = List.of(randomValue(), randomValue());
    var second = List.of(randomValue(), randomValue());
    namespace("vault");
    applySecret(first, "first");
    wds.apps().deployments().inNamespace("vault").resource(vaultApp()).serverSideApply();
    perClusterCollector("vault-ready", "ready", "returned.status.readyReplicas");
    var labelled = List.of(Map.of("matchLabels", Map.of(PART_OF, "vault")));
    SpaceObjects.bindingPolicy(
        wds,
        "vault",
        Map.of(
            "clusterSelectors",
            List.of(Map.of("matchLabels", Map.of("location-group", "edge"))),
            "downsync",
            List.of(
                Map.of("resources", List.of("namespaces"), "objectSelectors", labelled),
                Map.of(
                    "resources",
                    List.of("secrets"),
                    "namespaces",
                    List.of("vault"),
                    "objectSelectors",
                    labelled),
                Map.of(
                    "apiGroup",
                    "apps",
                    "resources",
                    List.of("deployments"),
                    "namespaces",
                    List.of("vault"),
                    "objectSelectors",
                    labelled,
                    "wantMultiWECReportedState",
                    true,
                    "statusCollectors",
                    List.of("vault-ready")))));

    awaitSecretInEveryWec(first);
    await("the status of the app using the Secret comes back from both WECs")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(rows("vault", "app", "vault")).isEqualTo("cluster1=1;cluster2=1;");
              assertThat(wds.apps().deployments().inNamespace("vault").withName("app").get())
                  .extracting(d -> d.getStatus() == null ? null : d.getStatus().getReadyReplicas())
                  .isEqualTo(1);
            });
    // A new value travels the whole way too, and an explanation Event is asked for on the Secret.
    applySecret(second, "second");
    awaitSecretInEveryWec(second);
    await("the explanation Event on the Secret")
        .atMost(TIMEOUT)
        .until(() -> !eventsAbout(wds, "vault", "db-credentials", "BindingExplained").isEmpty());

    var needles = new LinkedHashMap<String, String>();
    for (var value : Stream.concat(first.stream(), second.stream()).toList()) {
      needles.put(value, "plain");
      needles.put(base64(value), "base64");
    }
    var logs = logFiles();
    assertThat(logs)
        .as("the log of each component")
        .extracting(p -> p.getFileName().toString())
        .contains(
            "controller-manager.log",
            "transport-controller.log",
            "status-addon-cluster1.log",
            "status-addon-cluster2.log");
    assertThat(Files.readString(runDir.resolve("logs/transport-controller.log")))
        .as("the components really log at DEBUG")
        .contains(" DEBUG ");
    var found = new ArrayList<String>();
    for (var log : logs) {
      var text = Files.readString(log, StandardCharsets.UTF_8);
      needles.forEach(
          (needle, form) -> {
            if (text.contains(needle)) {
              found.add(log.getFileName() + " holds a Secret value (" + form + ")");
            }
          });
    }
    int events = 0;
    for (var space : env.spaces()) {
      var client = env.client(space);
      for (var event : client.v1().events().inAnyNamespace().list().getItems()) {
        events++;
        var json = client.getKubernetesSerialization().asJson(event);
        needles.forEach(
            (needle, form) -> {
              if (json.contains(needle)) {
                found.add(
                    "Event "
                        + space
                        + "/"
                        + event.getMetadata().getNamespace()
                        + "/"
                        + event.getMetadata().getName()
                        + " holds a Secret value ("
                        + form
                        + ")");
              }
            });
      }
    }
    assertThat(events).as("Events looked at in all spaces").isPositive();
    assertThat(found).as("Secret values in logs or Events").isEmpty();
  }

  // ---- 2. Mailboxes ---------------------------------------------------------------------------

  @Test
  @Order(2)
  void aStatusAddonReadsAndWritesOnlyItsOwnMailbox() throws IOException {
    awaitWorkStatusIn("cluster2");
    var own = its.resources(WorkStatus.class).inNamespace("cluster1").list().getItems();
    assertThat(own).as("WorkStatuses of cluster1").isNotEmpty();
    var ownWorkStatus = own.get(0);
    var otherWorkStatus =
        its.resources(WorkStatus.class).inNamespace("cluster2").list().getItems().get(0);
    var ownWork = its.genericKubernetesResources(Kinds.MANIFEST_WORKS).inNamespace("cluster1");
    var ownWorkName = ownWork.list().getItems().get(0).getMetadata().getName();
    var otherWorkName =
        its.genericKubernetesResources(Kinds.MANIFEST_WORKS)
            .inNamespace("cluster2")
            .list()
            .getItems()
            .get(0)
            .getMetadata()
            .getName();

    // The very kubeconfig the add-on of cluster1 runs with (DemoComponents#startStatusAddon).
    var kubeconfig =
        runDir.resolve("service-accounts").resolve(ITS + "-cluster1-status-addon.kubeconfig");
    assertThat(Files.readString(runDir.resolve("logs/status-addon-cluster1.log")))
        .contains(kubeconfig.toString());
    try (var addon = clientFrom(kubeconfig, ITS)) {
      var statuses = addon.resources(WorkStatus.class);
      var works = addon.genericKubernetesResources(Kinds.MANIFEST_WORKS);

      // Its own mailbox: everything its role grants works (writes as server-side dry runs).
      assertThat(statuses.inNamespace("cluster1").list().getItems()).isNotEmpty();
      assertThat(statuses.inNamespace("cluster1").withName(name(ownWorkStatus)).get()).isNotNull();
      statuses.inNamespace("cluster1").resource(probe("cluster1")).dryRun().create();
      statuses.inNamespace("cluster1").resource(fresh(ownWorkStatus)).dryRun().update();
      assertThat(works.inNamespace("cluster1").withName(ownWorkName).get()).isNotNull();
      assertThat(works.inNamespace("cluster1").list().getItems()).isNotEmpty();

      // Another WEC's mailbox: nothing.
      forbidden(() -> statuses.inNamespace("cluster2").list());
      forbidden(() -> statuses.inNamespace("cluster2").withName(name(otherWorkStatus)).get());
      forbidden(
          () -> statuses.inNamespace("cluster2").resource(probe("cluster2")).dryRun().create());
      forbidden(
          () ->
              statuses.inNamespace("cluster2").resource(fresh(otherWorkStatus)).dryRun().update());
      forbidden(
          () -> statuses.inNamespace("cluster2").withName(name(otherWorkStatus)).dryRun().delete());
      forbidden(() -> works.inNamespace("cluster2").list());
      forbidden(() -> works.inNamespace("cluster2").withName(otherWorkName).get());
      forbidden(() -> works.inNamespace("cluster2").resource(work("cluster2")).dryRun().create());
      // Nor all mailboxes at once.
      forbidden(() -> statuses.inAnyNamespace().list());
      forbidden(() -> works.inAnyNamespace().list());
      // And it never writes ManifestWorks, not even its own WEC's.
      forbidden(() -> works.inNamespace("cluster1").resource(work("cluster1")).dryRun().create());
      var existing = works.inNamespace("cluster1").withName(ownWorkName).get();
      forbidden(() -> works.inNamespace("cluster1").resource(existing).dryRun().update());
      forbidden(() -> works.inNamespace("cluster1").withName(ownWorkName).dryRun().delete());
    }
  }

  // ---- 3. Forged ManifestWorks ----------------------------------------------------------------

  @Test
  @Order(3)
  void forgedManifestWorksAreNeitherAdoptedNorDeletedAndNeverCountAsOurs() {
    bindForgeWebToCluster1();
    var works = its.genericKubernetesResources(Kinds.MANIFEST_WORKS).inNamespace("cluster1");
    var unlabelled = works.resource(forgedWork("forged-unlabelled", Map.of(), "decoy-a")).create();
    var otherWds =
        works
            .resource(
                forgedWork(
                    "forged-other-wds",
                    Map.of(
                        WireNames.ORIGIN_WDS_LABEL, "wds-other",
                        WireNames.ORIGIN_BINDING_LABEL, "forge"),
                    "decoy-b"))
            .create();
    await("the work agent applies both forged works in cluster1")
        .atMost(TIMEOUT)
        .until(
            () ->
                Stream.of("decoy-a", "decoy-b")
                    .allMatch(
                        n ->
                            env.client("cluster1")
                                    .apps()
                                    .deployments()
                                    .inNamespace("forge")
                                    .withName(n)
                                    .get()
                                != null));
    await("cluster1's add-on reports the other WDS's object, under that WDS's name")
        .atMost(TIMEOUT)
        .until(
            () ->
                workStatusesOf("cluster1", "decoy-b").stream()
                    .anyMatch(
                        ws ->
                            "wds-other"
                                .equals(
                                    ws.getMetadata().getLabels().get(WireNames.ORIGIN_WDS_LABEL))));
    assertThat(workStatusesOf("cluster1", "decoy-a"))
        .as("an unlabelled work is not KubeStellar's: no WorkStatus")
        .isEmpty();

    // A real change of binding forge makes the transport rewrite its work for cluster1; the
    // forged work naming the same binding but another WDS is not touched.
    scale("forge", "web", 3);
    await("the transport delivers the change of forge/web")
        .atMost(TIMEOUT)
        .until(
            () -> {
              var d =
                  env.client("cluster1")
                      .apps()
                      .deployments()
                      .inNamespace("forge")
                      .withName("web")
                      .get();
              return d != null && d.getSpec().getReplicas() == 3;
            });
    awaitWebStatus(3);
    for (var forged : List.of(unlabelled, otherWds)) {
      var now = works.withName(forged.getMetadata().getName()).get();
      assertThat(now).as(forged.getMetadata().getName() + " still there").isNotNull();
      assertThat(now.getMetadata().getUid()).isEqualTo(forged.getMetadata().getUid());
      assertThat(now.getMetadata().getGeneration())
          .as("its spec was never written")
          .isEqualTo(forged.getMetadata().getGeneration());
      assertThat(now.getMetadata().getLabels()).isEqualTo(forged.getMetadata().getLabels());
      assertThat(now.getMetadata().getAnnotations())
          .isEqualTo(forged.getMetadata().getAnnotations());
      assertThat(now.getMetadata().getOwnerReferences()).isNullOrEmpty();
      assertThat(now.getMetadata().getFinalizers())
          .as("no KubeStellar finalizer")
          .noneMatch(f -> f.contains("kubestellar"));
    }
    assertThat(
            its.genericKubernetesResources(Kinds.MANIFEST_WORKS)
                .inAnyNamespace()
                .withLabel(WireNames.ORIGIN_WDS_LABEL, WDS)
                .list()
                .getItems())
        .as("the works labelled as this WDS's")
        .extracting(w -> w.getMetadata().getName())
        .doesNotContain("forged-unlabelled", "forged-other-wds");
    assertThat(wds.apps().deployments().inNamespace("forge").withName("decoy-b").get()).isNull();
    // The forged works stay for the next story, which checks that the other WDS's WorkStatus is
    // never reported as ours either.
  }

  // ---- 4. Forged WorkStatuses -----------------------------------------------------------------

  @Test
  @Order(4)
  void forgedWorkStatusesChangeNoWdsStatusAndAreReported() throws Exception {
    awaitWebStatus(3);
    var real =
        its.resources(WorkStatus.class).inNamespace("cluster1").list().getItems().stream()
            .filter(ws -> "web".equals(ws.getSpec().sourceRef().name()))
            .filter(ws -> "forge".equals(ws.getSpec().sourceRef().namespace()))
            .findFirst()
            .orElseThrow();
    var lonelyRef = new SourceRef("apps", "v1", "deployments", "Deployment", "forge", "lonely");

    // While cluster2's add-on runs, a forgery in its mailbox claiming web (sent only to cluster1)
    // is removed by that add-on, which keeps only WorkStatuses of objects its WEC holds.
    forge("cluster2", "forged-web", real, real.getSpec().sourceRef(), 99);
    await("cluster2's add-on removes the forged WorkStatus")
        .atMost(TIMEOUT)
        .until(() -> workStatus("cluster2", "forged-web") == null);
    assertWebStatusIs(3);

    // With cluster2's add-on away (a WEC offline), forgeries stay: one claiming web, bound
    // elsewhere, and one claiming lonely, which no Binding sends anywhere.
    var addon = components.running().get("status-addon-cluster2");
    addon.process().stop(Duration.ofSeconds(30));
    try {
      forge("cluster2", "forged-web", real, real.getSpec().sourceRef(), 99);
      forge("cluster2", "forged-lonely", real, lonelyRef, 7);
      await("both forgeries are reported as Warning Events on the objects they claim")
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                assertThat(eventsAbout(wds, "forge", "web", "UnexpectedWorkStatus"))
                    .anySatisfy(m -> assertThat(m).contains("forged-web", "cluster2"));
                assertThat(eventsAbout(wds, "forge", "lonely", "UnexpectedWorkStatus"))
                    .anySatisfy(m -> assertThat(m).contains("forged-lonely", "cluster2"));
              });
      var warnings =
          Files.readAllLines(runDir.resolve("logs/controller-manager.log")).stream()
              .filter(l -> l.contains(" WARN ") && l.contains("its WEC was not sent"))
              .toList();
      assertThat(warnings).anyMatch(l -> l.contains("cluster2/forged-web"));
      assertThat(warnings).anyMatch(l -> l.contains("cluster2/forged-lonely"));
      // Meanwhile the WorkStatus of the previous story's forged work of another WDS has been in
      // cluster1 longer than the grace: it is that WDS's, not ours to use or report.
      assertThat(workStatusesOf("cluster1", "decoy-b")).isNotEmpty();
      assertThat(eventsAbout(wds, "forge", "decoy-b", "UnexpectedWorkStatus")).isEmpty();
      assertThat(metric("kubestellar_status_unexpected_workstatuses_total"))
          .isGreaterThanOrEqualTo(2);

      // The forged values were seen by the controller (it reported them) and used nowhere.
      assertWebStatusIs(3);
      var lonely = wds.apps().deployments().inNamespace("forge").withName("lonely").get();
      assertThat(lonely.getMetadata().getLabels())
          .doesNotContainKeys(
              WireNames.SINGLETON_STATUS_LABEL,
              WireNames.MULTI_WEC_STATUS_LABEL,
              WireNames.EXECUTING_COUNT_LABEL);
      assertThat(lonely.getStatus() == null || lonely.getStatus().getAvailableReplicas() == null)
          .as("lonely has no returned status")
          .isTrue();
      assertThat(
              wds.resources(CombinedStatus.class)
                  .inNamespace("forge")
                  .withLabel(WireNames.COMBINED_STATUS_NAME_LABEL, "lonely")
                  .list()
                  .getItems())
          .isEmpty();
      // A real change still comes through, and still only from cluster1.
      scale("forge", "web", 4);
      awaitWebStatus(4);
    } finally {
      addon.process().start();
      components.awaitReady(addon);
    }
    await("back, cluster2's add-on removes both forgeries")
        .atMost(TIMEOUT)
        .until(
            () ->
                workStatus("cluster2", "forged-web") == null
                    && workStatus("cluster2", "forged-lonely") == null);
    assertWebStatusIs(4);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * Binds {@code forge/web} (2 replicas, singleton status and a collector) to cluster1 only, next
   * to {@code forge/lonely}, which no policy binds; waits for web's status from cluster1.
   */
  private static void bindForgeWebToCluster1() {
    namespace("forge");
    deployment("forge", "web", 2);
    deployment("forge", "lonely", 1);
    perClusterCollector("forge-rows", "available", "returned.status.availableReplicas");
    SpaceObjects.bindingPolicy(
        wds,
        "forge",
        SpaceObjects.namespacedDeploymentsSpec(
            Map.of("name", "cluster1"),
            "forge",
            Map.of(
                "objectNames",
                List.of("web"),
                "wantSingletonReportedState",
                true,
                "statusCollectors",
                List.of("forge-rows"))));
    awaitWebStatus(2);
  }

  private static String randomValue() {
    var bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return "ks-canary-" + HexFormat.of().formatHex(bytes);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static void namespace(String name) {
    SpaceObjects.namespace(wds, name, Map.of(PART_OF, name));
  }

  /** Applies the Secret with two values, asking for an explanation tagged {@code explain}. */
  private static void applySecret(List<String> values, String explain) {
    wds.secrets()
        .inNamespace("vault")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db-credentials")
                .withNamespace("vault")
                .withLabels(Map.of(PART_OF, "vault"))
                .withAnnotations(Map.of("control.kubestellar.io/explain", explain))
                .endMetadata()
                .withType("Opaque")
                .withData(
                    Map.of("username", base64(values.get(0)), "password", base64(values.get(1))))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  private static Deployment vaultApp() {
    var app = SpaceObjects.deployment("vault", "app", 1, Map.of("app.kubernetes.io/name", "app"));
    app.getMetadata().setLabels(Map.of(PART_OF, "vault"));
    return new DeploymentBuilder(app)
        .editSpec()
        .editTemplate()
        .editSpec()
        .editFirstContainer()
        .addNewEnv()
        .withName("DB_PASSWORD")
        .withNewValueFrom()
        .withNewSecretKeyRef("password", "db-credentials", false)
        .endValueFrom()
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static void awaitSecretInEveryWec(List<String> values) {
    await("the Secret with its current values in both WECs")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (var wec : WECS) {
                var secret =
                    env.client(wec).secrets().inNamespace("vault").withName("db-credentials").get();
                assertThat(secret).as(wec).isNotNull();
                assertThat(secret.getData())
                    .as(wec)
                    .containsEntry("username", base64(values.get(0)))
                    .containsEntry("password", base64(values.get(1)));
              }
            });
  }

  /** The rows of the CombinedStatus of (object, policy) as {@code c0=c1;...}. */
  private static String rows(String namespace, String name, String policy) {
    var list =
        wds.resources(CombinedStatus.class)
            .inNamespace(namespace)
            .withLabel(WireNames.COMBINED_STATUS_NAME_LABEL, name)
            .withLabel(WireNames.COMBINED_STATUS_BINDING_POLICY_LABEL, policy)
            .list()
            .getItems();
    if (list.size() != 1 || list.get(0).getResults() == null) {
      return "";
    }
    var text = new StringBuilder();
    for (var result : list.get(0).getResults()) {
      if (result.rows() == null) {
        continue;
      }
      for (var row : result.rows()) {
        var columns = row.columns().stream().map(MailboxSecurityIT::text).toList();
        text.append(String.join("=", columns)).append(';');
      }
    }
    return text.toString();
  }

  private static String text(io.kubestellar.api.control.v1alpha1.Value v) {
    return switch (v.type()) {
      case STRING -> v.string();
      case NUMBER -> v.number();
      case BOOL -> String.valueOf(v.bool());
      default -> String.valueOf(v.type());
    };
  }

  /** Messages of the Events of {@code reason} about one object of a space. */
  private static List<String> eventsAbout(
      KubernetesClient client, String namespace, String name, String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> reason.equals(e.getReason()))
        .map(e -> e.getMessage())
        .toList();
  }

  private static List<Path> logFiles() throws IOException {
    try (var files = Files.list(runDir.resolve("logs"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  private static void awaitWorkStatusIn(String wec) {
    await("a WorkStatus in " + wec)
        .atMost(TIMEOUT)
        .until(() -> !its.resources(WorkStatus.class).inNamespace(wec).list().getItems().isEmpty());
  }

  private static KubernetesClient clientFrom(Path kubeconfig, String context) throws IOException {
    var config = Config.fromKubeconfig(context, Files.readString(kubeconfig), null);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  private static void forbidden(ThrowingCallable request) {
    assertThatThrownBy(request)
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403));
  }

  private static WorkStatus workStatusOf(SourceRef ref) {
    var ws = new WorkStatus();
    ws.setSpec(new WorkStatusSpec(ref));
    return ws;
  }

  /** A new WorkStatus for a dry-run create in {@code namespace}. */
  private static WorkStatus probe(String namespace) {
    var ws = workStatusOf(new SourceRef("", "v1", "configmaps", "ConfigMap", "default", "probe"));
    ws.setMetadata(new ObjectMetaBuilder().withName("probe").withNamespace(namespace).build());
    return ws;
  }

  /** A copy of an existing WorkStatus carrying only identity, spec and a new label. */
  private static WorkStatus fresh(WorkStatus existing) {
    var ws = new WorkStatus();
    ws.setSpec(existing.getSpec());
    var labels = new LinkedHashMap<String, String>();
    if (existing.getMetadata().getLabels() != null) {
      labels.putAll(existing.getMetadata().getLabels());
    }
    labels.put("probe", "true");
    ws.setMetadata(
        new ObjectMetaBuilder()
            .withName(existing.getMetadata().getName())
            .withNamespace(existing.getMetadata().getNamespace())
            .withResourceVersion(existing.getMetadata().getResourceVersion())
            .withLabels(labels)
            .build());
    return ws;
  }

  private static GenericKubernetesResource work(String namespace) {
    var work = forgedWork("probe", Map.of(), "probe");
    work.getMetadata().setNamespace(namespace);
    return work;
  }

  /** A ManifestWork carrying one Deployment {@code forge/<deployment>}. */
  private static GenericKubernetesResource forgedWork(
      String name, Map<String, String> labels, String deployment) {
    var manifest =
        Map.<String, Object>of(
            "apiVersion",
            "apps/v1",
            "kind",
            "Deployment",
            "metadata",
            Map.of("name", deployment, "namespace", "forge"),
            "spec",
            Map.of(
                "replicas",
                1,
                "selector",
                Map.of("matchLabels", Map.of("app", deployment)),
                "template",
                Map.of(
                    "metadata",
                    Map.of("labels", Map.of("app", deployment)),
                    "spec",
                    Map.of(
                        "containers",
                        List.of(Map.of("name", "app", "image", "registry.example/decoy:1"))))));
    var work = new GenericKubernetesResource();
    work.setApiVersion("work.open-cluster-management.io/v1");
    work.setKind("ManifestWork");
    work.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace("cluster1")
            .withLabels(labels.isEmpty() ? null : labels)
            .build());
    work.setAdditionalProperty("spec", Map.of("workload", Map.of("manifests", List.of(manifest))));
    return work;
  }

  private static void deployment(String namespace, String name, int replicas) {
    var d =
        SpaceObjects.deployment(namespace, name, replicas, Map.of("app.kubernetes.io/name", name));
    wds.apps().deployments().inNamespace(namespace).resource(d).serverSideApply();
  }

  private static void scale(String namespace, String name, int replicas) {
    wds.apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
  }

  private static void awaitWebStatus(int available) {
    await("forge/web shows " + available + " available from cluster1 only")
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertWebStatusIs(available));
  }

  private static void assertWebStatusIs(int available) {
    var web = wds.apps().deployments().inNamespace("forge").withName("web").get();
    assertThat(web.getStatus()).isNotNull();
    assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(available);
    assertThat(web.getMetadata().getLabels())
        .containsEntry(WireNames.SINGLETON_STATUS_LABEL, "true")
        .containsEntry(WireNames.EXECUTING_COUNT_LABEL, "1");
    assertThat(rows("forge", "web", "forge")).isEqualTo("cluster1=" + available + ";");
  }

  private static WorkStatus workStatus(String namespace, String name) {
    return its.resources(WorkStatus.class).inNamespace(namespace).withName(name).get();
  }

  private static List<WorkStatus> workStatusesOf(String namespace, String object) {
    return its.resources(WorkStatus.class).inNamespace(namespace).list().getItems().stream()
        .filter(ws -> ws.getSpec() != null && ws.getSpec().sourceRef() != null)
        .filter(ws -> object.equals(ws.getSpec().sourceRef().name()))
        .toList();
  }

  /**
   * Writes, as a third party (the ITS administrator), a WorkStatus in {@code namespace} that copies
   * the labels of a real one and claims {@code claimed} with {@code available} replicas.
   */
  private static WorkStatus forge(
      String namespace, String name, WorkStatus real, SourceRef claimed, int available) {
    var ws = workStatusOf(claimed);
    ws.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(real.getMetadata().getLabels())
            .build());
    var created = its.resources(WorkStatus.class).inNamespace(namespace).resource(ws).create();
    created.setStatus(
        new ReportedStatus(
            Map.of(
                "replicas", available,
                "readyReplicas", available,
                "availableReplicas", available)));
    return its.resources(WorkStatus.class).inNamespace(namespace).resource(created).updateStatus();
  }

  /** The sum of one counter on the controller-manager's /metrics. */
  private static double metric(String name) throws IOException, InterruptedException {
    var url = components.running().get("controller-manager").url("/metrics");
    var body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.lines()
        .filter(l -> l.startsWith(name))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** A StatusCollector with one row per cluster: its name and one value of the returned object. */
  private static void perClusterCollector(String name, String column, String expression) {
    var columns =
        List.of(
            Map.of("name", "cluster", "def", "inventory.name"),
            Map.of("name", column, "def", expression));
    SpaceObjects.statusCollector(wds, name, Map.of("select", columns, "limit", 10));
  }
}
