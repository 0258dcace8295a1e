/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.transport.model.JsonObjects;
import io.kubestellar.transport.model.ObjectRef;
import io.kubestellar.transport.model.TransportKeys;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One desired ManifestWork as neutral data.
 *
 * @param manifestWork the complete object: apiVersion, kind, metadata (name, namespace, labels,
 *     annotations including the content hash) and spec; callers must not modify it
 * @param gloss the identities of the objects inside
 */
public record RenderedWork(ObjectNode manifestWork, Set<ObjectRef> gloss) {

  public RenderedWork {
    gloss = Collections.unmodifiableSet(new TreeSet<>(gloss));
  }

  public String name() {
    return JsonObjects.text(manifestWork.path("metadata"), "name");
  }

  /** The mailbox namespace, i.e. the destination cluster's name. */
  public String namespace() {
    return JsonObjects.text(manifestWork.path("metadata"), "namespace");
  }

  /** The D6 content hash, as also stored in the {@code contentHash} annotation. */
  public String contentHash() {
    return JsonObjects.text(
        JsonObjects.objectAt(manifestWork, "metadata", "annotations"),
        TransportKeys.CONTENT_HASH_ANNOTATION);
  }

  /**
   * Whether {@code existing} (a ManifestWork as read from the ITS) already holds what this one
   * would write: same recorded hash and same actual content. Either differing means a write is
   * needed (D6).
   */
  public boolean isSatisfiedBy(ObjectNode existing) {
    var recorded =
        JsonObjects.text(
            JsonObjects.objectAt(existing, "metadata", "annotations"),
            TransportKeys.CONTENT_HASH_ANNOTATION);
    return recorded.equals(contentHash()) && ContentHash.of(existing).equals(contentHash());
  }

  /**
   * Like {@link #isSatisfiedBy(ObjectNode)}, with the existing work's recorded hash (its
   * annotation) and actual hash ({@link ContentHash#of} of its content) already at hand.
   */
  public boolean isSatisfiedBy(String recordedHash, String actualHash) {
    return contentHash().equals(recordedHash) && contentHash().equals(actualHash);
  }
}
