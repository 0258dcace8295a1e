/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode work(String manifestMetadata) throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"metadata": {"labels": {"transport.kubestellar.io/originWdsName": "wds1"}},
             "spec": {"workload": {"manifests": [
               {"apiVersion": "v1", "kind": "ConfigMap", "metadata": %s, "data": {"a": "1"}}]}}}
            """
                .formatted(manifestMetadata));
  }

  @Test
  void aWorkReadBackWithoutTheEmptyMetadataMapsHashesLikeTheWorkWritten() throws Exception {
    var written =
        work("{\"name\": \"x\", \"namespace\": \"n\", \"annotations\": {}, \"labels\": {}}");
    var stored = work("{\"name\": \"x\", \"namespace\": \"n\"}");
    assertThat(ContentHash.of(stored)).isEqualTo(ContentHash.of(written));
  }

  @Test
  void aChangedManifestChangesTheHash() throws Exception {
    assertThat(ContentHash.of(work("{\"name\": \"x\", \"labels\": {\"a\": \"b\"}}")))
        .isNotEqualTo(ContentHash.of(work("{\"name\": \"x\"}")));
  }

  @Test
  void hashingDoesNotModifyTheWork() throws Exception {
    var written = work("{\"name\": \"x\", \"annotations\": {}}");
    var before = written.deepCopy();
    ContentHash.of(written);
    assertThat(written).isEqualTo(before);
  }
}
