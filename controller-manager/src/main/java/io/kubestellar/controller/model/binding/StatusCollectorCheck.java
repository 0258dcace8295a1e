/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which StatusCollectors named by a Binding's objects cannot be used: those that do not exist and
 * those that exist but are invalid (D15: the policy says which collector failed and why).
 */
public final class StatusCollectorCheck {

  private StatusCollectorCheck() {}

  /**
   * The referenced collectors that cannot be used.
   *
   * @param missing names of collectors that do not exist, sorted
   * @param invalid per invalid collector (sorted by name), its problems as written into its own
   *     {@code status.errors}; never empty lists
   */
  public record Unusable(SortedSet<String> missing, SortedMap<String, List<String>> invalid) {

    /** Every referenced collector can be used. */
    public static final Unusable NONE = new Unusable(new TreeSet<>(), new TreeMap<>());

    public Unusable {
      missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
      var copy = new TreeMap<String, List<String>>();
      invalid.forEach((name, problems) -> copy.put(name, List.copyOf(problems)));
      invalid = Collections.unmodifiableSortedMap(copy);
    }

    /** Whether every referenced collector can be used. */
    public boolean isEmpty() {
      return missing.isEmpty() && invalid.isEmpty();
    }

    /**
     * The text of {@code StatusCollectorsAvailable=False}: upstream's {@code Missing
     * StatusCollector(s) [a b]} for missing ones, then each invalid one with the first line of its
     * first problem (the collector's {@code status.errors} holds them all, in full).
     */
    public String message() {
      var parts = new ArrayList<String>();
      if (!missing.isEmpty()) {
        parts.add("Missing StatusCollector(s) [" + String.join(" ", missing) + "]");
      }
      invalid.forEach(
          (name, problems) -> {
            var part = new StringBuilder("Invalid StatusCollector ").append(name).append(": ");
            // CEL's report goes on with the expression and a caret line; the collector's own
            // status.errors keeps those, the condition keeps the line that says what is wrong.
            part.append(problems.get(0).lines().findFirst().orElse(""));
            if (problems.size() > 1) {
              part.append(" (and ")
                  .append(problems.size() - 1)
                  .append(" more in its status.errors)");
            }
            parts.add(part.toString());
          });
      return String.join("; ", parts);
    }
  }

  /**
   * Checks the collectors the content references.
   *
   * @param existing for each existing collector (at least every referenced one that exists), its
   *     validation problems; an empty list means valid
   */
  public static Unusable check(BindingContent content, Map<String, List<String>> existing) {
    var missing = new TreeSet<String>();
    var invalid = new TreeMap<String, List<String>>();
    for (var name : referenced(content)) {
      var problems = existing.get(name);
      if (problems == null) {
        missing.add(name);
      } else if (!problems.isEmpty()) {
        invalid.put(name, problems);
      }
    }
    return new Unusable(missing, invalid);
  }

  /** Every collector name referenced. */
  public static SortedSet<String> referenced(BindingContent content) {
    var names = new TreeSet<String>();
    content.objects().values().forEach(b -> names.addAll(b.modulation().statusCollectors()));
    return names;
  }
}
