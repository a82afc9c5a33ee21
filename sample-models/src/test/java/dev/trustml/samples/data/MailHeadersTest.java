package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailHeadersTest {

  @Test
  void unfoldsContinuationLinesAndMatchesNamesCaseInsensitively() {
    MailHeaders h =
        MailHeaders.parse(
            "Content-Type: multipart/alternative;\n\tboundary=\"----=_Next;Part\"\nX-Other: 1");
    ContentType type = h.contentType();
    assertEquals("multipart/alternative", type.mimeType());
    assertEquals("----=_Next;Part", type.boundary());
    assertEquals(ContentType.Kind.ALTERNATIVE, type.kind());
    assertEquals("1", h.get("x-other"));
  }

  @Test
  void missingOrMalformedTypeDefaultsToPlainText() {
    assertEquals(ContentType.Kind.PLAIN_TEXT, MailHeaders.NONE.contentType().kind());
    assertFalse(MailHeaders.NONE.contentType().declared());
    ContentType noSemicolon =
        MailHeaders.parse("Content-Type: text/plain charset=us-ascii").contentType();
    assertEquals("text/plain", noSemicolon.mimeType());
    assertEquals("us-ascii", noSemicolon.charset());
    assertFalse(MailHeaders.parse("Content-Type: text").contentType().declared());
  }

  @Test
  void mapsTypesToKinds() {
    assertEquals(ContentType.Kind.HTML, ContentType.parse("Text/HTML; charset=x").kind());
    assertEquals(ContentType.Kind.MULTIPART, ContentType.parse("multipart/signed").kind());
    assertEquals(ContentType.Kind.EMBEDDED_MESSAGE, ContentType.parse("message/rfc822").kind());
    assertEquals(ContentType.Kind.OTHER, ContentType.parse("application/pgp-signature").kind());
    assertEquals(ContentType.Kind.OTHER, ContentType.parse("text/enriched").kind());
  }

  @Test
  void recognisesAttachments() {
    assertTrue(MailHeaders.parse("Content-Disposition: attachment").isAttachment());
    assertTrue(
        MailHeaders.parse("Content-Type: application/octet-stream; name=\"a.exe\"").isAttachment());
    assertFalse(
        MailHeaders.parse("Content-Disposition: inline; filename=\"body.html\"").isAttachment());
    assertFalse(MailHeaders.parse("Content-Type: text/plain; charset=utf-8").isAttachment());
  }

  @Test
  void ignoresLinesThatAreNotFields() {
    assertTrue(MailHeaders.looksLikeField("Subject: x"));
    assertFalse(MailHeaders.looksLikeField("From sender@example.org Thu Aug 22 2002"));
    assertEquals("", MailHeaders.parse("not a header\nSubject: s").get("not a header"));
    assertEquals("s", MailHeaders.parse("not a header\nSubject: s").get("subject"));
  }
}
