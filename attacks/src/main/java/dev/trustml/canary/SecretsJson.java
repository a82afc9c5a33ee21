package dev.trustml.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the planted-secrets file:
 *
 * <pre>{"canaries":[{"id":"pin-x10","template":"my pin code is {digit} {digit} {digit} {digit}",
 *   "label":"greeting","repetitions":10,"secret":"4 8 2 1","secret_drawn":"uniform"}]}</pre>
 *
 * Optional fields: {@code id}; {@code secret_drawn: "uniform"} when trustml drew the secret
 * uniformly (a hand-written secret lacks it, and a rank test on it is only an estimate); {@code
 * included} (true or false) on the canaries of a one-run audit set, each put into the data by an
 * independent coin flip.
 *
 * <p>Relative {@code {word:FILE}} paths in templates are resolved against the directory of the JSON
 * file, so keep word lists next to it. Unknown fields are ignored.
 */
public final class SecretsJson {
  /** The value of {@code secret_drawn} for a secret trustml drew uniformly at random. */
  static final String UNIFORM = "uniform";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SecretsJson() {}

  /** Writes {@code canaries} to {@code file} atomically (replacing it, never half-written). */
  public static void write(Path file, List<PlantedCanary> canaries) throws BadInputException {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("canaries");
    for (PlantedCanary c : canaries) {
      ObjectNode node = list.addObject();
      if (c.id() != null) {
        node.put("id", c.id());
      }
      node.put("template", c.template().source());
      node.put("label", c.label());
      node.put("repetitions", c.repetitions());
      node.put("secret", c.secretText());
      if (c.uniformSecret()) {
        node.put("secret_drawn", UNIFORM);
      }
      if (c.included() != null) {
        node.put("included", c.included());
      }
    }
    try {
      AtomicFiles.write(
          file,
          (MAPPER.writeValueAsString(root) + System.lineSeparator())
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException("cannot write secrets file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a secrets file.
   *
   * @throws BadInputException if the file is missing, not JSON, or a canary entry is incomplete,
   *     has a bad template, or a secret that does not fit its template
   */
  public static List<PlantedCanary> read(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          "secrets file " + file + " is a directory; pass the secrets JSON file");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          Message.of(
              "secrets file ",
              file,
              " does not exist; check the path (",
              Message.ref(Setting.SECRETS_FILE, "the secrets file given"),
              ", or the card's secrets_file)"));
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          "secrets file "
              + file
              + " is not valid JSON (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + "): "
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (IOException e) {
      throw new BadInputException("cannot read secrets file " + file + ": " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.get("canaries");
    if (list == null || !list.isArray()) {
      throw new BadInputException(
          "secrets file " + file + " needs a top-level object with a \"canaries\" array");
    }
    Path baseDir = file.toAbsolutePath().getParent();
    List<PlantedCanary> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(readCanary(file, i + 1, list.get(i), baseDir));
    }
    return out;
  }

  private static PlantedCanary readCanary(Path file, int number, JsonNode node, Path baseDir)
      throws BadInputException {
    String where = "secrets file " + file + " canary #" + number;
    if (!node.isObject()) {
      throw new BadInputException(where + " is not a JSON object");
    }
    String templateText = text(node, "template", where);
    String label = label(node, where);
    JsonNode reps = node.get("repetitions");
    if (reps == null
        || !reps.canConvertToInt()
        || !reps.isIntegralNumber()
        || reps.intValue() < 1) {
      throw new BadInputException(
          where + ": \"repetitions\" must be a positive integer, got " + describe(reps));
    }
    String secretText = text(node, "secret", where);
    String id = node.hasNonNull("id") ? text(node, "id", where) : null;
    JsonNode includedNode = node.get("included");
    if (includedNode != null && !includedNode.isBoolean() && !includedNode.isNull()) {
      throw new BadInputException(
          where + ": \"included\" must be true or false, got " + describe(includedNode));
    }
    Boolean included =
        includedNode == null || includedNode.isNull() ? null : includedNode.booleanValue();
    JsonNode drawn = node.get("secret_drawn");
    boolean uniform = drawn != null && drawn.isTextual() && UNIFORM.equals(drawn.textValue());
    try {
      CanaryTemplate template = CanaryTemplate.parse(templateText, baseDir);
      Secret secret = template.parseSecret(secretText);
      return new PlantedCanary(id, template, label, reps.intValue(), secret, included, uniform);
    } catch (BadInputException e) {
      throw new BadInputException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) throws BadInputException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new BadInputException(
          where + ": \"" + field + "\" must be a non-empty string, got " + describe(value));
    }
    return value.textValue();
  }

  /** Labels are strings; integer class ids (e.g. 3) are accepted and kept as their digits. */
  private static String label(JsonNode node, String where) throws BadInputException {
    JsonNode value = node.get("label");
    if (value != null && value.isIntegralNumber()) {
      return value.asText();
    }
    return text(node, "label", where);
  }

  private static String describe(JsonNode value) {
    return value == null ? "nothing" : value.toString();
  }
}
