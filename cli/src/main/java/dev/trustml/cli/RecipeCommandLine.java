package dev.trustml.cli;

import dev.trustml.audit.shadow.ReferencePlans;
import dev.trustml.error.BadInputException;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.train.PublicWordList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code trustml train} command line that trains a model exactly as {@code audit membership
 * --shadow-models} trains a reference model of a target trained by trustml: the card's recipe, the
 * target's vocabulary (given to {@code --vocab}, which reproduces it token for token), no split,
 * the reference model's seed. Weights are bit-identical, so a plan trained with it gives the same
 * numbers as {@code --shadow-models}.
 */
final class RecipeCommandLine implements ReferencePlans.RecipeCommand {
  /** Characters that need no shell quoting (braces: the train command's placeholders). */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,+@%{}-]+");

  private final List<String> options;

  private RecipeCommandLine(List<String> options) {
    this.options = options;
  }

  /**
   * The command line for {@code target}, or null when {@code trustml train} cannot replay its
   * recipe; then {@link #problem} says why.
   */
  static RecipeCommandLine of(ModelBundle target) {
    return problem(target) == null ? new RecipeCommandLine(options(target.card())) : null;
  }

  /** Why {@code trustml train} cannot replay the target's recipe, or null when it can. */
  static String problem(ModelBundle target) {
    ModelCard card = target.card();
    TrainingRecipe r = card.training();
    if (r == null || card.architecture() == null) {
      return "its card has no training recipe (not trained by trustml)";
    }
    if (!Architecture.MEAN_POOL_MLP.equals(card.architecture().kind())) {
      return "its architecture '" + card.architecture().kind() + "' is not trustml's";
    }
    if (card.tokenizer().kind() != TokenizerKind.VOCAB || !card.tokenizer().lowercaseOrDefault()) {
      return "its tokenizer is not a lower-casing vocab.txt";
    }
    try {
      List<String> vocab = VocabTokenizer.load(target.tokenizerFile(), true).tokens();
      if (vocab.size() != card.architecture().vocabSize()
          || !PublicWordList.vocabulary(target.tokenizerFile(), true, vocab.size(), List.of())
              .equals(vocab)) {
        return "its vocabulary cannot be given to trustml train --vocab token for token";
      }
    } catch (BadInputException e) {
      return "its vocabulary cannot be read (" + e.getMessage() + ")";
    }
    return null;
  }

  private static List<String> options(ModelCard card) {
    TrainingRecipe r = card.training();
    List<String> o = new ArrayList<>();
    o.add("--split");
    o.add("none");
    o.add("--vocab-size");
    o.add(Integer.toString(card.architecture().vocabSize()));
    o.add("--max-length");
    o.add(Integer.toString(card.maxLength()));
    o.add("--embedding-dim");
    o.add(Integer.toString(card.architecture().embeddingDim()));
    o.add("--hidden-dim");
    o.add(Integer.toString(card.architecture().hiddenDim()));
    o.add("--optimizer");
    o.add(r.optimizer());
    o.add("--lr");
    o.add(Double.toString(r.learningRate()));
    o.add("--epochs");
    o.add(Integer.toString(r.epochs()));
    o.add("--batch-size");
    o.add(Integer.toString(r.batchSize()));
    PrivacyClaim p = card.privacy();
    if (p != null && p.noiseMultiplier() != null && p.clippingNorm() != null) {
      o.add("--noise-multiplier");
      o.add(Double.toString(p.noiseMultiplier()));
      o.add("--clip");
      o.add(Double.toString(p.clippingNorm()));
    }
    return o;
  }

  @Override
  public String command(String trainCsv, String outDir, String vocab, String seed) {
    List<String> words =
        new ArrayList<>(List.of("trustml", "train", "--data", trainCsv, "--out", outDir));
    words.add("--vocab");
    words.add(vocab);
    words.addAll(options);
    words.add("--seed=" + seed);
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add(SAFE.matcher(w).matches() ? w : "'" + w.replace("'", "'\"'\"'") + "'");
    }
    return String.join(" ", quoted);
  }
}
