/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in pure form: every {@code matchLabels} entry and every requirement
 * must hold. An invalid selector (see {@link #problem}) matches nothing.
 *
 * @param matchLabels labels that must be present with exactly these values
 * @param matchExpressions further requirements
 */
public record Selector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

  /** The empty selector, which matches every label set. */
  public static final Selector EVERYTHING = new Selector(Map.of(), List.of());

  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public Selector {
    matchLabels = matchLabels == null ? Map.of() : new TreeMap<>(matchLabels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  /**
   * One requirement of a selector.
   *
   * @param key label key
   * @param operator In, NotIn, Exists or DoesNotExist
   * @param values the values for In and NotIn
   */
  public record Requirement(String key, String operator, List<String> values) {
    public Requirement {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** Whether this selector has neither labels nor expressions (and so matches everything). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** Why this selector cannot be used, the way the API server's conversion would refuse it. */
  public Optional<String> problem() {
    for (var entry : matchLabels.entrySet()) {
      var keyProblem = keyProblem(entry.getKey());
      if (keyProblem != null) {
        return Optional.of(keyProblem);
      }
      if (!validValue(entry.getValue())) {
        return Optional.of(
            "invalid label value '" + entry.getValue() + "' for key " + entry.getKey());
      }
    }
    for (var requirement : matchExpressions) {
      var keyProblem = keyProblem(requirement.key());
      if (keyProblem != null) {
        return Optional.of(keyProblem);
      }
      var op = requirement.operator();
      switch (op == null ? "" : op) {
        case "In", "NotIn" -> {
          if (requirement.values().isEmpty()) {
            return Optional.of(
                "operator " + op + " on key " + requirement.key() + " needs at least one value");
          }
          for (var value : requirement.values()) {
            if (!validValue(value)) {
              return Optional.of(
                  "invalid label value '" + value + "' for key " + requirement.key());
            }
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (!requirement.values().isEmpty()) {
            return Optional.of(
                "operator " + op + " on key " + requirement.key() + " takes no values");
          }
        }
        default -> {
          return Optional.of("unknown operator '" + op + "' on key " + requirement.key());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the labels satisfy this selector; an invalid selector matches nothing. */
  public boolean matches(Map<String, String> labels) {
    if (problem().isPresent()) {
      return false;
    }
    return matchesValid(labels == null ? Map.of() : labels);
  }

  private boolean matchesValid(Map<String, String> labels) {
    for (var entry : matchLabels.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    for (var requirement : matchExpressions) {
      var value = labels.get(requirement.key());
      boolean ok =
          switch (requirement.operator()) {
            case "In" -> value != null && requirement.values().contains(value);
            case "NotIn" -> value == null || !requirement.values().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The selector in kubectl's {@code -l} syntax, for explanations. */
  public String describe() {
    if (isEmpty()) {
      return "{} (everything)";
    }
    var parts = new ArrayList<String>();
    matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
    for (var r : matchExpressions) {
      switch (r.operator() == null ? "" : r.operator()) {
        case "In" -> parts.add(r.key() + " in (" + String.join(",", r.values()) + ")");
        case "NotIn" -> parts.add(r.key() + " notin (" + String.join(",", r.values()) + ")");
        case "Exists" -> parts.add(r.key());
        case "DoesNotExist" -> parts.add("!" + r.key());
        default -> parts.add(r.key() + " " + r.operator() + " " + r.values());
      }
    }
    return String.join(",", parts);
  }

  private static String keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return "empty label key";
    }
    var slash = key.indexOf('/');
    var name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      var prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "invalid label key '" + key + "': bad prefix";
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      return "invalid label key '" + key + "'";
    }
    return null;
  }

  private static boolean validValue(String value) {
    return value != null
        && value.length() <= 63
        && (value.isEmpty() || NAME.matcher(value).matches());
  }
}
