package dev.trustml.reports.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trustml.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator's keywords, each with an instance that passes and one that fails. */
class JsonSchemaSubsetTest {
  private static final String SCHEMA =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["n", "kind"],
        "properties": {
          "n": {"type": "integer", "minimum": 0, "maximum": 10},
          "kind": {"enum": ["a", "b"]},
          "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}},
          "rates": {"type": "object", "propertyNames": {"pattern": "^0\\\\.[0-9]+$"},
                    "additionalProperties": {"type": ["number", "null"]}},
          "open": {"type": "boolean"}
        },
        "if": {"properties": {"open": {"const": false}}},
        "then": {"properties": {"secret": false}},
        "$defs": {"tag": {"type": "string", "pattern": "^[a-z]+$"}}
      }
      """;

  private final JsonSchemaSubset schema = JsonSchemaSubset.of(tree(SCHEMA));

  @Test
  void validInstance() {
    assertEquals(
        List.of(),
        schema.validate(
            tree(
                "{\"n\": 3, \"kind\": \"a\", \"tags\": [\"x\"], \"rates\": {\"0.1\": null},"
                    + " \"open\": true, \"secret\": \"s\"}")));
    assertEquals(List.of(), schema.validate(tree("{\"n\": 3.0, \"kind\": \"b\"}")), "3.0 is 3");
  }

  @Test
  void eachKeywordReportsItsPath() {
    assertEquals(List.of("field 'kind' is missing"), problems("{\"n\": 1}"));
    assertEquals(
        List.of("field 'n' is a string, expected integer"),
        problems("{\"n\": \"1\", \"kind\": \"a\"}"));
    assertEquals(
        List.of("field 'n' is 11, above the maximum 10"), problems("{\"n\": 11, \"kind\": \"a\"}"));
    assertEquals(
        List.of("field 'kind' is \"c\", expected one of [\"a\",\"b\"]"),
        problems("{\"n\": 1, \"kind\": \"c\"}"));
    assertEquals(
        List.of("field 'tags[1]' \"X\" does not match the pattern"),
        problems("{\"n\": 1, \"kind\": \"a\", \"tags\": [\"x\", \"X\"]}"));
    assertEquals(
        List.of("field 'rates[\"1e-3\"]' \"1e-3\" does not match the pattern"),
        problems("{\"n\": 1, \"kind\": \"a\", \"rates\": {\"1e-3\": 0.5}}"));
    assertEquals(
        List.of("field 'secret' must not be present"),
        problems("{\"n\": 1, \"kind\": \"a\", \"open\": false, \"secret\": \"s\"}"));
    assertEquals(List.of("the document is an array, expected object"), problems("[1]"));
  }

  @Test
  void unsupportedKeywordsAreRefusedNotIgnored() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> JsonSchemaSubset.of(tree("{\"type\": \"string\", \"maxLength\": 3}")));
    assertTrue(e.getMessage().contains("'maxLength'"), e.getMessage());
  }

  @Test
  void publishedSchemasUseOnlySupportedKeywords() {
    JsonSchemaSubset.load("/schema/membership-result.schema.json");
    JsonSchemaSubset.load("/schema/canary-result.schema.json");
  }

  private List<String> problems(String json) {
    return schema.validate(tree(json)).stream().map(JsonSchemaSubset.Violation::describe).toList();
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
