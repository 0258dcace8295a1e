/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.monitoring;

import static io.kubestellar.e2e.chart.Charts.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubestellar.e2e.chart.Charts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the alert rules the core chart ships, checked without Prometheus (promtool
 * could not be built from the module proxy): the rule file has the shape Prometheus loads, each
 * alert has a runbook, each query is well-formed enough and names our metrics, the docs copy of the
 * dashboard is the chart's, and the chart renders both only when asked. That the metrics exist is
 * checked against running components by ImageRunIT.
 */
class MonitoringFilesIT {

  private static final Pattern DURATION = Pattern.compile("^([0-9]+(ms|s|m|h|d|w|y))+$");
  private static final Pattern ALERT_NAME = Pattern.compile("^KubeStellar[A-Z][A-Za-z0-9]+$");
  private static final Pattern RECORD_NAME = Pattern.compile("^kubestellar:[a-z0-9_]+:[a-z0-9_]+$");
  private static final List<String> RULE_KEYS =
      List.of("alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations");

  @Test
  void everyRuleHasTheShapePrometheusLoads() {
    var groups = MonitoringQueries.alerts().path("groups");
    assertThat(groups.isArray() && groups.size() > 0).as("groups").isTrue();
    var groupNames = new HashSet<String>();
    var names = new HashSet<String>();
    var recorded = new HashSet<String>();
    for (var group : groups) {
      assertThat(groupNames.add(group.path("name").asText())).as("unique group name").isTrue();
      assertThat(group.path("rules").size()).as("rules of %s", group.path("name")).isPositive();
      for (var rule : group.path("rules")) {
        var fields = new HashSet<String>();
        rule.fieldNames().forEachRemaining(fields::add);
        assertThat(RULE_KEYS).as("keys of %s", rule).containsAll(fields);
        assertThat(rule.has("alert") ^ rule.has("record")).as("alert or record: %s", rule).isTrue();
        var expr = rule.path("expr").asText();
        assertThat(expr).as("expr of %s", rule).isNotBlank();
        assertBalanced(expr);
        if (rule.has("record")) {
          var name = rule.path("record").asText();
          assertThat(name).matches(RECORD_NAME);
          assertThat(rule.has("for") || rule.has("annotations")).as("record %s", name).isFalse();
          recorded.add(name);
          names.add(name);
          continue;
        }
        var name = rule.path("alert").asText();
        assertThat(name).matches(ALERT_NAME);
        assertThat(names.add(name)).as("unique alert %s", name).isTrue();
        if (rule.has("for")) {
          assertThat(rule.path("for").asText()).as("for of %s", name).matches(DURATION);
        }
        assertThat(rule.path("labels").path("severity").asText())
            .as("severity of %s", name)
            .isIn("warning", "critical");
        assertThat(rule.path("annotations").path("summary").asText()).as("summary").isNotBlank();
        assertThat(rule.path("annotations").path("description").asText()).isNotBlank();
        assertThat(rule.path("annotations").has("runbook_url"))
            .as("the chart adds runbook_url, not the file")
            .isFalse();
      }
    }
    // A recorded series used by an alert is recorded in the file; no other colon names appear.
    var colonName = Pattern.compile("kubestellar:[a-z0-9_]+:[a-z0-9_]+");
    MonitoringQueries.ruleQueries()
        .forEach(
            (name, expr) -> {
              var m = colonName.matcher(expr);
              while (m.find()) {
                assertThat(recorded).as("recorded series used by %s", name).contains(m.group());
              }
            });
  }

  @Test
  void everyAlertHasARunbookSection() throws IOException {
    var page = Files.readString(Charts.repoRoot().resolve("docs/reference/alerts.md"));
    for (var group : MonitoringQueries.alerts().path("groups")) {
      for (var rule : group.path("rules")) {
        if (rule.has("alert")) {
          assertThat(page)
              .as("docs/reference/alerts.md section for %s", rule.path("alert").asText())
              .contains("\n### " + rule.path("alert").asText() + "\n");
        }
      }
    }
  }

  @Test
  void everyQueryIsBalancedAndNamesOurMetrics() {
    var queries = new java.util.LinkedHashMap<String, String>();
    queries.putAll(MonitoringQueries.dashboardQueries());
    MonitoringQueries.ruleQueries().forEach((k, v) -> queries.put("rule " + k, v));
    assertThat(MonitoringQueries.dashboardQueries()).hasSizeGreaterThanOrEqualTo(20);
    queries.forEach(
        (where, expr) -> {
          assertBalanced(expr);
          if (!expr.contains("kubestellar:")) {
            assertThat(MonitoringQueries.selectors(expr)).as("metrics of %s", where).isNotEmpty();
          }
        });
  }

  @Test
  void theDashboardCoversEveryStageAndItsDocsCopyIsTheChartsOwn() throws IOException {
    assertThat(
            Files.readString(Charts.repoRoot().resolve("docs/operations/grafana-dashboard.json")))
        .as("docs/operations/grafana-dashboard.json; copy it from the chart's files/monitoring/")
        .isEqualTo(Files.readString(MonitoringQueries.dashboardFile()));
    var dashboard = MonitoringQueries.dashboard();
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    var titles = new java.util.ArrayList<String>();
    for (var panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      if (!"row".equals(panel.path("type").asText())) {
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        assertThat(panel.path("targets").size())
            .as("targets of %s", titles.get(titles.size() - 1))
            .isPositive();
      }
    }
    assertThat(String.join("\n", titles))
        .contains("Change → Binding", "Binding → ManifestWork", "Applied", "Status back")
        .contains("Queue depths", "Errors", "Leader per component");
  }

  @Test
  void theChartRendersTheDashboardAndTheRulesOnlyWhenAsked(@TempDir Path dir) throws IOException {
    var none = Files.writeString(dir.resolve("none.yaml"), "wds: {name: wds1}\n");
    assertThat(kinds(Charts.template(Charts.CORE, "r", "kubestellar", none)))
        .doesNotContain("PrometheusRule")
        .noneMatch(k -> k.equals("ConfigMap"));
    var both =
        Files.writeString(
            dir.resolve("both.yaml"),
            String.join(
                "\n",
                "wds: {name: wds1}",
                "monitoring:",
                "  dashboard: {enabled: true, namespace: monitoring}",
                "  prometheusRule:",
                "    enabled: true",
                "    labels: {release: prometheus}",
                "    runbookBaseUrl: https://docs.example.com/alerts",
                ""));
    var rendered = Charts.documents(Charts.template(Charts.CORE, "r", "kubestellar", both));
    var configMap = only(rendered, "ConfigMap");
    var metadata = map(configMap.get("metadata"));
    assertThat(metadata.get("namespace")).isEqualTo("monitoring");
    assertThat(map(metadata.get("labels"))).containsEntry("grafana_dashboard", "1");
    var json = (String) map(configMap.get("data")).get("kubestellar-java.json");
    assertThat(new ObjectMapper().readTree(json)).isEqualTo(MonitoringQueries.dashboard());

    var rule = only(rendered, "PrometheusRule");
    assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    assertThat(map(map(rule.get("metadata")).get("labels"))).containsEntry("release", "prometheus");
    JsonNode spec = new ObjectMapper().valueToTree(rule.get("spec"));
    var file = MonitoringQueries.alerts().path("groups");
    assertThat(spec.path("groups").size()).isEqualTo(file.size());
    for (int g = 0; g < file.size(); g++) {
      var rules = spec.path("groups").get(g).path("rules");
      assertThat(rules.size()).isEqualTo(file.get(g).path("rules").size());
      for (int r = 0; r < rules.size(); r++) {
        var renderedRule = rules.get(r);
        var source = file.get(g).path("rules").get(r);
        assertThat(renderedRule.path("expr")).isEqualTo(source.path("expr"));
        if (source.has("alert")) {
          var anchor = source.path("alert").asText().toLowerCase(java.util.Locale.ROOT);
          assertThat(renderedRule.path("annotations").path("runbook_url").asText())
              .isEqualTo("https://docs.example.com/alerts#" + anchor);
          assertThat(renderedRule.path("annotations").path("runbook").asText())
              .isEqualTo("docs/reference/alerts.md#" + anchor);
        }
      }
    }
  }

  /** The check ImageRunIT makes against /metrics needs the name and every matcher to hold. */
  @Test
  void aSelectorMatchesOnlySeriesWithItsNameAndLabels() {
    var series =
        MonitoringQueries.series(
            String.join(
                "\n",
                "# TYPE kubestellar_binding_reconcile_seconds summary",
                "kubestellar_binding_reconcile_seconds{result=\"success\",quantile=\"0.99\"} 0.01",
                "kubestellar_binding_reconcile_seconds_count{result=\"error\"} 0",
                "kubestellar_transport_leader 1.0",
                ""));
    var query =
        "max(kubestellar_binding_reconcile_seconds{result=\"success\", quantile=~\"0.5|0.99\"})"
            + " + rate(kubestellar_binding_reconcile_seconds_count{result=\"error\"}[5m])"
            + " + kubestellar:recorded:ratio_rate5m + kubestellar_transport_leader";
    var selectors = MonitoringQueries.selectors(query);
    assertThat(selectors)
        .extracting(MonitoringQueries.Selector::metric)
        .containsExactly(
            "kubestellar_binding_reconcile_seconds",
            "kubestellar_binding_reconcile_seconds_count",
            "kubestellar_transport_leader");
    assertThat(selectors).allMatch(s -> MonitoringQueries.matchesAny(s, series));
    for (var absent :
        List.of(
            "kubestellar_binding_reconcile_seconds{result=\"error\", quantile=\"0.99\"}",
            "kubestellar_binding_reconcile_seconds_count{result!=\"error\"}",
            "kubestellar_transport_leaders")) {
      assertThat(MonitoringQueries.matchesAny(MonitoringQueries.selectors(absent).get(0), series))
          .as(absent)
          .isFalse();
    }
  }

  /** Parentheses, brackets and braces nest properly outside string literals. */
  private static void assertBalanced(String expr) {
    var stack = new java.util.ArrayDeque<Character>();
    boolean quoted = false;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && "([{".indexOf(c) >= 0) {
        stack.push(c);
      } else if (!quoted && ")]}".indexOf(c) >= 0) {
        assertThat(stack).as("closing %s in %s", c, expr).isNotEmpty();
        assertThat("([{".indexOf(stack.pop())).as("pairs in %s", expr).isEqualTo(")]}".indexOf(c));
      }
    }
    assertThat(stack).as("unclosed in %s", expr).isEmpty();
    assertThat(quoted).as("unclosed string in %s", expr).isFalse();
  }

  private static List<String> kinds(String yaml) {
    return Charts.documents(yaml).stream().map(o -> (String) o.get("kind")).toList();
  }

  private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
    var found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }
}
