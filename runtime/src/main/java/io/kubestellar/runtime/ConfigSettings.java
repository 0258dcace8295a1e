/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.kubestellar.runtime.controller.LeaderElection;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The settings a configuration record logs at startup: every component in declaration order, so
 * that a new setting is logged without anyone remembering to; the components of a nested settings
 * record (such as {@link WdsControllerSettings}) as if they were the record's own. Records hold no
 * secrets; a space shows as {@link SpaceOptions#describe()}, a Lease as {@code namespace/name} or
 * {@code off}.
 */
public final class ConfigSettings {

  private ConfigSettings() {}

  /** The components of {@code config} by name; the caller may replace a value for display. */
  public static Map<String, Object> of(Record config) {
    var settings = new LinkedHashMap<String, Object>();
    add(config, settings);
    return settings;
  }

  private static void add(Record config, Map<String, Object> settings) {
    for (var component : config.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(config);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (value instanceof WdsControllerSettings nested) {
        add(nested, settings);
      } else {
        settings.put(component.getName(), display(value));
      }
    }
  }

  private static Object display(Object value) {
    if (value instanceof SpaceOptions space) {
      return space.describe();
    }
    if (value instanceof LeaderElection election) {
      return election.enabled() ? election.namespace() + "/" + election.leaseName() : "off";
    }
    if (value instanceof Collection<?> values) {
      return new TreeSet<Object>(values);
    }
    return value;
  }
}
