package dev.trustml.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.json.Json;
import dev.trustml.json.JsonErrors;
import dev.trustml.reports.schema.JsonSchemaSubset;
import dev.trustml.reports.schema.ResultKind;
import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes audit results as JSON and reads them back, checking them against the published schema
 * ({@code schema/membership-result.schema.json}, {@code schema/canary-result.schema.json}).
 *
 * <p>Uses {@link Json#mapper()}'s configuration (snake_case keys, declaration order) with two
 * additions JSON needs: non-finite numbers (NaN, infinity) are written as {@code null}, since JSON
 * has no NaN, and {@code null} reads back into a {@code double} as NaN ("not measured"). Write
 * results through this class, not through {@code Json.mapper()} directly, or a NaN would come out
 * as the string {@code "NaN"}.
 */
public final class ResultsJson {
  private static final ObjectMapper MAPPER = configure();
  private static final Map<ResultKind, JsonSchemaSubset> SCHEMAS = loadSchemas();

  private ResultsJson() {}

  /** The mapper results are written and read with. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The published schema of a kind, as a validator. */
  public static JsonSchemaSubset schema(ResultKind kind) {
    return SCHEMAS.get(kind);
  }

  /**
   * The JSON text of a result (UTF-8, two-space indent, trailing newline). A canary result that
   * does not reveal secrets is written without them even if the record carries them.
   */
  public static String toJson(AuditResult result) {
    try {
      return MAPPER.writeValueAsString(redacted(result)) + "\n";
    } catch (JsonProcessingException e) {
      // Records of plain values always serialise; this is a bug, not bad input.
      throw new IllegalStateException("cannot serialise " + result.kind() + " result", e);
    }
  }

  /** Writes {@code result} to {@code target} atomically. */
  public static void write(Path target, AuditResult result) throws IOException {
    AtomicFiles.write(target, toJson(result).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a result file of either kind. */
  public static AuditResult read(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory; give the JSON file an audit wrote");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file + ": results file not found; give the JSON file an audit wrote");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the results file (" + e + ")");
    }
    return parse(bytes, file.toString());
  }

  /** Reads a result file and checks it is of the expected kind. */
  public static <T extends AuditResult> T read(Path file, Class<T> type) throws BadInputException {
    AuditResult r = read(file);
    if (!type.isInstance(r)) {
      throw new BadInputException(
          file
              + ": this is a "
              + r.kind()
              + " result, but a "
              + ResultKind.ofType(type).jsonName()
              + " result is needed");
    }
    return type.cast(r);
  }

  /**
   * Parses result JSON; {@code source} names it (the file name) in error messages.
   *
   * @throws BadInputException one line naming the source and the problem: not JSON (with line and
   *     column), an unknown {@code kind}, a {@code schema_version} newer than this build, or the
   *     first field that breaks the schema
   */
  public static AuditResult parse(byte[] json, String source) throws BadInputException {
    if (json.length == 0) {
      throw new BadInputException(source + ": empty file; expected the JSON an audit wrote");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": " + JsonErrors.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ResultKind kind = kindOf(tree, source);
    checkVersion(tree, kind, source);
    List<JsonSchemaSubset.Violation> problems = SCHEMAS.get(kind).validate(tree);
    if (!problems.isEmpty()) {
      throw new BadInputException(
          source
              + ": "
              + problems.get(0).describe()
              + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
              + "; the file does not follow "
              + kind.schemaResource().substring("/schema/".length())
              + ", regenerate it with trustml");
    }
    try {
      return MAPPER.readValue(json, kind.recordType());
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": " + JsonErrors.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResultKind kindOf(JsonNode tree, String source) throws BadInputException {
    if (!tree.isObject()) {
      throw new BadInputException(
          source + ": not a trustml result (the JSON is not an object with a 'kind' key)");
    }
    JsonNode kind = tree.get("kind");
    if (kind == null || !kind.isTextual()) {
      throw new BadInputException(
          source
              + ": no 'kind' key, so this is not a trustml result (expected kind "
              + ResultKind.known()
              + ")");
    }
    return ResultKind.fromJson(kind.asText())
        .orElseThrow(
            () ->
                new BadInputException(
                    source
                        + ": unknown kind '"
                        + kind.asText()
                        + "' (expected "
                        + ResultKind.known()
                        + "); is the file from a newer trustml?"));
  }

  private static void checkVersion(JsonNode tree, ResultKind kind, String source)
      throws BadInputException {
    JsonNode v = tree.get("schema_version");
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new BadInputException(
          source + ": 'schema_version' is missing or not an integer; regenerate it with trustml");
    }
    if (v.intValue() > kind.schemaVersion()) {
      throw new BadInputException(
          source
              + ": schema_version "
              + v.intValue()
              + " is newer than this trustml understands ("
              + kind.schemaVersion()
              + "); upgrade trustml");
    }
    if (v.intValue() < kind.oldestReadable()) {
      // Older files mean other things by the same keys (e.g. membership version 1 called an
      // estimate epsilon_lower_bound): reading them as the current version would mislabel them.
      throw new BadInputException(
          source
              + ": schema_version "
              + v.intValue()
              + " was written by an older trustml (this one reads "
              + kind.oldestReadable()
              + (kind.oldestReadable() == kind.schemaVersion() ? "" : " to " + kind.schemaVersion())
              + "); rerun the audit to regenerate it");
    }
  }

  /** The result as it may be written: without secrets unless the user asked for them. */
  static AuditResult redacted(AuditResult result) {
    if (!(result instanceof CanaryResult c) || c.secretsRevealed()) {
      return result;
    }
    boolean any = c.canaries().stream().anyMatch(f -> f.secret() != null || f.guesses() != null);
    if (!any) {
      return result;
    }
    return c.withoutSecrets();
  }

  private static ObjectMapper configure() {
    SimpleModule nonFinite = new SimpleModule("trustml-non-finite-as-null");
    nonFinite.addSerializer(Double.class, new NonFiniteAsNull());
    nonFinite.addSerializer(Double.TYPE, new NonFiniteAsNull());
    nonFinite.addDeserializer(Double.TYPE, new NullAsNaN());
    ObjectMapper m = Json.mapper().copy();
    m.registerModule(nonFinite);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return m;
  }

  private static Map<ResultKind, JsonSchemaSubset> loadSchemas() {
    Map<ResultKind, JsonSchemaSubset> m = new EnumMap<>(ResultKind.class);
    for (ResultKind k : ResultKind.values()) {
      m.put(k, JsonSchemaSubset.load(k.schemaResource()));
    }
    return m;
  }

  /** JSON has no NaN or infinity; {@code null} means "not measured". */
  private static final class NonFiniteAsNull extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    NonFiniteAsNull() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  /** Reads {@code null} into a {@code double} as NaN, the inverse of {@link NonFiniteAsNull}. */
  private static final class NullAsNaN extends StdScalarDeserializer<Double> {
    private static final long serialVersionUID = 1L;

    NullAsNaN() {
      super(Double.TYPE);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
          || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      return _parseDoublePrimitive(p, ctxt);
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
      return Double.NaN;
    }
  }
}
