package dev.trustml.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** One-line descriptions of Jackson failures: where (line, column, field) and what. */
public final class JsonErrors {
  private JsonErrors() {}

  /** {@code not valid JSON at line 3, column 7 (Unexpected character ...)}. */
  public static String describe(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    boolean syntax =
        e instanceof JsonParseException
            || e.getCause() instanceof JsonParseException
            || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
    if (!syntax && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return "field '" + path(m) + "' is invalid" + where + " (" + firstLine(m) + ")";
    }
    return "not valid JSON" + where + " (" + firstLine(e) + ")";
  }

  private static String path(JsonMappingException m) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        field.append('[').append(r.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String firstLine(JsonProcessingException e) {
    String s = e.getOriginalMessage();
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
