/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.e2e.chart.ExternalCommand;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The kubectl plugin on the whole system (separate processes, chart RBAC), run as a user runs it:
 * through its launcher, with a kubeconfig whose every identity may only get, list and watch (the
 * role the plugin ships), so any write would be refused. The stories follow
 * examples/answers-at-a-glance: the shop goes to cluster1 only, a look-alike stays in namespace
 * lab, a second policy is previewed and then applied, a WEC-side edit shows in diff; last, the
 * console in headless Chromium shows the same matrix and follows a WEC change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlPluginIT {

  static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  static PluginEnvironment system;

  @BeforeAll
  static void startTheSystemAndApplyTheShop() {
    system = PluginEnvironment.start("kubectl-plugin-it");
    system.kubectl.run("wds1", "apply", "-f", system.example("workload.yaml"));
    system.kubectl.run("wds1", "apply", "-f", system.example("policy-cluster1.yaml"));
    awaitAvailable("shop-cluster1", 3);
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  static void awaitAvailable(String policy, int cells) {
    await("where " + policy + " shows " + cells + " available cells")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        json(system.plugin("where", policy, "-o", "json"))
                            .path("counts")
                            .path("available")
                            .asInt())
                    .isEqualTo(cells));
  }

  static JsonNode json(ExternalCommand result) throws IOException {
    assertThat(result.exitCode()).as(result.output()).isZero();
    var text = result.output();
    return JSON.readTree(text.substring(text.indexOf('{')));
  }

  @Test
  @Order(1)
  void theRoleThePluginRunsUnderOnlyReads() throws IOException {
    try (InputStream in = Files.newInputStream(PluginEnvironment.READ_ONLY_ROLE)) {
      var role =
          system.env.client("wds1").getKubernetesSerialization().unmarshal(in, ClusterRole.class);
      var verbs =
          role.getRules().stream().flatMap(r -> r.getVerbs().stream()).collect(Collectors.toSet());
      assertThat(verbs).containsExactlyInAnyOrder("get", "list", "watch");
    }
    // The identities really lack write rights: the same kubeconfig cannot create anything.
    var denied =
        ExternalCommand.run(
            Duration.ofSeconds(60),
            List.of(
                ToolPaths.fromEnvironment().kubectl().toString(),
                "--kubeconfig=" + system.readOnlyKubeconfig.split(":")[0],
                "--context=wds1",
                "create",
                "configmap",
                "probe",
                "-n",
                "default"));
    assertThat(denied.exitCode()).isNotZero();
    assertThat(denied.output()).containsIgnoringCase("forbidden");
  }

  @Test
  @Order(2)
  void whereMatchesWhatIsInTheWecs() throws IOException {
    var matrix = json(system.plugin("where", "-o", "json"));
    var wecs = List.of("cluster1", "cluster2");
    var checked = 0;
    for (var row : matrix.path("rows")) {
      for (var cluster : wecs) {
        var cell = row.path("cells").path(cluster);
        var inWec = system.existsInWec(cluster, row);
        var delivered =
            List.of("applied", "available", "drifted").contains(cell.path("state").asText());
        assertThat(inWec)
            .as("%s in %s: where says %s", row.path("object").asText(), cluster, cell)
            .isEqualTo(delivered);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6);
    assertThat(system.plugin("where", "shop-cluster1").output())
        .containsPattern("configmaps/shop/settings\\s+shop-cluster1\\s+available")
        .contains("3 objects × 1 clusters, 3 cells: 3 available");
    assertThat(json(system.plugin("where", "-n", "lab", "-o", "json")).path("rows")).isEmpty();
  }

  @Test
  @Order(3)
  void explainNamesTheFailingLabelAndTheNamespaceClause() throws IOException {
    var bound = system.plugin("explain", "configmap/settings", "-n", "shop");
    assertThat(bound.exitCode()).as(bound.output()).isZero();
    assertThat(bound.output())
        .contains(
            "BindingPolicy shop-cluster1: selected by downsync[1] (createOnly), bound to clusters [cluster1]")
        .containsPattern("cluster1\\s+bound\\s+matches clusterSelectors\\[0\\] \\(name=cluster1\\)")
        .containsPattern(
            "cluster2\\s+not bound\\s+clusterSelectors\\[0\\] \\(name=cluster1\\): label name=cluster2, wanted name=cluster1")
        .containsPattern("ManifestWork \\S+: available");
    var excluded = json(system.plugin("explain", "cm/settings", "-n", "lab", "-o", "json"));
    var policy =
        excluded.path("policies").findParents("policy").stream()
            .filter(p -> p.path("policy").asText().equals("shop-cluster1"))
            .findFirst()
            .orElseThrow();
    assertThat(policy.path("selected").asBoolean()).isFalse();
    assertThat(policy.path("clauses").get(1).path("reason").asText())
        .isEqualTo("namespace 'lab' is not in namespaces [shop]");
    var missing = system.plugin("explain", "configmap/nothing", "-n", "shop");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.output()).contains("error: configmaps \"nothing\" not found in the WDS");
  }

  @Test
  @Order(4)
  void previewListsExactlyWhatApplyingThePolicyBinds() throws IOException {
    var preview =
        json(system.plugin("preview", "-f", system.example("policy-cluster2.yaml"), "-o", "json"));
    assertThat(preview.path("bindingExists").asBoolean()).isFalse();
    assertThat(preview.path("problems")).isEmpty();
    var objects = new TreeSet<String>();
    preview.path("objects").forEach(o -> objects.add(o.asText()));
    var clusters = new TreeSet<String>();
    preview.path("clusters").forEach(c -> clusters.add(c.asText()));
    assertThat(objects)
        .containsExactly(
            "configmaps/shop/settings", "deployments.apps/shop/web", "namespaces/shop");
    assertThat(clusters).containsExactly("cluster2");
    assertThat(system.env.client("wds1").resources(Binding.class).withName("shop-cluster2").get())
        .as("preview creates nothing")
        .isNull();

    system.kubectl.run("wds1", "apply", "-f", system.example("policy-cluster2.yaml"));
    await("Binding shop-cluster2 written")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var binding =
                  system
                      .env
                      .client("wds1")
                      .resources(Binding.class)
                      .withName("shop-cluster2")
                      .get();
              assertThat(binding).isNotNull();
              var bound = new TreeSet<String>();
              binding
                  .getSpec()
                  .workload()
                  .namespaceScope()
                  .forEach(
                      e ->
                          bound.add(
                              typeName(e.group(), e.resource())
                                  + "/"
                                  + e.namespace()
                                  + "/"
                                  + e.name()));
              binding
                  .getSpec()
                  .workload()
                  .clusterScope()
                  .forEach(e -> bound.add(typeName(e.group(), e.resource()) + "/" + e.name()));
              var destinations = new TreeSet<String>();
              binding.getSpec().destinations().forEach(d -> destinations.add(d.clusterId()));
              assertThat(bound).isEqualTo(objects);
              assertThat(destinations).isEqualTo(clusters);
            });
    awaitAvailable("shop-cluster2", 3);
    var again =
        json(system.plugin("preview", "-f", system.example("policy-cluster2.yaml"), "-o", "json"));
    assertThat(again.path("bindingExists").asBoolean()).isTrue();
    assertThat(again.path("addedObjects")).isEmpty();
    assertThat(again.path("removedObjects")).isEmpty();
  }

  @Test
  @Order(5)
  void diffShowsAWecSideEdit() {
    var before = system.plugin("diff", "configmap/settings", "-n", "shop", "--cluster", "cluster1");
    assertThat(before.exitCode()).as(before.output()).isZero();
    assertThat(before.output()).isBlank();

    system.setShopMode("cluster1", "maintenance");
    var after = system.plugin("diff", "configmap/settings", "-n", "shop", "--cluster", "cluster1");
    assertThat(after.exitCode()).as(after.output()).isEqualTo(1);
    assertThat(after.output())
        .contains("--- wds1/configmaps/shop/settings as sent to cluster1")
        .contains("+++ cluster1/configmaps/shop/settings (status and defaults left out)")
        .contains("-  mode: normal\n+  mode: maintenance\n")
        .doesNotContain("creationTimestamp", "uid", "resourceVersion");

    var unbound = system.plugin("diff", "configmap/settings", "-n", "lab", "--cluster", "cluster1");
    assertThat(unbound.exitCode()).isEqualTo(2);
    assertThat(unbound.output()).contains("is not bound to cluster cluster1");
  }

  @Test
  @Order(6)
  void theConsoleInChromiumShowsTheMatrixOfWhereAndFollowsAWecChange() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var log = Path.of("target", "kubectl-plugin-it", "console.log").toAbsolutePath();
    var console =
        new ProcessBuilder(system.consoleCommand(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    var url = "http://127.0.0.1:" + port + "/";
    try (var chromium = Chromium.start()) {
      var http = HttpClient.newHttpClient();
      await("console answers (log: " + log + ")")
          .atMost(TIMEOUT)
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(URI.create(url)).build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()
                      == 200);
      var driver = chromium.driver;
      driver.get(url);
      await("the console shows the matrix of where")
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(pageStates(driver))
                      .isEqualTo(states(json(system.plugin("where", "-o", "json")))));
      assertThat(pageStates(driver))
          .containsEntry("configmaps/shop/settings@cluster1", "available");
      assertThat(driver.findElement(By.id("summary")).getText()).contains("cells");
      assertThat(
              driver
                  .findElement(By.cssSelector("#policies tr[data-policy='shop-cluster1']"))
                  .getText())
          .contains("Synced=True");
      chromium.screenshot("matrix");

      await("a click on a cell")
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () -> {
                cell(driver, "configmaps/shop/settings", "cluster1").click();
                return true;
              });
      await("explain and diff of the clicked cell")
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(driver.findElement(By.id("explain")).getText())
                    .contains("BindingPolicy shop-cluster1: selected by downsync[1]");
                assertThat(driver.findElement(By.id("diff")).getText())
                    .contains("+  mode: maintenance");
              });
      chromium.screenshot("cell");

      option(driver, "filter-policy", "shop-cluster2").click();
      await("filtered by policy")
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(pageStates(driver).keySet())
                      .hasSize(3)
                      .allMatch(k -> k.endsWith("@cluster2")));
      option(driver, "filter-policy", "all").click();

      // A WEC-side edit of a delivered (not createOnly) object: the status add-on reports drift to
      // the ITS, and the page, fed by its watches, must show it without a reload.
      var edited = System.nanoTime();
      system.kubectl.run("cluster2", "-n", "shop", "scale", "deployment", "web", "--replicas", "3");
      await("the ITS reports the drift")
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  !system
                      .env
                      .client("its1")
                      .genericKubernetesResources("control.kubestellar.io/v1alpha1", "WorkStatus")
                      .inNamespace("cluster2")
                      .withLabel("control.kubestellar.io/drifted", "true")
                      .list()
                      .getItems()
                      .isEmpty());
      var reported = System.nanoTime();
      await("the console shows the drift within 2 s of the ITS report")
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> "drifted".equals(pageStates(driver).get("deployments.apps/shop/web@cluster2")));
      var shown = System.nanoTime();
      System.out.printf(
          "console: WEC edit -> ITS drift report %d ms, report -> page %d ms%n",
          (reported - edited) / 1_000_000, (shown - reported) / 1_000_000);
      assertThat(Duration.ofNanos(shown - edited))
          .as("WEC edit to page")
          .isLessThan(Duration.ofSeconds(10));
      chromium.screenshot("drifted");

      option(driver, "filter-state", "drifted").click();
      await("filtered by state")
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(pageStates(driver))
                      .containsEntry("deployments.apps/shop/web@cluster2", "drifted"));
    } finally {
      console.destroy();
      console.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static WebElement option(WebDriver driver, String select, String text) {
    return driver.findElement(By.xpath("//select[@id='" + select + "']/option[.='" + text + "']"));
  }

  private static String typeName(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  private static WebElement cell(WebDriver driver, String object, String cluster) {
    return driver.findElement(
        By.cssSelector("td.cell[data-object='" + object + "'][data-cluster='" + cluster + "']"));
  }

  /** Every cell's state, read in one script run: the page re-renders the matrix on each event. */
  private static Map<String, String> pageStates(WebDriver driver) {
    var states = new TreeMap<String, String>();
    var cells =
        (List<?>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('td.cell'))"
                        + ".map(td => [td.dataset.object + '@' + td.dataset.cluster, td.dataset.state]);");
    for (var cell : cells) {
      var pair = (List<?>) cell;
      states.put(pair.get(0).toString(), pair.get(1).toString());
    }
    return states;
  }

  private static Map<String, String> states(JsonNode matrix) {
    var states = new TreeMap<String, String>();
    for (var row : matrix.path("rows")) {
      row.path("cells")
          .fields()
          .forEachRemaining(
              e ->
                  states.put(
                      row.path("object").asText() + "@" + e.getKey(),
                      e.getValue().path("state").asText()));
    }
    return states;
  }
}
