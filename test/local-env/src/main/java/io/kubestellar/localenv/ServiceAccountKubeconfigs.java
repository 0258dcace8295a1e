/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gives a component of this project an identity in one space of a {@link LocalEnvironment} that
 * holds exactly the rights the chart grants it: a ServiceAccount, the Roles and ClusterRoles of the
 * given RBAC files ({@code config/rbac/<component>/<space>-*.yaml}) bound to it, and a kubeconfig
 * carrying a token minted for it with the TokenRequest API. A component started with that
 * kubeconfig runs exactly as it would in a pod with the chart's RBAC.
 *
 * <p>RBAC files hold ClusterRoles and Roles (several documents per file are fine). A Role that
 * names no namespace is created in the ServiceAccount's namespace, as the charts do.
 */
public final class ServiceAccountKubeconfigs {

  /** How long minted tokens live; longer than any test or demo. */
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

  private final LocalEnvironment env;

  public ServiceAccountKubeconfigs(LocalEnvironment env) {
    this.env = env;
  }

  /**
   * The RBAC files of one component for one space, e.g. {@code (repo/config/rbac,
   * "transport-controller", "its")} gives {@code config/rbac/transport-controller/its-*.yaml}.
   */
  public static List<Path> rbacFiles(Path rbacDir, String component, String space) {
    var dir = rbacDir.resolve(component);
    try (Stream<Path> files = Files.list(dir)) {
      var found =
          files
              .filter(
                  f -> {
                    var name = f.getFileName().toString();
                    return name.startsWith(space + "-") && name.endsWith(".yaml");
                  })
              .sorted()
              .toList();
      if (found.isEmpty()) {
        throw new IllegalArgumentException("no " + space + "-*.yaml RBAC files in " + dir);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates (or updates) the ServiceAccount {@code namespace/serviceAccount} in {@code space},
   * applies and binds the roles of {@code rbacFiles} to it, mints a token and writes a kubeconfig
   * for it. Returns the kubeconfig's path; its one context is named after the space.
   */
  public Path create(String space, String namespace, String serviceAccount, List<Path> rbacFiles) {
    var client = env.client(space);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(serviceAccount)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .serverSideApply();
    for (var file : rbacFiles) {
      for (var object : load(client, file)) {
        bind(client, object, namespace, serviceAccount, file);
      }
    }
    var token =
        client
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(serviceAccount)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(TOKEN_LIFETIME.toSeconds())
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    var file =
        env.spec()
            .runDir()
            .toAbsolutePath()
            .resolve("service-accounts")
            .resolve(space + "-" + namespace + "-" + serviceAccount + ".kubeconfig");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, render(space, caData(space), serviceAccount, token));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static List<HasMetadata> load(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void bind(
      KubernetesClient client,
      HasMetadata object,
      String namespace,
      String serviceAccount,
      Path source) {
    // One binding per (role, ServiceAccount), so several identities can share a role.
    var bindingName = object.getMetadata().getName() + ":" + namespace + ":" + serviceAccount;
    var subject =
        new SubjectBuilder()
            .withKind("ServiceAccount")
            .withName(serviceAccount)
            .withNamespace(namespace)
            .build();
    if (object instanceof ClusterRole role) {
      client.rbac().clusterRoles().resource(role).serverSideApply();
      client
          .rbac()
          .clusterRoleBindings()
          .resource(
              new ClusterRoleBindingBuilder()
                  .withNewMetadata()
                  .withName(bindingName)
                  .endMetadata()
                  .withNewRoleRef(
                      "rbac.authorization.k8s.io", "ClusterRole", role.getMetadata().getName())
                  .withSubjects(subject)
                  .build())
          .serverSideApply();
    } else if (object instanceof Role role) {
      var roleNamespace = role.getMetadata().getNamespace();
      if (roleNamespace == null || roleNamespace.isBlank()) {
        roleNamespace = namespace;
        role.getMetadata().setNamespace(roleNamespace);
      }
      client.rbac().roles().inNamespace(roleNamespace).resource(role).serverSideApply();
      client
          .rbac()
          .roleBindings()
          .inNamespace(roleNamespace)
          .resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName(bindingName)
                  .withNamespace(roleNamespace)
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "Role", role.getMetadata().getName())
                  .withSubjects(subject)
                  .build())
          .serverSideApply();
    } else {
      throw new IllegalArgumentException(
          source
              + " holds a "
              + object.getKind()
              + "; RBAC files hold only ClusterRoles and Roles (bindings are made per identity)");
    }
  }

  /** The base64 CA bundle of the space, from the environment's admin kubeconfig. */
  private String caData(String space) {
    try {
      var config = Config.fromKubeconfig(space, Files.readString(env.kubeconfig()), null);
      return config.getCaCertData();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String render(String space, String caData, String serviceAccount, String token) {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: "
        + space
        + "\n  cluster:\n    server: "
        + env.serverUrl(space)
        + "\n    certificate-authority-data: "
        + caData
        + "\nusers:\n"
        + "- name: "
        + serviceAccount
        + "\n  user:\n    token: "
        + token
        + "\ncontexts:\n"
        + "- name: "
        + space
        + "\n  context:\n    cluster: "
        + space
        + "\n    user: "
        + serviceAccount
        + "\ncurrent-context: "
        + space
        + "\n";
  }
}
