/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubestellar.e2e.chart.ExternalCommand;
import io.kubestellar.localenv.ComponentJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One image as profile {@code images} writes it ({@code <module>/target/<module>-image.tar}, an OCI
 * image layout), unpacked: its configuration and, per layer, the history entry that made it and the
 * paths it holds.
 */
record OciImage(String reference, Map<String, Object> config, List<Layer> layers, Path blobs) {

  static final List<String> COMPONENTS =
      List.of("controller-manager", "transport-controller", "status-addon");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TAR_TIMEOUT = Duration.ofMinutes(2);

  /** A layer: its blob, who made it ({@code Jib} or the base's builder), and its paths. */
  record Layer(String digest, String author, String comment, List<String> paths) {

    /** Whether Jib added this layer (the others come from the base image). */
    boolean fromJib() {
      return "Jib".equals(author);
    }
  }

  /** The tarball profile {@code images} builds for a component. */
  static Path tarball(String component) {
    return ComponentJars.fromWorkingDirectory()
        .repoRoot()
        .resolve(component)
        .resolve("target")
        .resolve(component + "-image.tar");
  }

  /** Reads a component's image, unpacking its tarball into {@code work}. */
  static OciImage read(String component, Path work) throws IOException {
    var tarball = tarball(component);
    if (!Files.isRegularFile(tarball)) {
      throw new AssertionError(
          "no image tarball "
              + tarball
              + "; build the images first: mvn -Pimages -Dimage.base=tar://$(hack/build-base-image.sh)"
              + " -pl controller-manager,transport-controller,status-addon -am package -DskipTests"
              + " (hack/test.sh does)");
    }
    var dir = Files.createDirectories(work.resolve(component + "-image"));
    tar("-xf", tarball.toString(), "-C", dir.toString());
    var index = json(dir.resolve("index.json"));
    var entry = maps(index.get("manifests")).get(0);
    @SuppressWarnings("unchecked")
    var annotations = (Map<String, Object>) entry.get("annotations");
    var blobs = dir.resolve("blobs").resolve("sha256");
    var manifest = json(blob(blobs, (String) entry.get("digest")));
    @SuppressWarnings("unchecked")
    var configDescriptor = (Map<String, Object>) manifest.get("config");
    var config = json(blob(blobs, (String) configDescriptor.get("digest")));
    var history =
        maps(config.get("history")).stream()
            .filter(h -> !Boolean.TRUE.equals(h.get("empty_layer")))
            .toList();
    var layerDescriptors = maps(manifest.get("layers"));
    if (history.size() != layerDescriptors.size()) {
      throw new AssertionError(
          component + ": " + history.size() + " history entries, " + layerDescriptors.size());
    }
    var layers = new ArrayList<Layer>();
    for (int i = 0; i < layerDescriptors.size(); i++) {
      var digest = (String) layerDescriptors.get(i).get("digest");
      var listing = tar("-tzf", blob(blobs, digest).toString()).output();
      var paths =
          Arrays.stream(listing.split("\n"))
              .filter(p -> !p.isBlank() && !p.startsWith("tar: "))
              .map(p -> p.startsWith("./") ? p.substring(2) : p)
              .filter(p -> !p.isEmpty())
              .toList();
      var h = history.get(i);
      layers.add(new Layer(digest, (String) h.get("author"), (String) h.get("comment"), paths));
    }
    return new OciImage(
        (String) annotations.get("org.opencontainers.image.ref.name"), config, layers, blobs);
  }

  /** The container configuration ({@code config} of the image configuration). */
  @SuppressWarnings("unchecked")
  Map<String, Object> containerConfig() {
    return (Map<String, Object>) config.get("config");
  }

  /** Unpacks every layer, in order, into {@code rootfs} (no whiteouts: none of ours has any). */
  void unpack(Path rootfs) throws IOException {
    unpack(rootfs, layers);
  }

  /** Unpacks the given layers of this image, in order, into {@code rootfs}. */
  void unpack(Path rootfs, List<Layer> which) throws IOException {
    Files.createDirectories(rootfs);
    for (var layer : which) {
      tar("-xzf", blob(blobs, layer.digest()).toString(), "-C", rootfs.toString());
    }
  }

  private static Path blob(Path blobs, String digest) {
    return blobs.resolve(digest.substring(digest.indexOf(':') + 1));
  }

  private static ExternalCommand tar(String... args) {
    var command = new ArrayList<String>();
    command.add("tar");
    command.addAll(List.of(args));
    return ExternalCommand.run(TAR_TIMEOUT, command).requireSuccess();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) {
    try {
      return JSON.readValue(file.toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
