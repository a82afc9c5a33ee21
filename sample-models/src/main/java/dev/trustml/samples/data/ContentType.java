package dev.trustml.samples.data;

/**
 * The parts of a Content-Type header (RFC 2045 section 5) that text extraction needs.
 *
 * @param mimeType lower-cased {@code type/subtype}; {@code text/plain} when absent or malformed
 * @param charset the charset parameter, or "" if none
 * @param boundary the multipart boundary parameter, or "" if none
 * @param declared false when the header was absent or unusable and text/plain was assumed
 */
record ContentType(String mimeType, String charset, String boundary, boolean declared) {

  static final String TEXT_PLAIN = "text/plain";

  static ContentType parse(String headerValue) {
    HeaderValue value = HeaderValue.parse(headerValue);
    boolean usable = value.token().indexOf('/') > 0;
    return new ContentType(
        usable ? value.token() : TEXT_PLAIN,
        value.param("charset"),
        value.param("boundary"),
        usable);
  }

  /** How text extraction treats a part of this type. */
  enum Kind {
    /** text/plain: kept. */
    PLAIN_TEXT,
    /** text/html: kept, tags stripped, only when a message has no plain text. */
    HTML,
    /** multipart/alternative: one rendering of the same content is chosen. */
    ALTERNATIVE,
    /** Any other multipart (mixed, related, signed, ...): the parts are concatenated. */
    MULTIPART,
    /** message/rfc822: a forwarded message, whose body is read like a top-level one. */
    EMBEDDED_MESSAGE,
    /** Anything else (images, applications, signatures, other text subtypes): dropped. */
    OTHER
  }

  Kind kind() {
    if (mimeType.equals(TEXT_PLAIN)) {
      return Kind.PLAIN_TEXT;
    }
    if (mimeType.equals("text/html")) {
      return Kind.HTML;
    }
    if (mimeType.equals("multipart/alternative")) {
      return Kind.ALTERNATIVE;
    }
    if (mimeType.startsWith("multipart/")) {
      return Kind.MULTIPART;
    }
    if (mimeType.equals("message/rfc822")) {
      return Kind.EMBEDDED_MESSAGE;
    }
    return Kind.OTHER;
  }
}
