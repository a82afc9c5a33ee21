package dev.trustml.model;

import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small random bundles for tests. */
public final class TestBundles {
  public static final List<String> WORDS =
      List.of("good", "bad", "great", "awful", "movie", "food", "the", "was", "not", "very");

  private TestBundles() {}

  public static List<String> vocabulary() {
    List<String> v = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    v.addAll(WORDS);
    for (int d = 0; d <= 9; d++) {
      v.add(Integer.toString(d));
    }
    return v;
  }

  public static ModelCard card(List<String> labels, int vocabSize, int d, int h) {
    return new ModelCard(
        ModelCards.SCHEMA_VERSION,
        "test-model",
        "model.pt",
        new Architecture(Architecture.MEAN_POOL_MLP, vocabSize, d, h),
        labels,
        16,
        0,
        new TokenizerSpec(TokenizerKind.VOCAB, "vocab.txt", true),
        null,
        null,
        List.of(),
        null,
        null);
  }

  /** A bundle with seeded random weights and labels negative/positive. */
  public static TextClassifierWeights write(Path dir, long seed) throws IOException {
    List<String> vocab = vocabulary();
    TextClassifierWeights w = WeightInit.initial(vocab.size(), 8, 6, 2, seed);
    BundleWriter.write(dir, w, vocab, card(List.of("negative", "positive"), vocab.size(), 8, 6));
    return w;
  }
}
