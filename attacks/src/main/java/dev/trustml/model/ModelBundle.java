package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model bundle on disk: a directory with the model file (TorchScript or ONNX), its tokenizer and
 * the model card. Opening a bundle checks the files are there; {@link Classifiers} loads the model.
 *
 * @param dir the bundle directory
 * @param card its model card
 */
public record ModelBundle(Path dir, ModelCard card) {

  /** Opens and checks the bundle in {@code dir} (or in a {@code .zip} of one). */
  public static ModelBundle open(Path dir) throws BadInputException {
    if (BundleArchive.isArchive(dir)) {
      Path extracted;
      try {
        extracted = BundleArchive.extract(dir, Files.createTempDirectory("trustml-bundle-"));
      } catch (java.io.IOException e) {
        throw new BadInputException(dir + ": cannot create a temporary directory (" + e + ")");
      }
      try {
        return openDirectory(extracted);
      } catch (BadInputException e) {
        // The extracted copy's path means nothing to the user: name the archive they gave.
        throw new BadInputException(dir + ": " + e.getMessage(), e);
      }
    }
    return openDirectory(dir);
  }

  private static ModelBundle openDirectory(Path dir) throws BadInputException {
    if (!Files.exists(dir)) {
      throw new BadInputException(dir + ": model directory not found; pass a bundle directory");
    }
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          dir
              + ": is a file, but a model is a directory holding the model file and "
              + ModelCards.FILE_NAME);
    }
    ModelCard card = ModelCards.read(dir);
    ModelBundle bundle = new ModelBundle(dir, card);
    if (!Files.isRegularFile(bundle.modelFile())) {
      throw new BadInputException(
          bundle.modelFile() + ": model file not found; the card's model_file names it");
    }
    if (!Files.isRegularFile(bundle.tokenizerFile())) {
      throw new BadInputException(
          bundle.tokenizerFile()
              + ": tokenizer file not found; the card's tokenizer.file names it");
    }
    return bundle;
  }

  /** The model file (TorchScript archive or ONNX graph). */
  public Path modelFile() {
    return dir.resolve(card.modelFile());
  }

  /** The tokenizer file. */
  public Path tokenizerFile() {
    return dir.resolve(card.tokenizer().file());
  }

  /** The planted secrets file, or null when the card names none. */
  public Path secretsFile() {
    return card.secretsFile() == null ? null : dir.resolve(card.secretsFile());
  }

  /** A name for messages and reports. */
  public String displayName() {
    return card.name() != null ? card.name() : dir.getFileName().toString();
  }
}
