/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The charts carry copies of generated and hand-written sources: CRDs from config/crd (generated
 * from the api module), RBAC from config/rbac. A copy that differs from its source fails here,
 * naming the script that refreshes it. config/rbac itself must keep the house rules: one file per
 * space and purpose, reads apart from writes, every rule explained.
 */
class ChartDriftIT {

  private static final Pattern RBAC_FILE =
      Pattern.compile("(wds|its|wec)-(watch|write)(-[a-z]+)*\\.yaml");
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

  @Test
  void chartCrdsAreTheGeneratedCrds() {
    var generated = contents(repo("config", "crd"));
    var expectedCore = new TreeMap<>(generated);
    expectedCore.remove("control.kubestellar.io_workstatuses.yaml");
    var expectedIts = new TreeMap<String, String>();
    expectedIts.put(
        "control.kubestellar.io_workstatuses.yaml",
        generated.get("control.kubestellar.io_workstatuses.yaml"));

    assertThat(contents(Charts.chart(Charts.CORE).resolve("crds")))
        .as("charts/kubestellar-core/crds differs from config/crd; run hack/update-chart-crds.sh")
        .isEqualTo(expectedCore);
    assertThat(contents(Charts.chart(Charts.ITS).resolve("crds")))
        .as("charts/kubestellar-its/crds differs from config/crd; run hack/update-chart-crds.sh")
        .isEqualTo(expectedIts);
    assertThat(Charts.chart(Charts.STATUS_ADDON).resolve("crds"))
        .as("the status add-on runs in a WEC, which needs no KubeStellar CRD")
        .doesNotExist();
  }

  @Test
  void chartRbacFilesAreCopiesOfConfigRbac() {
    for (var chart : Charts.ALL) {
      var rbac = Charts.chart(chart).resolve("files").resolve("rbac");
      assertThat(subdirectories(rbac))
          .as("components with RBAC in charts/%s/files/rbac", chart)
          .isEqualTo(new TreeSet<>(Charts.RBAC_COMPONENTS.get(chart)));
      for (var component : Charts.RBAC_COMPONENTS.get(chart)) {
        assertThat(contents(rbac.resolve(component)))
            .as(
                "charts/%s/files/rbac/%s differs from config/rbac/%s; run hack/update-chart-rbac.sh",
                chart, component, component)
            .isEqualTo(contents(repo("config", "rbac", component)));
      }
    }
  }

  @Test
  void everyChartRendersRbacWithTheSameHelper() throws IOException {
    var helper = Files.readString(Charts.chart(Charts.CORE).resolve("templates/_rbac.tpl"));
    for (var chart : Charts.ALL) {
      assertThat(Files.readString(Charts.chart(chart).resolve("templates/_rbac.tpl")))
          .as("charts/%s/templates/_rbac.tpl; run hack/update-chart-rbac.sh", chart)
          .isEqualTo(helper);
    }
  }

  @Test
  void everyChartThatRunsAComponentSharesTheWorkloadHelper() throws IOException {
    var helper = Files.readString(Charts.chart(Charts.CORE).resolve("templates/_workload.tpl"));
    assertThat(
            Files.readString(Charts.chart(Charts.STATUS_ADDON).resolve("templates/_workload.tpl")))
        .as("charts/%s/templates/_workload.tpl; run hack/update-chart-rbac.sh", Charts.STATUS_ADDON)
        .isEqualTo(helper);
  }

  @Test
  void configRbacSplitsReadsFromWritesAndExplainsEveryRule() throws IOException {
    for (var component : subdirectories(repo("config", "rbac"))) {
      for (var entry : contents(repo("config", "rbac", component)).entrySet()) {
        var where = "config/rbac/" + component + "/" + entry.getKey();
        assertThat(RBAC_FILE.matcher(entry.getKey()).matches())
            .as("%s is named <wds|its|wec>-<watch|write>[-what].yaml", where)
            .isTrue();
        var documents = Charts.documents(entry.getValue());
        assertThat(documents).as("%s holds one ClusterRole or Role", where).hasSize(1);
        var role = documents.get(0);
        assertThat(role.get("kind")).as(where).isIn("ClusterRole", "Role");
        if (entry.getKey().contains("-watch")) {
          for (var rule : rules(role)) {
            assertThat(strings(rule.get("verbs")))
                .as("%s grants only reads (writes belong in a -write file)", where)
                .isSubsetOf(READ_VERBS);
          }
        }
        var lines = entry.getValue().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].startsWith("  - apiGroups:")) {
            assertThat(lines[i - 1].strip())
                .as("%s line %d: a rule needs a comment saying why", where, i + 1)
                .startsWith("#");
          }
        }
      }
    }
  }

  @Test
  void statusAddonModuleRbacGrantsWhatConfigRbacGrants() {
    // status-addon/src/main/rbac/ is what its Preflight names in messages; both must grant the
    // same.
    var module = repo("status-addon", "src", "main", "rbac");
    Assumptions.assumeTrue(Files.isDirectory(module), "status-addon has no src/main/rbac");
    for (var space : List.of("its", "wec")) {
      var moduleFile = module.resolve(space + "-rbac.yaml");
      Assumptions.assumeTrue(Files.exists(moduleFile), moduleFile + " is absent");
      var config = new TreeSet<String>();
      for (var file : contents(repo("config", "rbac", "status-addon")).entrySet()) {
        if (file.getKey().startsWith(space + "-")) {
          Charts.documents(file.getValue()).forEach(role -> config.addAll(grants(role)));
        }
      }
      var granted = new TreeSet<String>();
      for (var document : Charts.documents(moduleFile)) {
        if (Set.of("Role", "ClusterRole").contains(document.get("kind"))) {
          granted.addAll(grants(document));
        }
      }
      assertThat(granted)
          .as("rights in %s versus config/rbac/status-addon/%s-*.yaml", moduleFile, space)
          .isEqualTo(config);
    }
  }

  /** Every (group, resource, name, verb) a role grants, one string each. */
  private static Set<String> grants(Map<String, Object> role) {
    var result = new TreeSet<String>();
    for (var rule : rules(role)) {
      var names = strings(rule.get("resourceNames"));
      for (var group : strings(rule.get("apiGroups"))) {
        for (var resource : strings(rule.get("resources"))) {
          for (var verb : strings(rule.get("verbs"))) {
            if (names.isEmpty()) {
              result.add(group + "/" + resource + " " + verb);
            } else {
              names.forEach(n -> result.add(group + "/" + resource + "/" + n + " " + verb));
            }
          }
        }
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Map<String, Object> role) {
    var rules = (List<Map<String, Object>>) role.get("rules");
    return rules == null ? List.of() : rules;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  private static Path repo(String... parts) {
    return Path.of(Charts.repoRoot().toString(), parts);
  }

  private static TreeSet<String> subdirectories(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** File name to content, for the regular files directly in a directory. */
  private static TreeMap<String, String> contents(Path dir) {
    var result = new TreeMap<String, String>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    var files = new ArrayList<Path>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(Files::isRegularFile).forEach(files::add);
      for (var file : files) {
        result.put(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    return result;
  }
}
