package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.data.CsvColumns;
import dev.trustml.model.Classifier;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.scoring.Scorer;
import dev.trustml.scoring.ScoringSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trustml's trainer with a Hugging Face tokenizer, which this module provides. */
class PublicTokenizerTrainJobTest {
  /**
   * A public Hugging Face tokenizer: the model's vocabulary is the tokenizer's, the bundle ships a
   * copy of tokenizer.json, and the model (plain Java) scores the held-out rows through the
   * provider's tokenizer as the kit says.
   */
  @Test
  void trainsWithAPublicHuggingFaceTokenizer(@TempDir Path tmp) throws Exception {
    List<String> vocab =
        List.of("[PAD]", "[UNK]", "the", "film", "was", "good", "great", "bad", "awful", "food");
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < vocab.size(); i++) {
      entries.append(i == 0 ? "" : ",").append('"').append(vocab.get(i)).append("\":").append(i);
    }
    Path tokenizer = tmp.resolve("tokenizer.json");
    Files.writeString(
        tokenizer,
        "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
            + "\"normalizer\":{\"type\":\"Lowercase\"},"
            + "\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
            + "\"post_processor\":null,\"decoder\":null,"
            + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{"
            + entries
            + "},\"unk_token\":\"[UNK]\"}}");
    Path csv = TrainJobTest.writeCsv(tmp, 20);
    Path out = tmp.resolve("hf");
    TrainJobResult r =
        new TrainJob(TrainJobTest.stub(new double[4], 1.5))
            .run(
                TrainJobSpec.builder(csv, out, TrainJobTest.dpConfig(3))
                    .columns(TrainJobTest.COLUMNS)
                    .vocabulary(new VocabularySource.PublicTokenizer(tokenizer))
                    .build());
    assertEquals(
        List.of("model.pt", "tokenizer.json", "trustml-model.json"), TrainJobTest.fileNames(out));
    assertArrayEquals(
        Files.readAllBytes(tokenizer), Files.readAllBytes(out.resolve("tokenizer.json")));
    ModelCard card = r.card();
    assertEquals(TokenizerKind.HUGGINGFACE, card.tokenizer().kind());
    assertEquals(vocab.size(), card.architecture().vocabSize());
    assertEquals("public-tokenizer", card.privacy().components().get(1).mechanism());
    assertEquals(
        TrainJobTest.sha256(tokenizer),
        card.privacy().components().get(1).parameters().get("sha256"));
    try (Classifier m = ReferenceClassifier.open(out, r.weights())) {
      ScoringSummary s =
          new Scorer(m)
              .score(out.resolve(card.training().nonMembersFile()), CsvColumns.DEFAULT, x -> {});
      assertEquals(r.kit().metrics().heldoutAccuracy(), (double) s.correct() / s.rows(), 1e-12);
    }
  }
}
