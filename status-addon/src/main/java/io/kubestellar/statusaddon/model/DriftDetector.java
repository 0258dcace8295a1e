/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubestellar.api.control.v1alpha1.Drift;
import io.kubestellar.api.control.v1alpha1.DriftField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares a delivered manifest with the object in the WEC (D16): which fields of the manifest the
 * copy in the cluster does not hold, and which of the cluster's field managers set them.
 *
 * <p>The manifest must be a subset of the live object: extra keys in the cluster are defaults or
 * other controllers' fields, not drift. Compared are {@code metadata.labels}, {@code
 * metadata.annotations} and everything of the manifest outside {@code metadata} and {@code status}.
 * Maps match when every delivered key matches; lists element by element (by name when every element
 * on both sides is an object with a {@code name}, else by index), a different length being a
 * difference of the whole list. Null delivered values are skipped, an empty delivered map, list or
 * string matches a missing field (the API server drops them), numbers compare by value and two
 * strings that are the same Kubernetes quantity ({@code 0.5} and {@code 500m}) are equal.
 */
public final class DriftDetector {

  /** Field managers with this prefix are the OCM work agent's (it requires the prefix). */
  public static final String WORK_AGENT_MANAGER_PREFIX = "work-agent";

  /** Longest JSON text kept for a desired or actual value; longer text is cut. */
  static final int MAX_VALUE_LENGTH = 1024;

  /** Whether two quantity texts have the same value (false when either is not a quantity). */
  @FunctionalInterface
  public interface QuantityEquality {
    boolean equal(String a, String b);
  }

  /**
   * The differences found.
   *
   * @param fields at most {@link Drift#MAX_FIELDS}, in path order
   * @param moreFields how many more there are
   */
  public record Result(List<DriftField> fields, int moreFields) {

    public static final Result NONE = new Result(List.of(), 0);

    public Result {
      fields = List.copyOf(fields);
    }

    public boolean any() {
      return !fields.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object MISSING = new Object();

  private final QuantityEquality quantities;

  public DriftDetector(QuantityEquality quantities) {
    this.quantities = Objects.requireNonNull(quantities);
  }

  /** One step of a path: a map key, or a list element (its index in the live list, its name). */
  private record Step(String key, int index, String elementName) {
    static Step key(String key) {
      return new Step(key, -1, null);
    }

    static Step element(int index, String name) {
      return new Step(null, index, name);
    }

    boolean isKey() {
      return key != null;
    }
  }

  private record Difference(List<Step> path, Object desired, Object actual) {}

  /** The fields of {@code desired} (a manifest) that {@code live} (the WEC object) lacks. */
  @SuppressWarnings("unchecked")
  public Result detect(Map<String, Object> desired, Map<String, Object> live) {
    var differences = new ArrayList<Difference>();
    for (var entry : desired.entrySet()) {
      var key = entry.getKey();
      if (key.equals("apiVersion") || key.equals("kind") || key.equals("status")) {
        continue; // identity, by which the two were matched; status is the cluster's
      }
      if (key.equals("metadata")) {
        if (entry.getValue() instanceof Map<?, ?> metadata) {
          var liveMetadata = live.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
          for (var part : List.of("labels", "annotations")) {
            compare(
                List.of(Step.key("metadata"), Step.key(part)),
                metadata.get(part),
                liveMetadata.containsKey(part) ? liveMetadata.get(part) : MISSING,
                differences);
          }
        }
        continue;
      }
      compare(
          List.of(Step.key(key)),
          entry.getValue(),
          live.containsKey(key) ? live.get(key) : MISSING,
          differences);
    }
    if (differences.isEmpty()) {
      return Result.NONE;
    }
    var managedFields =
        live.get("metadata") instanceof Map<?, ?> m && m.get("managedFields") instanceof List<?> l
            ? (List<Object>) l
            : List.<Object>of();
    var fields = new ArrayList<DriftField>();
    for (var difference : differences) {
      var managers = managers(managedFields, difference.path());
      fields.add(
          new DriftField(
              render(difference.path()),
              json(difference.desired()),
              difference.actual() == MISSING ? null : json(difference.actual()),
              managers.isEmpty() ? null : managers));
    }
    fields.sort(Comparator.comparing(DriftField::path));
    int listed = Math.min(fields.size(), Drift.MAX_FIELDS);
    return new Result(fields.subList(0, listed), fields.size() - listed);
  }

  private void compare(List<Step> path, Object desired, Object actual, List<Difference> out) {
    if (desired == null) {
      return;
    }
    if (desired instanceof Map<?, ?> desiredMap) {
      if (desiredMap.isEmpty() && (actual == MISSING || actual == null || actual instanceof Map)) {
        return;
      }
      if (!(actual instanceof Map<?, ?> actualMap)) {
        out.add(new Difference(path, desired, actual));
        return;
      }
      for (var entry : desiredMap.entrySet()) {
        var key = String.valueOf(entry.getKey());
        compare(
            append(path, Step.key(key)),
            entry.getValue(),
            actualMap.containsKey(key) ? actualMap.get(key) : MISSING,
            out);
      }
      return;
    }
    if (desired instanceof List<?> desiredList) {
      if (desiredList.isEmpty() && (actual == MISSING || actual == null)) {
        return;
      }
      if (!(actual instanceof List<?> actualList) || actualList.size() != desiredList.size()) {
        out.add(new Difference(path, desired, actual));
        return;
      }
      if (allNamed(desiredList) && allNamed(actualList)) {
        for (var element : desiredList) {
          var name = nameOf(element);
          int index = indexOfName(actualList, name);
          if (index < 0) {
            out.add(new Difference(path, desired, actual));
            return;
          }
        }
        for (var element : desiredList) {
          var name = nameOf(element);
          int index = indexOfName(actualList, name);
          compare(append(path, Step.element(index, name)), element, actualList.get(index), out);
        }
        return;
      }
      for (int i = 0; i < desiredList.size(); i++) {
        compare(append(path, Step.element(i, null)), desiredList.get(i), actualList.get(i), out);
      }
      return;
    }
    if (actual == MISSING || actual == null) {
      if (!"".equals(desired)) {
        out.add(new Difference(path, desired, actual));
      }
      return;
    }
    if (!scalarsEqual(desired, actual)) {
      out.add(new Difference(path, desired, actual));
    }
  }

  private boolean scalarsEqual(Object desired, Object actual) {
    if (JsonValues.equal(desired, actual)) {
      return true;
    }
    boolean desiredText = desired instanceof String || desired instanceof Number;
    boolean actualText = actual instanceof String || actual instanceof Number;
    // A quantity may be written as a number in a manifest (cpu: 1) and is served as text ("1").
    if (desiredText && actualText && (desired instanceof String || actual instanceof String)) {
      return quantities.equal(String.valueOf(desired), String.valueOf(actual));
    }
    return false;
  }

  private static boolean allNamed(List<?> list) {
    for (var element : list) {
      if (nameOf(element) == null) {
        return false;
      }
    }
    return true;
  }

  private static String nameOf(Object element) {
    return element instanceof Map<?, ?> map && map.get("name") instanceof String name ? name : null;
  }

  private static int indexOfName(List<?> list, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(nameOf(list.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static List<Step> append(List<Step> path, Step step) {
    var longer = new ArrayList<Step>(path.size() + 1);
    longer.addAll(path);
    longer.add(step);
    return longer;
  }

  /**
   * The managers, other than the work agent, whose {@code fieldsV1} own the path: it is reached by
   * their {@code f:<key>} entries (and {@code k:{...}} entries matching a named list element); for
   * a list element without a name, owning the list is enough.
   */
  @SuppressWarnings("unchecked")
  private static List<String> managers(List<Object> managedFields, List<Step> path) {
    var names = new TreeSet<String>();
    for (var item : managedFields) {
      if (!(item instanceof Map<?, ?> entry)
          || !(entry.get("manager") instanceof String manager)
          || manager.startsWith(WORK_AGENT_MANAGER_PREFIX)
          || !(entry.get("fieldsV1") instanceof Map<?, ?> fields)) {
        continue;
      }
      if (owns((Map<String, Object>) fields, path)) {
        names.add(manager);
      }
    }
    return List.copyOf(names);
  }

  @SuppressWarnings("unchecked")
  private static boolean owns(Map<String, Object> fields, List<Step> path) {
    Map<String, Object> node = fields;
    for (var step : path) {
      Object next;
      if (step.isKey()) {
        next = node.get("f:" + step.key());
      } else if (step.elementName() != null) {
        next = elementByName(node, step.elementName());
      } else {
        return true; // an element without a name: owning the list is owning it
      }
      if (next == null) {
        return false;
      }
      node = next instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
    return true;
  }

  private static Object elementByName(Map<String, Object> node, String name) {
    for (var entry : node.entrySet()) {
      if (!entry.getKey().startsWith("k:")) {
        continue;
      }
      try {
        var keyFields = JSON.readValue(entry.getKey().substring(2), Map.class);
        if (name.equals(keyFields.get("name"))) {
          return entry.getValue();
        }
      } catch (JsonProcessingException e) {
        // not a key this code understands; another entry may match
      }
    }
    return null;
  }

  /** {@code spec.template.spec.containers[0].image}; keys holding a dot are bracketed. */
  static String render(List<Step> path) {
    var text = new StringBuilder();
    for (var step : path) {
      if (step.isKey()) {
        if (step.key().contains(".") || step.key().contains("[")) {
          text.append('[').append(step.key()).append(']');
        } else {
          if (!text.isEmpty()) {
            text.append('.');
          }
          text.append(step.key());
        }
      } else {
        text.append('[').append(step.index()).append(']');
      }
    }
    return text.toString();
  }

  private static String json(Object value) {
    String text;
    try {
      text = JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      text = String.valueOf(value);
    }
    return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
  }
}
