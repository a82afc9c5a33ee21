package dev.trustml.reports.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trustml.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small validator for the subset of JSON Schema (draft 2020-12) that trustml's published schemas
 * use, so that reading a result file and the contract tests check the same document the schema
 * publishes, without a validator dependency.
 *
 * <p>Supported keywords: {@code type}, {@code const}, {@code enum}, {@code required}, {@code
 * properties}, {@code additionalProperties}, {@code propertyNames}, {@code pattern}, {@code items},
 * {@code minimum}, {@code maximum}, {@code if}/{@code then}/{@code else}, {@code not}, local {@code
 * $ref} ({@code #/$defs/NAME}) and boolean schemas. Annotations ({@code title}, {@code
 * description}, ...) are ignored. Any other keyword makes {@link #of} fail, so a schema can never
 * carry a constraint this class silently skips.
 */
public final class JsonSchemaSubset {
  private static final Set<String> ANNOTATIONS =
      Set.of("$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default");
  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "const",
          "enum",
          "required",
          "properties",
          "additionalProperties",
          "propertyNames",
          "pattern",
          "items",
          "minimum",
          "maximum",
          "if",
          "then",
          "else",
          "not",
          "$ref");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * One way the instance breaks the schema.
   *
   * @param path where, e.g. {@code attacks[0].auc} ({@code (root)} for the document itself)
   * @param problem what is wrong, e.g. {@code is missing}
   */
  public record Violation(String path, String problem) {
    /** {@code field 'attacks[0].auc' is missing}. */
    public String describe() {
      return (path.isEmpty() ? "the document" : "field '" + path + "'") + " " + problem;
    }
  }

  private final JsonNode root;

  private JsonSchemaSubset(JsonNode root) {
    this.root = root;
    checkKeywords(root, "#");
  }

  /** A validator for a parsed schema; fails if the schema uses an unsupported keyword. */
  public static JsonSchemaSubset of(JsonNode schema) {
    return new JsonSchemaSubset(schema);
  }

  /** A validator for a schema on the classpath (e.g. {@code /schema/x.schema.json}). */
  public static JsonSchemaSubset load(String resource) {
    try (InputStream in = JsonSchemaSubset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the build: " + resource);
      }
      return of(Json.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema document. */
  public JsonNode schema() {
    return root.deepCopy();
  }

  /** Every violation, in document order; empty when the instance is valid. */
  public List<Violation> validate(JsonNode instance) {
    List<Violation> out = new ArrayList<>();
    check(root, instance, "", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        out.add(new Violation(path, "must not be present"));
      }
      return;
    }
    if (schema.has("$ref")) {
      check(resolve(schema.get("$ref").asText()), value, path, out);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      out.add(
          new Violation(
              path, "is " + describeType(value) + ", expected " + typeList(schema.get("type"))));
      return; // the remaining keywords would only repeat the type error
    }
    if (schema.has("const") && !sameValue(schema.get("const"), value)) {
      out.add(new Violation(path, "is " + value + ", expected " + schema.get("const")));
    }
    if (schema.has("enum")) {
      boolean any = false;
      for (JsonNode option : schema.get("enum")) {
        any |= sameValue(option, value);
      }
      if (!any) {
        out.add(new Violation(path, "is " + value + ", expected one of " + schema.get("enum")));
      }
    }
    if (value.isNumber()) {
      checkRange(schema, value, path, out);
    }
    if (value.isTextual() && schema.has("pattern")) {
      if (!Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
        out.add(new Violation(path, "\"" + value.asText() + "\" does not match the pattern"));
      }
    }
    if (value.isObject()) {
      checkObject(schema, value, path, out);
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
      }
    }
    if (schema.has("not") && validates(schema.get("not"), value, path)) {
      out.add(new Violation(path, "matches a form the schema forbids"));
    }
    if (schema.has("if")) {
      String branch = validates(schema.get("if"), value, path) ? "then" : "else";
      if (schema.has(branch)) {
        check(schema.get(branch), value, path, out);
      }
    }
  }

  private void checkRange(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    BigDecimal v = value.decimalValue();
    if (schema.has("minimum") && v.compareTo(schema.get("minimum").decimalValue()) < 0) {
      out.add(new Violation(path, "is " + value + ", below the minimum " + schema.get("minimum")));
    }
    if (schema.has("maximum") && v.compareTo(schema.get("maximum").decimalValue()) > 0) {
      out.add(new Violation(path, "is " + value + ", above the maximum " + schema.get("maximum")));
    }
  }

  private void checkObject(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (schema.has("required")) {
      for (JsonNode key : schema.get("required")) {
        if (!value.has(key.asText())) {
          out.add(new Violation(child(path, key.asText()), "is missing"));
        }
      }
    }
    JsonNode properties = schema.path("properties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String at = child(path, field.getKey());
      if (schema.has("propertyNames")) {
        check(
            schema.get("propertyNames"),
            Json.mapper().getNodeFactory().textNode(field.getKey()),
            at,
            out);
      }
      if (properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), at, out);
      } else if (schema.has("additionalProperties")) {
        check(schema.get("additionalProperties"), field.getValue(), at, out);
      }
    }
  }

  private boolean validates(JsonNode schema, JsonNode value, String path) {
    List<Violation> scratch = new ArrayList<>();
    check(schema, value, path, scratch);
    return scratch.isEmpty();
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("only local $ref is supported: " + ref);
    }
    JsonNode node = root.at(ref.substring(1));
    if (node.isMissingNode()) {
      throw new IllegalStateException("$ref to nothing: " + ref);
    }
    return node;
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "null" -> value.isNull();
      case "boolean" -> value.isBoolean();
      case "string" -> value.isTextual();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "number" -> value.isNumber();
      // 2020-12: an integer is any number with a zero fractional part (1.0 counts).
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> throw new IllegalStateException("unknown type in schema: " + type);
    };
  }

  private static String typeList(JsonNode type) {
    if (!type.isArray()) {
      return type.asText();
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.asText()));
    return String.join(" or ", names);
  }

  private static String describeType(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return value.isArray() ? "an array" : "an object";
  }

  /** JSON equality, with numbers compared by value ({@code 1 == 1.0}). */
  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static String child(String path, String key) {
    if (IDENTIFIER.matcher(key).matches()) {
      return path.isEmpty() ? key : path + "." + key;
    }
    return path + "[\"" + key + "\"]";
  }

  private static void checkKeywords(JsonNode schema, String where) {
    if (schema.isBoolean()) {
      return;
    }
    if (!schema.isObject()) {
      throw new IllegalStateException("not a schema at " + where + ": " + schema);
    }
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYWORDS.contains(key) && !ANNOTATIONS.contains(key)) {
        throw new IllegalStateException(
            "schema keyword '" + key + "' at " + where + " is not supported by this validator");
      }
    }
    for (String key :
        List.of("additionalProperties", "propertyNames", "items", "if", "then", "else", "not")) {
      if (schema.has(key)) {
        checkKeywords(schema.get(key), where + "/" + key);
      }
    }
    for (String key : List.of("properties", "$defs")) {
      if (schema.has(key)) {
        for (Map.Entry<String, JsonNode> e : schema.get(key).properties()) {
          checkKeywords(e.getValue(), where + "/" + key + "/" + e.getKey());
        }
      }
    }
  }
}
