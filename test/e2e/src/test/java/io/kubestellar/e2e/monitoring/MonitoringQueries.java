/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubestellar.e2e.chart.Charts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The PromQL of the core chart's Grafana dashboard and alert rules, and the metric selectors in it
 * (a metric name of ours with its label matchers), matched against Prometheus text as the
 * components serve it on /metrics.
 */
public final class MonitoringQueries {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One of our metric names, not part of a recording rule's name (those contain colons). */
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![A-Za-z0-9_:])(kubestellar_[a-z0-9_]+)(?![A-Za-z0-9_:])(\\{[^}]*\\})?");

  private static final Pattern MATCHER =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SAMPLE =
      Pattern.compile("^([A-Za-z_:][A-Za-z0-9_:]*)(\\{(.*)\\})?\\s+\\S+.*$");
  private static final Pattern LABEL =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** A metric name and its label matchers, as written in a query. */
  public record Selector(String metric, List<Matcher> matchers) {
    @Override
    public String toString() {
      return metric + matchers;
    }
  }

  /** {@code label op "value"}. */
  public record Matcher(String label, String op, String value) {
    boolean matches(String actual) {
      var v = actual == null ? "" : actual;
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        case "=~" -> v.matches(value);
        case "!~" -> !v.matches(value);
        default -> throw new IllegalArgumentException(op);
      };
    }

    @Override
    public String toString() {
      return label + op + '"' + value + '"';
    }
  }

  /** One series of a scrape: its name and labels. */
  public record Series(String name, Map<String, String> labels) {}

  private MonitoringQueries() {}

  public static Path dashboardFile() {
    return Charts.chart(Charts.CORE).resolve("files/monitoring/dashboard.json");
  }

  public static Path alertsFile() {
    return Charts.chart(Charts.CORE).resolve("files/monitoring/alerts.yaml");
  }

  public static JsonNode dashboard() {
    return read(JSON, dashboardFile());
  }

  public static JsonNode alerts() {
    return read(YAML, alertsFile());
  }

  /** Every query of the dashboard, keyed by "panel title / refId". */
  public static Map<String, String> dashboardQueries() {
    var result = new LinkedHashMap<String, String>();
    for (var panel : dashboard().path("panels")) {
      for (var target : panel.path("targets")) {
        result.put(
            panel.path("title").asText() + " / " + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    return result;
  }

  /** Every rule expression of the alerts file, keyed by the alert's or recorded series' name. */
  public static Map<String, String> ruleQueries() {
    var result = new LinkedHashMap<String, String>();
    for (var group : alerts().path("groups")) {
      for (var rule : group.path("rules")) {
        var name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
        result.put(name, rule.path("expr").asText());
      }
    }
    return result;
  }

  /** The selectors of our metrics in a query. */
  public static List<Selector> selectors(String query) {
    var result = new ArrayList<Selector>();
    var found = SELECTOR.matcher(query);
    while (found.find()) {
      var matchers = new ArrayList<Matcher>();
      if (found.group(2) != null) {
        var m = MATCHER.matcher(found.group(2));
        while (m.find()) {
          matchers.add(new Matcher(m.group(1), m.group(2), m.group(3)));
        }
      }
      result.add(new Selector(found.group(1), matchers));
    }
    return result;
  }

  /** The series of a Prometheus text exposition (comments skipped). */
  public static List<Series> series(String exposition) {
    var result = new ArrayList<Series>();
    for (var line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      var sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        continue;
      }
      var labels = new LinkedHashMap<String, String>();
      if (sample.group(3) != null) {
        var label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      result.add(new Series(sample.group(1), labels));
    }
    return result;
  }

  /** Whether some series has the selector's name and satisfies all of its matchers. */
  public static boolean matchesAny(Selector selector, List<Series> series) {
    return series.stream()
        .anyMatch(
            s ->
                s.name().equals(selector.metric())
                    && selector.matchers().stream()
                        .allMatch(m -> m.matches(s.labels().get(m.label()))));
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
