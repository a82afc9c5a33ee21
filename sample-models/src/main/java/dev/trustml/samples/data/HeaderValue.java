package dev.trustml.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A structured header value {@code token; name=value; name="quoted value"} (RFC 2045 section 5.1),
 * parsed leniently: the token ends at the first ';' or whitespace, parameter names are
 * case-insensitive, and a missing closing quote runs to the end of the value.
 *
 * @param token the lower-cased leading token (e.g. {@code text/plain}, {@code attachment}), or ""
 * @param params the parameters, names lower-cased, in header order
 */
record HeaderValue(String token, List<Param> params) {

  /** One {@code name=value} parameter. */
  record Param(String name, String value) {}

  HeaderValue {
    params = List.copyOf(params);
  }

  /** The value of the first parameter with this name, or "" if there is none. */
  String param(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return "";
  }

  static HeaderValue parse(String raw) {
    String s = raw.strip();
    int end = 0;
    while (end < s.length() && s.charAt(end) != ';' && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    String token = s.substring(0, end).toLowerCase(Locale.ROOT);
    List<Param> params = new ArrayList<>();
    int i = end;
    while (i < s.length()) {
      // Skip separators between parameters (';' and whitespace, also where ';' was forgotten).
      while (i < s.length() && (s.charAt(i) == ';' || Character.isWhitespace(s.charAt(i)))) {
        i++;
      }
      int nameStart = i;
      while (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != ';') {
        i++;
      }
      String name = s.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
      if (i >= s.length() || s.charAt(i) != '=') {
        continue; // a bare word without '=': not a parameter
      }
      i++; // '='
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          value.append(s.charAt(i++));
        }
        i++; // closing quote (or past the end)
      } else {
        while (i < s.length() && s.charAt(i) != ';' && !Character.isWhitespace(s.charAt(i))) {
          value.append(s.charAt(i++));
        }
      }
      if (!name.isEmpty()) {
        params.add(new Param(name, value.toString()));
      }
    }
    return new HeaderValue(token, params);
  }
}
