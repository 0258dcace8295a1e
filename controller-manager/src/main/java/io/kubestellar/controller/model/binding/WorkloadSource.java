/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;
import java.util.Collection;

/** The workload objects of a WDS as the controller currently knows them, by type. */
public interface WorkloadSource {

  /** The types whose objects can be bound. */
  Collection<GroupResource> types();

  /** Every object of a type. */
  Collection<WorkloadObject> objects(GroupResource type);

  /** The objects of a namespaced type in one namespace. */
  Collection<WorkloadObject> objects(GroupResource type, String namespace);
}
