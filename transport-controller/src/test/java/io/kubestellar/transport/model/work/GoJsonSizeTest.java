/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonSizeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Expected sizes are the lengths of what Go's encoding/json writes for these documents. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {}                                   | 2
          []                                   | 2
          {"a":1,"b":[true,false,null]}        | 29
          {"a":"x<y>&z"}                       | 29
          {"a":"é"}                            | 10
          {"a":"tab\\there\\nnew"}             | 22
          {"a":"\\u0001"}                      | 14
          {"a":"\\u2028"}                      | 14
          {"a":1.5,"b":-0.25,"c":100.0}        | 27
          {"a":1e21,"b":1.5e-7,"c":2e-10}      | 32
          {"a":123456789012345678}             | 24
          """)
  void measuresLikeGo(String json, long size) throws Exception {
    assertThat(GoJsonSize.of(JSON.readTree(json))).isEqualTo(size);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1.0,1",
    "100.0,100",
    "0.000001,0.000001",
    "1.0E-7,1e-7",
    "1.5E-7,1.5e-7",
    "2.0E-10,2e-10",
    "1.0E20,100000000000000000000",
    "1.0E21,1e+21",
    "-2.5E22,-2.5e+22",
    "0.1,0.1",
    "-0.0,-0"
  })
  void formatsFloatsLikeGo(double value, String goText) {
    assertThat(GoJsonSize.numberText(JsonNodeFactory.instance.numberNode(value))).isEqualTo(goText);
  }
}
