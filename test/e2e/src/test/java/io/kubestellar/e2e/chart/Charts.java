/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The charts of this repository, the helm binary, and how to render them. */
public final class Charts {

  public static final String CORE = "kubestellar-core";
  public static final String ITS = "kubestellar-its";
  public static final String STATUS_ADDON = "kubestellar-status-addon";
  static final List<String> ALL = List.of(CORE, ITS, STATUS_ADDON);

  /** The components whose RBAC each chart renders (files/rbac/<component>/). */
  static final Map<String, List<String>> RBAC_COMPONENTS =
      Map.of(
          CORE, List.of("controller-manager", "transport-controller"),
          ITS, List.of("controller-manager", "transport-controller", "status-addon"),
          STATUS_ADDON, List.of("status-addon"));

  public static final Duration HELM_TIMEOUT = Duration.ofMinutes(3);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Charts() {}

  public static Path repoRoot() {
    return ComponentJars.fromWorkingDirectory().repoRoot();
  }

  public static Path chart(String name) {
    return repoRoot().resolve("charts").resolve(name);
  }

  public static Path helm() {
    return ToolPaths.fromEnvironment().binary("helm");
  }

  /** The chart's example values files (chart-testing's ci/ convention), sorted. */
  static List<Path> ciValues(String chart) {
    try (Stream<Path> files = Files.list(chart(chart).resolve("ci"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code helm template} of a chart with the given values file and extra arguments. */
  public static String template(
      String chart, String release, String namespace, Path values, String... extra) {
    var command = new ArrayList<String>();
    command.addAll(
        List.of(
            helm().toString(),
            "template",
            release,
            chart(chart).toString(),
            "--namespace",
            namespace,
            "--values",
            values.toString()));
    command.addAll(List.of(extra));
    return ExternalCommand.run(HELM_TIMEOUT, command).requireSuccess().output();
  }

  /** The documents of a multi-document YAML text, as maps (empty documents dropped). */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> documents(String yaml) {
    try (var parser = YAML.getFactory().createParser(yaml)) {
      var result = new ArrayList<Map<String, Object>>();
      var values = YAML.readValues(parser, Map.class);
      while (values.hasNext()) {
        var document = values.next();
        if (document != null && !document.isEmpty()) {
          result.add((Map<String, Object>) document);
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Map<String, Object>> documents(Path file) {
    try {
      return documents(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML mapping as parsed by {@link #documents}, or an empty map for null. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  /** A YAML sequence of mappings as parsed by {@link #documents}, or an empty list for null. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
