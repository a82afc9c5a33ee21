package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransferEncodingTest {

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void headerNamesAreCaseInsensitiveAndUnknownOnesAreIdentity() {
    assertEquals(
        TransferEncoding.QUOTED_PRINTABLE, TransferEncoding.fromHeader(" Quoted-Printable"));
    assertEquals(TransferEncoding.BASE64, TransferEncoding.fromHeader("BASE64"));
    assertEquals(TransferEncoding.IDENTITY, TransferEncoding.fromHeader("8bit"));
    assertEquals(TransferEncoding.IDENTITY, TransferEncoding.fromHeader("x-uuencode"));
    assertEquals(TransferEncoding.IDENTITY, TransferEncoding.fromHeader(""));
  }

  @Test
  void quotedPrintableEscapesAndSoftLineBreaks() {
    TransferEncoding qp = TransferEncoding.QUOTED_PRINTABLE;
    // RFC 2045 6.7: "=" + two hex digits is one octet; lower-case hex is accepted leniently.
    assertArrayEquals(new byte[] {'a', '=', (byte) 0xE9, 'b'}, qp.decode("a=3D=e9b"));
    // Rule 5: "=" at a line end (optionally after padding) is a soft line break.
    assertEquals("joined words", ascii(qp.decode("joi=\nned wo=  \nrds")));
    assertEquals("line1\nline2", ascii(qp.decode("line1\nline2")));
    // Malformed escapes and a final "=" are kept / dropped as mail readers do.
    assertEquals("=ZZ and =4", ascii(qp.decode("=ZZ and =4")));
    assertEquals("end", ascii(qp.decode("end=")));
  }

  @Test
  void base64MatchesRfc4648TestVectors() {
    // RFC 4648 section 10.
    TransferEncoding b64 = TransferEncoding.BASE64;
    assertEquals("", ascii(b64.decode("")));
    assertEquals("f", ascii(b64.decode("Zg==")));
    assertEquals("fo", ascii(b64.decode("Zm8=")));
    assertEquals("foo", ascii(b64.decode("Zm9v")));
    assertEquals("foob", ascii(b64.decode("Zm9vYg==")));
    assertEquals("fooba", ascii(b64.decode("Zm9vYmE=")));
    assertEquals("foobar", ascii(b64.decode("Zm9vYmFy")));
  }

  @Test
  void base64IgnoresLineBreaksJunkAndMissingPadding() {
    TransferEncoding b64 = TransferEncoding.BASE64;
    assertEquals("foobar", ascii(b64.decode("Zm9v\nYm Fy\n")));
    assertEquals("fo", ascii(b64.decode("Zm8")));
    assertEquals("foo", ascii(b64.decode("Zm9v!Y"))); // a lone trailing char encodes no byte
  }
}
