package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmailTextTest {

  /** Joins lines with LF; each test message is written line by line so the layout is visible. */
  private static String mail(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  @Test
  void dropsAllHeadersIncludingTheMboxLineAndFoldedOnes() {
    String raw =
        mail(
            "From someone@example.org  Thu Aug 22 12:36:23 2002",
            "Received: from a.example.org",
            "\tby b.example.org; Thu, 22 Aug 2002",
            "Subject: Hello there",
            "From: Someone <someone@example.org>",
            "",
            "Body line one.",
            "Body line two.");
    assertEquals("Body line one. Body line two.", EmailText.extract(raw));
  }

  @Test
  void crlfLineEndsAreHandledLikeLf() {
    String raw = "Subject: x\r\nContent-Type: text/plain\r\n\r\nfirst\r\nsecond\r\n";
    assertEquals("first second", EmailText.extract(raw.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void decodesQuotedPrintableWithItsCharset() {
    String raw =
        mail(
            "Content-Type: text/plain; charset=iso-8859-1",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Caf=E9 =3D caf=",
            "e, a soft line break joins words.");
    assertEquals("Café = cafe, a soft line break joins words.", EmailText.extract(raw));
  }

  @Test
  void decodesBase64TextPartWithUtf8Charset() {
    String raw =
        mail(
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"XYZ\"",
            "",
            "--XYZ",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            "UHJpeDogMTAg4oKsIG5ldA==", // "Prix: 10 € net" (RFC 4648 base64 of its UTF-8 bytes)
            "--XYZ--");
    assertEquals("Prix: 10 \u20AC net", EmailText.extract(raw));
  }

  @Test
  void htmlOnlyMessageIsStrippedOfTagsScriptsAndEntities() {
    String raw =
        mail(
            "Content-Type: text/html; charset=us-ascii",
            "",
            "<html><head><style>p { color: red }</style></head>",
            "<body><p>Dear&nbsp;friend,</p><script>alert('x')</script>",
            "<p>Fish &amp; chips <b>to</b>day!</p></body></html>");
    assertEquals("Dear friend, Fish & chips today!", EmailText.extract(raw));
  }

  @Test
  void dropsAttachmentsButKeepsTheTextPart() {
    String raw =
        mail(
            "Content-Type: multipart/mixed; boundary=b1",
            "",
            "preamble is not shown",
            "--b1",
            "Content-Type: text/plain",
            "",
            "See the attached files.",
            "--b1",
            "Content-Type: text/plain; name=\"notes.txt\"",
            "Content-Disposition: attachment; filename=\"notes.txt\"",
            "",
            "secret attached notes",
            "--b1",
            "Content-Type: image/gif; name=\"pixel.gif\"",
            "Content-Transfer-Encoding: base64",
            "",
            "R0lGODlhAQA=",
            "--b1--",
            "epilogue is not shown");
    assertEquals("See the attached files.", EmailText.extract(raw));
  }

  @Test
  void alternativePrefersPlainTextEvenWhenHtmlComesFirst() {
    String raw =
        mail(
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/html",
            "",
            "<p>the <i>HTML</i> version</p>",
            "--alt",
            "Content-Type: text/plain",
            "",
            "the plain version",
            "--alt--");
    assertEquals("the plain version", EmailText.extract(raw));
  }

  @Test
  void alternativeFallsBackToHtmlWhenThePlainPartIsEmpty() {
    String raw =
        mail(
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/plain",
            "",
            "",
            "--alt",
            "Content-Type: text/html",
            "",
            "<p>only <u>html</u> here</p>",
            "--alt--");
    assertEquals("only html here", EmailText.extract(raw));
  }

  @Test
  void plainPartsWinOverHtmlPartsAcrossANestedMessage() {
    // mixed( alternative(plain, html), html-part ): the plain rendering is the whole result.
    String raw =
        mail(
            "Content-Type: multipart/mixed; boundary=\"----=_Outer\"",
            "",
            "------=_Outer",
            "Content-Type: multipart/alternative; boundary=\"----=_OuterAA\"",
            "",
            "------=_OuterAA",
            "Content-Type: text/plain; charset=\"iso-8859-1\"",
            "",
            "plain body",
            "------=_OuterAA",
            "Content-Type: text/html",
            "",
            "<b>html body</b>",
            "------=_OuterAA--",
            "------=_Outer",
            "Content-Type: text/html",
            "",
            "<p>html footer</p>",
            "------=_Outer--");
    assertEquals("plain body", EmailText.extract(raw));
  }

  @Test
  void forwardedMessageBodyIsReadWithoutItsHeaders() {
    String raw =
        mail(
            "Content-Type: multipart/mixed; boundary=m",
            "",
            "--m",
            "Content-Type: text/plain",
            "",
            "FYI:",
            "--m",
            "Content-Type: message/rfc822",
            "",
            "From: other@example.org",
            "Subject: inner subject",
            "",
            "inner body",
            "--m--");
    String text = EmailText.extract(raw);
    assertEquals("FYI: inner body", text);
  }

  @Test
  void undeclaredHtmlBodyIsStripped() {
    String raw = mail("Subject: no content type", "", "<HTML><BODY>Buy <B>now</B>!</BODY></HTML>");
    assertEquals("Buy now!", EmailText.extract(raw));
  }

  @Test
  void declaredPlainTextKeepsAngleBracketsAsWritten() {
    String raw = mail("Content-Type: text/plain", "", "Use <html> tags, a < b.");
    assertEquals("Use <html> tags, a < b.", EmailText.extract(raw));
  }

  @Test
  void topLevelBodyIsKeptEvenWithAnInlineFileName() {
    // Seen in the corpus: a whole message declared "inline; filename=...".
    String raw =
        mail(
            "Content-Type: text/html",
            "Content-Disposition: inline; filename=\"filename.html\"",
            "",
            "<p>the message</p>");
    assertEquals("the message", EmailText.extract(raw));
  }

  @Test
  void undeclaredEightBitBytesAreReadAsWindows1252() {
    byte[] raw =
        "Content-Type: text/plain; charset=us-ascii\n\nna\u00EFve \u0080 sign\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("na\u00EFve \u20AC sign", EmailText.extract(raw));
  }

  @Test
  void multipartWhoseBoundaryNeverOccursFallsBackToTheBody() {
    String raw = mail("Content-Type: multipart/mixed; boundary=missing", "", "just text after all");
    assertEquals("just text after all", EmailText.extract(raw));
  }

  @Test
  void messageWithOnlyAnImageIsEmpty() {
    String raw =
        mail(
            "Content-Type: multipart/related; boundary=r",
            "",
            "--r",
            "Content-Type: image/gif",
            "Content-Transfer-Encoding: base64",
            "",
            "R0lGODlhAQA=",
            "--r--");
    assertTrue(EmailText.extract(raw).isEmpty());
  }

  @Test
  void headerOnlyMessageIsEmpty() {
    assertFalse(EmailText.extract(mail("Subject: hi", "", "x")).isEmpty());
    assertTrue(EmailText.extract(mail("Subject: hi")).isEmpty());
  }
}
