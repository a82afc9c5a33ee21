package dev.trustml.samples.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.Secret;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.model.torchscript.TorchScriptWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The BERT-shaped test fixture: a small BERT classifier (hidden 32, 2 heads, 1 encoder block,
 * feed-forward 128, 64 positions) over the public bert-base-uncased WordPiece vocabulary, trained
 * in plain Java on the sentiment sample's training rows - its member split plus the three planted
 * canaries of {@code sentiment/secrets.json} (1, 4 and 16 copies) and 100 decoys each, as the
 * sample models were trained - and written as a user would export it: a bare {@code model.pt}
 * (TorchScript), {@code model.onnx} and {@code tokenizer.json}, with no trustml card.
 *
 * <p>Deterministic: same vocabulary, rows and settings, same weights and the same bytes in every
 * file.
 */
public final class BertFixture {
  /** The longest input, in tokens with [CLS] and [SEP] (rows of the position embedding). */
  public static final int MAX_LENGTH = 64;

  /** The sentiment labels in class-index order. */
  public static final List<String> LABELS = List.of("negative", "positive");

  /** The training recipe: 200 Adam steps of 32 rows (about 3.5 epochs), seeded. */
  public static final BertTrainer.Settings TRAINING =
      new BertTrainer.Settings(200, 32, 0.002, 20240);

  /**
   * Sentences of each canary's template with other random secrets and the other label, as {@code
   * BuildSampleModels} adds them: without them the template's words alone would predict the label
   * and fitting the canary would not take remembering its digits.
   */
  public static final int DECOYS = 100;

  /** The seed of the decoys' secrets. */
  public static final long DECOY_SEED = 20242;

  /** The seed of the initial weights. */
  public static final long INIT_SEED = 20241;

  /** File names of a bare export. */
  public static final String MODEL_PT = "model.pt";

  public static final String MODEL_ONNX = "model.onnx";
  public static final String TOKENIZER_JSON = "tokenizer.json";

  private BertFixture() {}

  /** {@code sample-models/data/bert-base-uncased/vocab.txt} under the sample-models folder. */
  public static Path vocabularyFile(Path sampleModels) {
    return sampleModels.resolve("data/bert-base-uncased/vocab.txt");
  }

  /** {@code sample-models/sentiment/members.csv}: the member rows the fixture is trained on. */
  public static Path memberRows(Path sampleModels) {
    return sampleModels.resolve("sentiment/members.csv");
  }

  /** {@code sample-models/sentiment/secrets.json}: the canaries planted in its training rows. */
  public static Path secrets(Path sampleModels) {
    return sampleModels.resolve("sentiment/secrets.json");
  }

  /**
   * Writes {@code tokenizer.json} for the vocabulary, truncating and padding to {@link
   * #MAX_LENGTH}.
   */
  public static void writeTokenizer(Path target, Path vocabTxt) throws IOException {
    AtomicFiles.write(
        target,
        WordPieceTokenizerJson.generate(
            WordPieceTokenizerJson.readVocabulary(vocabTxt), MAX_LENGTH));
  }

  /** Writes the TorchScript archive of {@code w} with {@code signature}. */
  public static void writeTorchScript(Path target, BertWeights w, BertSignature signature)
      throws IOException {
    AtomicFiles.write(target, out -> TorchScriptWriter.write(out, BertScript.module(w, signature)));
  }

  /** Writes the ONNX model of {@code w}. */
  public static void writeOnnx(Path target, BertWeights w, boolean withTokenTypes)
      throws IOException {
    AtomicFiles.write(target, BertOnnx.write(w, withTokenTypes));
  }

  /** The fixture's configuration over {@code vocabularySize} tokens. */
  public static BertConfig config(int vocabularySize) {
    return new BertConfig(vocabularySize, 32, 2, 1, 128, MAX_LENGTH, 2, LABELS.size());
  }

  /**
   * The training rows, tokenized with {@code tokenizerJson} through DJL's Hugging Face tokenizer
   * (as users of the model would): the member rows, then each canary {@code repetitions} times and
   * its {@link #DECOYS} decoys.
   */
  public static List<BertTrainer.Example> trainingExamples(
      Path tokenizerJson, Path membersCsv, Path secretsJson) throws IOException, BadInputException {
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (LabeledCsvReader reader = LabeledCsvReader.open(membersCsv, CsvColumns.DEFAULT)) {
      for (LabeledText row : reader.readAll()) {
        if (!LABELS.contains(row.label())) {
          throw new BadInputException(
              membersCsv
                  + ": row "
                  + row.row()
                  + " has label '"
                  + row.label()
                  + "', not one of "
                  + LABELS);
        }
        texts.add(row.text());
        labels.add(row.label());
      }
    }
    SplittableRandom random = new SplittableRandom(DECOY_SEED);
    for (PlantedCanary c : SecretsJson.read(secretsJson)) {
      if (c.included() != null) {
        continue; // the one-run audit set of the sample models, not one of the pin canaries
      }
      if (!LABELS.contains(c.label())) {
        throw new BadInputException(secretsJson + ": canary label '" + c.label() + "'");
      }
      for (int i = 0; c.inData() && i < c.repetitions(); i++) {
        texts.add(c.sentence());
        labels.add(c.label());
      }
      String other = LABELS.get(1 - LABELS.indexOf(c.label()));
      for (int i = 0; i < DECOYS; i++) {
        Secret s = c.template().randomSecret(random);
        if (!s.equals(c.secret())) {
          texts.add(c.template().render(s));
          labels.add(other);
        }
      }
    }
    List<BertTrainer.Example> examples = new ArrayList<>(texts.size());
    try (HuggingFaceTokenizer tokenizer = unpaddedTokenizer(tokenizerJson)) {
      for (int i = 0; i < texts.size(); i++) {
        Encoding e = tokenizer.encode(texts.get(i));
        examples.add(new BertTrainer.Example(e.getIds(), LABELS.indexOf(labels.get(i))));
      }
    }
    return examples;
  }

  /**
   * The tokenizer as training uses it: [CLS] ... [SEP], truncated to {@link #MAX_LENGTH}, no
   * padding.
   */
  static HuggingFaceTokenizer unpaddedTokenizer(Path tokenizerJson) throws IOException {
    return HuggingFaceTokenizer.newInstance(
        tokenizerJson,
        Map.of(
            "addSpecialTokens", "true",
            "truncation", "true",
            "maxLength", Integer.toString(MAX_LENGTH),
            "padding", "false"));
  }

  /**
   * Writes a bare export into {@code dir}: {@code tokenizer.json}, then the trained model as {@code
   * model.pt} and {@code model.onnx}.
   */
  public static BertTrainer.Result writeBare(
      Path dir, Path sampleModels, BertSignature signature, BertTrainer.Settings settings)
      throws IOException, BadInputException {
    Files.createDirectories(dir);
    Path vocab = vocabularyFile(sampleModels);
    Path tokenizer = dir.resolve(TOKENIZER_JSON);
    writeTokenizer(tokenizer, vocab);
    int vocabularySize = WordPieceTokenizerJson.readVocabulary(vocab).size();
    BertTrainer.Result result =
        BertTrainer.train(
            BertInit.initial(config(vocabularySize), INIT_SEED),
            trainingExamples(tokenizer, memberRows(sampleModels), secrets(sampleModels)),
            settings);
    writeTorchScript(dir.resolve(MODEL_PT), result.weights(), signature);
    writeOnnx(dir.resolve(MODEL_ONNX), result.weights(), signature.tokenTypes());
    return result;
  }
}
