/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each component's image, as {@code mvn -Pimages package} builds it: a non-root numeric user, the
 * component's main class as entrypoint, the management port, the OCI labels and JVM defaults; the
 * base layers hold the JRE, and what Jib adds is the component's jar, its dependency jars and Jib's
 * two launcher files under /app, and nothing else.
 */
class ImageContentIT {

  private static final Map<String, String> MAIN_CLASSES =
      Map.of(
          "controller-manager", "io.kubestellar.controller.Main",
          "transport-controller", "io.kubestellar.transport.Main",
          "status-addon", "io.kubestellar.statusaddon.Main");

  static List<String> components() {
    return OciImage.COMPONENTS;
  }

  @ParameterizedTest
  @MethodSource("components")
  void runsTheComponentAsANonRootUserWithItsPortAndLabels(String component, @TempDir Path work)
      throws IOException {
    var image = OciImage.read(component, work);
    var config = image.containerConfig();

    assertThat(image.reference()).isEqualTo("kubestellar-java/" + component + ":0.1.0-SNAPSHOT");
    assertThat(image.config()).containsEntry("os", "linux").containsEntry("architecture", "amd64");
    assertThat(config.get("User")).isEqualTo("65532:65532");
    assertThat(config.get("WorkingDir")).isEqualTo("/app");
    assertThat(config.get("Entrypoint"))
        .isEqualTo(List.of("java", "-cp", "@/app/jib-classpath-file", MAIN_CLASSES.get(component)));
    assertThat(config.get("Cmd")).as("no default arguments: the chart gives them").isNull();
    assertThat(config.get("ExposedPorts")).isEqualTo(Map.of("8081/tcp", Map.of()));
    @SuppressWarnings("unchecked")
    var env = (List<String>) config.get("Env");
    assertThat(env)
        .contains("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError")
        .anyMatch(e -> e.startsWith("PATH="));
    @SuppressWarnings("unchecked")
    var labels = (Map<String, String>) config.get("Labels");
    assertThat(labels)
        .containsEntry("org.opencontainers.image.title", "kubestellar-java " + component)
        .containsEntry("org.opencontainers.image.version", "0.1.0-SNAPSHOT")
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsKey("org.opencontainers.image.description");
  }

  @ParameterizedTest
  @MethodSource("components")
  void holdsTheJreAndTheComponentsJarsAndNothingElse(String component, @TempDir Path work)
      throws IOException {
    var image = OciImage.read(component, work);
    var base = image.layers().stream().filter(l -> !l.fromJib()).toList();
    var added = image.layers().stream().filter(OciImage.Layer::fromJib).toList();

    assertThat(base).as("base layers").isNotEmpty();
    assertThat(base.stream().flatMap(l -> l.paths().stream()))
        .as("the base holds a Java runtime")
        .anyMatch(p -> p.endsWith("/bin/java"))
        .anyMatch(p -> p.endsWith("/lib/server/libjvm.so"));
    assertThat(added)
        .extracting(OciImage.Layer::comment)
        .containsExactly("dependencies", "project dependencies", "extra files", "jvm arg files");

    var files =
        added.stream().flatMap(l -> l.paths().stream()).filter(p -> !p.endsWith("/")).toList();
    assertThat(files)
        .as("what Jib added")
        .allMatch(
            p ->
                p.matches("app/libs/[^/]+\\.jar")
                    || p.matches("app/classpath/[^/]+\\.jar")
                    || p.equals("app/jib-classpath-file")
                    || p.equals("app/jib-main-class-file"))
        .contains(
            "app/classpath/" + component + "-0.1.0-SNAPSHOT.jar",
            "app/libs/kubestellar-api-0.1.0-SNAPSHOT.jar",
            "app/libs/kubestellar-runtime-0.1.0-SNAPSHOT.jar",
            "app/jib-classpath-file",
            "app/jib-main-class-file")
        .doesNotHaveDuplicates();
    assertThat(added.get(0).paths())
        .as("third-party jars, a layer of their own")
        .anyMatch(p -> p.matches("app/libs/kubernetes-client-[0-9.]+\\.jar"))
        .noneMatch(p -> p.contains("kubestellar-"));
    assertThat(files).noneMatch(p -> p.contains("junit") || p.contains("assertj"));

    // The class path the entrypoint reads names the component's directory and exactly the
    // dependency jars the layers hold.
    var rootfs = work.resolve("rootfs");
    image.unpack(rootfs, added);
    var classpath = Files.readString(rootfs.resolve("app/jib-classpath-file")).trim();
    var jars = new TreeSet<String>();
    files.stream().filter(p -> p.startsWith("app/libs/")).forEach(p -> jars.add("/" + p));
    jars.add("/app/classpath/*");
    assertThat(new TreeSet<>(List.of(classpath.split(":")))).isEqualTo(jars);
    assertThat(Files.readString(rootfs.resolve("app/jib-main-class-file")).trim())
        .isEqualTo(MAIN_CLASSES.get(component));
  }
}
