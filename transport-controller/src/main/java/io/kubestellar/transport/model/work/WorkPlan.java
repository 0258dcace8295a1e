/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one Binding sync writes to the ITS: the desired ManifestWorks whose content differs from the
 * ITS copy (or that are missing), and the ManifestWorks of the Binding that are no longer desired
 * (D6). A plan with nothing to write or delete is the normal result of a resync.
 *
 * @param writes desired works to create or update, in the given order
 * @param deletes existing works to delete
 * @param upToDate how many desired works are already satisfied in the ITS
 * @param kept existing, undesired works kept because deleting in their namespace is not allowed
 */
public record WorkPlan(
    List<RenderedWork> writes, List<ExistingWork> deletes, int upToDate, int kept) {

  public WorkPlan {
    writes = List.copyOf(writes);
    deletes = List.copyOf(deletes);
  }

  /**
   * Compares desired and existing works.
   *
   * @param desired every desired work of the Binding, all destinations
   * @param existing every work in the ITS labelled for this Binding and WDS
   * @param mayDeleteIn whether undesired works in a namespace may go; false where the desired set
   *     is known to be incomplete (an oversized object, an unreadable object), so that nothing is
   *     removed from a WEC for a reason the user did not ask for (D5, D14)
   */
  public static WorkPlan of(
      Collection<RenderedWork> desired,
      Collection<ExistingWork> existing,
      Predicate<String> mayDeleteIn) {
    var byKey = new LinkedHashMap<String, ExistingWork>();
    existing.forEach(work -> byKey.put(work.key(), work));
    var writes = new ArrayList<RenderedWork>();
    var wanted = new HashSet<String>();
    int upToDate = 0;
    for (var work : desired) {
      var key = work.namespace() + "/" + work.name();
      wanted.add(key);
      var current = byKey.get(key);
      if (current != null && work.isSatisfiedBy(current.recordedHash(), current.actualHash())) {
        upToDate++;
      } else {
        writes.add(work);
      }
    }
    var deletes = new ArrayList<ExistingWork>();
    int kept = 0;
    for (var work : byKey.values()) {
      if (!wanted.contains(work.key())) {
        if (mayDeleteIn.test(work.namespace())) {
          deletes.add(work);
        } else {
          kept++;
        }
      }
    }
    return new WorkPlan(writes, deletes, upToDate, kept);
  }

  /** Whether the ITS already holds exactly what is desired. */
  public boolean isEmpty() {
    return writes.isEmpty() && deletes.isEmpty();
  }
}
