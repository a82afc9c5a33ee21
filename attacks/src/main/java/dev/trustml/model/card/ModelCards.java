package dev.trustml.model.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.json.Json;
import dev.trustml.json.JsonErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads and writes {@code trustml-model.json}, checking what the rest of trustml relies on. */
public final class ModelCards {
  /** The card file name inside a bundle. */
  public static final String FILE_NAME = "trustml-model.json";

  /** The card format this build writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  private ModelCards() {}

  /** Reads and validates the card of the bundle in {@code dir}. */
  public static ModelCard read(Path dir) throws BadInputException {
    Path file = dir.resolve(FILE_NAME);
    ModelCard card;
    try {
      card = Json.mapper().readValue(Files.readAllBytes(file), ModelCard.class);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file + ": model card not found; a bundle needs " + FILE_NAME + " beside model.pt");
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + ": " + JsonErrors.describe(e) + "; fix the model card");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the model card (" + e.getMessage() + ")");
    }
    if (card == null) {
      // Jackson maps the JSON literal null to a null card rather than failing.
      throw new BadInputException(
          file
              + ": the card is JSON null; it must be an object with labels, max_length, tokenizer");
    }
    validate(file, card);
    return card;
  }

  /** Writes the card atomically. */
  public static void write(Path dir, ModelCard card) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(card);
    AtomicFiles.write(dir.resolve(FILE_NAME), bytes);
  }

  static void validate(Path file, ModelCard card) throws BadInputException {
    if (card.schemaVersion() > SCHEMA_VERSION) {
      throw new BadInputException(
          file
              + ": schema_version "
              + card.schemaVersion()
              + " is newer than this trustml understands ("
              + SCHEMA_VERSION
              + "); upgrade trustml");
    }
    if (card.labels().isEmpty()) {
      throw new BadInputException(
          file + ": field 'labels' is missing or empty; list the class names in logit order");
    }
    Set<String> seen = new HashSet<>();
    for (String label : card.labels()) {
      if (label == null || label.isBlank() || !seen.add(label)) {
        throw new BadInputException(
            file + ": field 'labels' has an empty or duplicate label '" + label + "'");
      }
    }
    if (card.labels().size() < 2) {
      throw new BadInputException(file + ": field 'labels' needs at least two classes");
    }
    if (card.maxLength() <= 0) {
      throw new BadInputException(
          file + ": field 'max_length' must be a positive number of tokens");
    }
    if (card.tokenizer() == null
        || card.tokenizer().kind() == null
        || card.tokenizer().file() == null) {
      throw new BadInputException(
          file + ": field 'tokenizer' needs 'kind' (vocab or huggingface) and 'file'");
    }
    if (card.paddingId() < 0) {
      throw new BadInputException(
          file
              + ": field 'padding_id' is "
              + card.paddingId()
              + "; it must be the tokenizer's padding token id (0 for trustml's own models)");
    }
    String format = card.formatOrDefault();
    if (!format.equals(ModelCard.TORCHSCRIPT) && !format.equals(ModelCard.ONNX)) {
      throw new BadInputException(
          file + ": field 'format' is '" + format + "'; use torchscript or onnx");
    }
    if (card.signature() != null) {
      String problem = card.signature().problem();
      if (problem != null) {
        throw new BadInputException(
            file + ": field 'signature': " + problem + "; or remove it to detect the signature");
      }
      if (card.signature().builtIn() && card.paddingId() != 0) {
        throw new BadInputException(
            file
                + ": field 'padding_id' is "
                + card.paddingId()
                + " but a model taking 'tokens' masks id 0; set 0");
      }
      Integer fixed = card.signature().sequenceLength();
      if (fixed != null && fixed < card.maxLength()) {
        throw new BadInputException(
            file
                + ": field 'signature.sequence_length' is "
                + fixed
                + ", shorter than max_length "
                + card.maxLength()
                + "; make max_length at most the fixed length");
      }
    }
    PrivacyClaim p = card.privacy();
    if (p != null) {
      if (!(p.epsilon() >= 0) || Double.isInfinite(p.epsilon())) {
        throw new BadInputException(
            file + ": field 'privacy.epsilon' must be a finite number >= 0");
      }
      if (!(p.delta() >= 0 && p.delta() < 1)) {
        throw new BadInputException(file + ": field 'privacy.delta' must be in [0, 1)");
      }
    }
  }
}
