/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.e2e.chart.Charts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing the project ships turns TLS verification off: not the charts, the RBAC and CRD files, the
 * examples, the scripts, the docs users copy from, nor any component's or the plugin's code.
 */
class TlsVerificationTest {

  /** Every way we know of to switch verification off, in kubeconfigs, fabric8, curl and Helm. */
  static final Pattern DISABLES_VERIFICATION =
      Pattern.compile(
          "insecure-skip-tls-verify"
              + "|insecureSkipTLSVerify"
              + "|trustCerts\\s*\\(\\s*true"
              + "|trust-certs"
              + "|disableHostnameVerification"
              + "|TrustAllCerts|TrustManager\\s*\\[\\]\\s*\\{"
              + "|--kubelet-insecure-tls"
              + "|curl\\s+(-[a-zA-Z]*k\\b|--insecure)"
              + "|--insecure-skip-tls-verify",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> SHIPPED =
      List.of(
          "charts",
          "config",
          "examples",
          "hack",
          "docs",
          "README.md",
          "api/src/main",
          "runtime/src/main",
          "controller-manager/src/main",
          "transport-controller/src/main",
          "status-addon/src/main",
          "kubectl-plugin/src/main");

  private static final Set<String> TEXT =
      Set.of(
          ".yaml", ".yml", ".tpl", ".json", ".sh", ".md", ".java", ".txt", ".properties", ".xml");

  @Test
  void noShippedFileDisablesTlsVerification() {
    var root = Charts.repoRoot();
    var scanned = new ArrayList<Path>();
    var offending = new ArrayList<String>();
    for (var top : SHIPPED) {
      var start = root.resolve(top);
      assertThat(start).as("shipped path " + top).exists();
      try (Stream<Path> files = Files.walk(start)) {
        for (var file : files.filter(Files::isRegularFile).filter(this::isText).toList()) {
          scanned.add(file);
          var lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            if (DISABLES_VERIFICATION.matcher(lines.get(i)).find()) {
              offending.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(scanned).as("files scanned").hasSizeGreaterThan(300);
    assertThat(offending).as("lines that turn TLS verification off").isEmpty();
  }

  @Test
  void thePatternCatchesEachKnownForm() {
    for (var bad :
        List.of(
            "    insecure-skip-tls-verify: true",
            "new ConfigBuilder().withTrustCerts(true).build()",
            "config.setTrustCerts( true );",
            "  insecureSkipTLSVerify: true",
            "curl -sk https://127.0.0.1:6443/readyz",
            "curl --insecure https://host",
            "kubectl --insecure-skip-tls-verify get pods",
            "--kubelet-insecure-tls")) {
      assertThat(DISABLES_VERIFICATION.matcher(bad).find()).as(bad).isTrue();
    }
    for (var fine :
        List.of(
            "certificate-authority-data: LS0t",
            "curl -s --cacert ca.crt https://host",
            "withTrustCerts(false)",
            "curl -fsSL https://example.com")) {
      assertThat(DISABLES_VERIFICATION.matcher(fine).find()).as(fine).isFalse();
    }
  }

  private boolean isText(Path file) {
    var name = file.getFileName().toString();
    if (file.toString().contains("/target/")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 && TEXT.contains(name.substring(dot));
  }
}
