/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** PEM encoding and decoding of the few keys and certificates the environment handles. */
final class Pem {

  private static final Pattern CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----");

  private Pem() {}

  /** A fresh 2048-bit RSA key pair, used to sign and verify service account tokens. */
  static KeyPair newRsaKeyPair() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String privateKey(KeyPair pair) {
    return block("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  static String publicKey(KeyPair pair) {
    return block("PUBLIC KEY", pair.getPublic().getEncoded());
  }

  /** The certificate blocks of a PEM bundle, in order. */
  static List<String> certificates(String pem) {
    var blocks = new ArrayList<String>();
    var matcher = CERTIFICATE.matcher(pem);
    while (matcher.find()) {
      blocks.add(matcher.group() + "\n");
    }
    return blocks;
  }

  /** Whether a bundle is complete enough to hold its self-signed certificate. */
  static boolean hasSelfSignedCertificate(String pem) {
    try {
      selfSignedCertificate(pem);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** The self-signed (issuer equals subject) certificate of a bundle: the CA. */
  static String selfSignedCertificate(String pem) {
    try {
      var factory = CertificateFactory.getInstance("X.509");
      for (var block : certificates(pem)) {
        var cert =
            (X509Certificate)
                factory.generateCertificate(
                    new java.io.ByteArrayInputStream(
                        block.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        if (cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
          return block;
        }
      }
    } catch (CertificateException e) {
      throw new IllegalStateException("unreadable certificate bundle: " + e.getMessage(), e);
    }
    throw new IllegalStateException("no self-signed certificate in bundle");
  }

  private static String block(String type, byte[] der) {
    var body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
