/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Installing CustomResourceDefinitions into a space and waiting until they are served. */
public final class Crds {

  /** The file name prefix (CRD name) of the WorkStatus CRD, the one the ITS needs. */
  public static final String WORK_STATUSES = "workstatuses.control.kubestellar.io";

  /** How long a CRD may take to be Established. */
  public static final Duration ESTABLISHED_TIMEOUT = Duration.ofSeconds(120);

  private Crds() {}

  /** The CRD files of the checkout ({@code config/crd/*.yaml}), sorted by name. */
  public static List<Path> checkoutFiles() {
    var dir = ComponentJars.fromWorkingDirectory().repoRoot().resolve("config").resolve("crd");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * What the charts put into the spaces: every KubeStellar CRD of the checkout in the WDS and the
   * WorkStatus CRD in the ITS; returns once all are Established.
   */
  public static void installKubeStellar(KubernetesClient wds, KubernetesClient its) {
    var inWds = new ArrayList<String>();
    var inIts = new ArrayList<String>();
    for (var file : checkoutFiles()) {
      var name = apply(wds, file);
      inWds.add(name);
      if (name.equals(WORK_STATUSES)) {
        apply(its, file);
        inIts.add(name);
      }
    }
    inWds.forEach(name -> awaitEstablished(wds, name));
    inIts.forEach(name -> awaitEstablished(its, name));
  }

  /** Every KubeStellar CRD of the checkout in one space (the WDS); returns once all are served. */
  public static void installInWds(KubernetesClient wds) {
    var names = checkoutFiles().stream().map(file -> apply(wds, file)).toList();
    names.forEach(name -> awaitEstablished(wds, name));
  }

  /** Applies (server side, taking the fields over) the CRD in a file; returns its name. */
  public static String apply(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return apply(client, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Applies (server side, taking the fields over) the CRD read from a stream; returns its name. */
  public static String apply(KubernetesClient client, InputStream in) {
    var crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(crd)
        .forceConflicts()
        .serverSideApply();
    return crd.getMetadata().getName();
  }

  /** Applies the CRD found as a class-path resource (such as fabric8's generated YAML). */
  public static String applyResource(KubernetesClient client, String resource) {
    try (InputStream in = Crds.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource + " on the class path");
      }
      return apply(client, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the named CRD is Established. */
  public static void awaitEstablished(KubernetesClient client, String name) {
    Readiness.await(
        "CRD " + name + " established", ESTABLISHED_TIMEOUT, () -> established(client, name), null);
  }

  /** Whether the named CRD exists and is Established. */
  public static boolean established(KubernetesClient client, String name) {
    var crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
