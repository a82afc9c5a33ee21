package dev.trustml.samples.data;

import java.util.ArrayList;
import java.util.List;

/** Splits a multipart body at its boundary delimiter lines (RFC 2046 section 5.1.1). */
final class MultipartBody {

  private MultipartBody() {}

  /**
   * The body parts between the delimiter lines {@code --boundary} and the close delimiter {@code
   * --boundary--}; the preamble and epilogue are dropped. A missing close delimiter ends the last
   * part at the end of the body. Returns an empty list if the boundary is empty or never occurs.
   *
   * @param body the multipart body with LF line ends
   */
  static List<String> split(String body, String boundary) {
    List<String> parts = new ArrayList<>();
    if (boundary.isEmpty()) {
      return parts;
    }
    String delimiter = "--" + boundary;
    String close = delimiter + "--";
    StringBuilder current = null;
    for (String line : body.split("\n", -1)) {
      String stripped = line.stripTrailing(); // transport padding after a delimiter is allowed
      if (stripped.equals(delimiter)) {
        if (current != null) {
          parts.add(current.toString());
        }
        current = new StringBuilder();
      } else if (stripped.equals(close)) {
        if (current != null) {
          parts.add(current.toString());
        }
        return parts;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      parts.add(current.toString());
    }
    return parts;
  }
}
