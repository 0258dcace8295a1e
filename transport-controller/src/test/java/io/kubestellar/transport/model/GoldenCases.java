/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file cases under {@code src/test/resources/<TestClass>/<case>/}: each case directory holds
 * {@code in*.yaml} and {@code out*.yaml}.
 */
public final class GoldenCases {

  public static final ObjectMapper YAML = new YAMLMapper();

  private GoldenCases() {}

  /** The case directories for a test class, sorted by name. */
  public static Stream<Path> of(Class<?> testClass) {
    var url = testClass.getResource("/" + testClass.getSimpleName());
    if (url == null) {
      throw new IllegalStateException("no golden directory for " + testClass.getSimpleName());
    }
    try (var dirs = Files.list(Path.of(url.toURI()))) {
      List<Path> cases = dirs.filter(Files::isDirectory).sorted().toList();
      if (cases.isEmpty()) {
        throw new IllegalStateException("no golden cases for " + testClass.getSimpleName());
      }
      return cases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one YAML document of a case. */
  public static JsonNode read(Path caseDir, String file) {
    try {
      return YAML.readTree(caseDir.resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
