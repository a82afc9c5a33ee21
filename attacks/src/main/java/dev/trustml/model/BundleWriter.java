package dev.trustml.model;

import dev.trustml.io.AtomicFiles;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.torchscript.TorchScriptWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a model bundle: TorchScript model, tokenizer file and card, each file atomically. */
public final class BundleWriter {
  private BundleWriter() {}

  /**
   * Writes the bundle into {@code dir} (created if needed).
   *
   * @param vocabulary the vocabulary tokens in id order (written as the card's tokenizer file)
   */
  public static void write(
      Path dir, TextClassifierWeights weights, List<String> vocabulary, ModelCard card)
      throws IOException {
    if (card.tokenizer().kind() != TokenizerKind.VOCAB) {
      throw new IllegalArgumentException("BundleWriter writes vocabulary tokenizers only");
    }
    if (vocabulary.size() > weights.vocabSize()) {
      throw new IllegalArgumentException("vocabulary larger than the embedding");
    }
    Files.createDirectories(dir);
    AtomicFiles.write(
        dir.resolve(card.modelFile()),
        out ->
            TorchScriptWriter.write(out, TextClassifierScript.module(weights, card.maxLength())));
    AtomicFiles.write(
        dir.resolve(card.tokenizer().file()),
        (String.join("\n", vocabulary) + "\n").getBytes(StandardCharsets.UTF_8));
    ModelCards.write(dir, card);
  }

  /**
   * Writes the bundle into {@code dir} (created if needed) with a copy of {@code tokenizerFile} (a
   * Hugging Face {@code tokenizer.json}) as the card's tokenizer file.
   */
  public static void writeWithTokenizerFile(
      Path dir, TextClassifierWeights weights, Path tokenizerFile, ModelCard card)
      throws IOException {
    if (card.tokenizer().kind() != TokenizerKind.HUGGINGFACE) {
      throw new IllegalArgumentException("a copied tokenizer file is a Hugging Face tokenizer");
    }
    byte[] tokenizer = Files.readAllBytes(tokenizerFile);
    Files.createDirectories(dir);
    AtomicFiles.write(
        dir.resolve(card.modelFile()),
        out ->
            TorchScriptWriter.write(out, TextClassifierScript.module(weights, card.maxLength())));
    AtomicFiles.write(dir.resolve(card.tokenizer().file()), tokenizer);
    ModelCards.write(dir, card);
  }
}
