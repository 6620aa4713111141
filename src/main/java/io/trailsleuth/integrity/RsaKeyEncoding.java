package io.trailsleuth.integrity;

import java.io.ByteArrayOutputStream;

/** Wraps a PKCS#1 RSAPublicKey in the SubjectPublicKeyInfo structure the JDK's key factory reads. */
final class RsaKeyEncoding {
  /** AlgorithmIdentifier { rsaEncryption, NULL }. */
  private static final byte[] RSA_ALGORITHM = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private RsaKeyEncoding() {}

  static byte[] subjectPublicKeyInfo(byte[] pkcs1) {
    ByteArrayOutputStream bitString = new ByteArrayOutputStream();
    bitString.write(0);
    bitString.writeBytes(pkcs1);
    byte[] key = element(0x03, bitString.toByteArray());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(key);
    return element(0x30, body.toByteArray());
  }

  /** The PKCS#1 RSAPublicKey inside a SubjectPublicKeyInfo (the content of its BIT STRING). */
  static byte[] pkcs1(byte[] subjectPublicKeyInfo) {
    int offset = RSA_ALGORITHM.length + headerLength(subjectPublicKeyInfo, 0);
    int contentStart = offset + headerLength(subjectPublicKeyInfo, offset) + 1;
    byte[] result = new byte[subjectPublicKeyInfo.length - contentStart];
    System.arraycopy(subjectPublicKeyInfo, contentStart, result, 0, result.length);
    return result;
  }

  private static int headerLength(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static byte[] element(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.write((length >> shift) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
