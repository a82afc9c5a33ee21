package dev.trustml.train;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.data.CsvColumns;
import dev.trustml.error.BadInputException;
import dev.trustml.model.card.MembershipDesign;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TrainJob} should do: which CSV, how to split and tokenise it, how to train, where to
 * write the bundle and its audit kit. Build with {@link #builder(Path, Path, TrainingConfig)}.
 *
 * @param dataset the labelled CSV
 * @param columns its text and label columns
 * @param outputDir the bundle directory to write (created if needed): only what ships
 * @param auditKitDir the audit kit directory (created if needed): the split, the secrets and every
 *     figure computed on the rows; null for the sibling {@code <outputDir>.audit}
 * @param modelName the card's name (null: the output directory's name)
 * @param split how rows become members: {@link MembershipDesign.Kind#BERNOULLI} (each distinct row
 *     by its own coin) or {@link MembershipDesign.Kind#STRATIFIED} (a fixed share per label); null
 *     for no split: every row is trained on, nothing is held out and no design is recorded (how a
 *     reference model is trained on the rows a reference plan chose for it)
 * @param heldoutFraction 1 - the inclusion probability, in (0, 1); ignored without a split
 * @param maxLength tokens per example after truncation
 * @param maxVocabularySize vocabulary entries including [PAD] and [UNK] (word vocabularies)
 * @param lowercase lower-case text before splitting into words
 * @param vocabulary where the vocabulary comes from (a DP run must not read the rows in the clear)
 * @param training the training config (its seed also seeds the split and the DP vocabulary)
 * @param delta the DP delta of the whole claim (DP-SGD gets it minus the DP vocabulary's share)
 * @param canaries canaries from a secrets file: rows of the CSV equal to an in-data canary's
 *     sentence and label are its copies, always trained on and kept out of the membership design
 * @param secretsFile the secrets file they came from (copied into the audit kit), or null
 */
public record TrainJobSpec(
    Path dataset,
    CsvColumns columns,
    Path outputDir,
    Path auditKitDir,
    String modelName,
    MembershipDesign.Kind split,
    double heldoutFraction,
    int maxLength,
    int maxVocabularySize,
    boolean lowercase,
    VocabularySource vocabulary,
    TrainingConfig training,
    double delta,
    List<PlantedCanary> canaries,
    Path secretsFile) {

  public TrainJobSpec {
    canaries = canaries == null ? List.of() : List.copyOf(canaries);
  }

  /** A builder with trustml's defaults (Bernoulli(1/2), length 32, 20k words from the members). */
  public static Builder builder(Path dataset, Path outputDir, TrainingConfig training) {
    return new Builder(dataset, outputDir, training);
  }

  /** The membership design this spec asks for, or null without a split. */
  public MembershipDesign design() {
    return split == null ? null : new MembershipDesign(split, 1 - heldoutFraction);
  }

  /** The audit kit directory: as given, or {@code <outputDir>.audit}. */
  public Path auditKit() {
    return auditKitDir != null ? auditKitDir : Path.of(outputDir.toString() + ".audit");
  }

  /** Delta of the vocabulary mechanism (0 unless it is DP partition selection). */
  public double vocabularyDelta() {
    return vocabulary instanceof VocabularySource.DpPartitionSelection dp ? dp.delta() : 0;
  }

  /** Epsilon of the vocabulary mechanism (0 unless it is DP partition selection). */
  public double vocabularyEpsilon() {
    return vocabulary instanceof VocabularySource.DpPartitionSelection dp ? dp.epsilon() : 0;
  }

  /** Checks the values the CSV does not decide. */
  public void validate() throws BadInputException {
    if (split != null && !(heldoutFraction > 0 && heldoutFraction < 1)) {
      throw TrainingConfig.outOfRange("held-out fraction", heldoutFraction, "in (0, 1)");
    }
    if (maxLength < 1) {
      throw TrainingConfig.outOfRange("max length", maxLength, ">= 1");
    }
    if (maxVocabularySize < 3) {
      throw TrainingConfig.outOfRange(
          "max vocabulary size", maxVocabularySize, ">= 3 ([PAD], [UNK] and a word)");
    }
    if (vocabulary == null) {
      throw new IllegalArgumentException("vocabulary source is required");
    }
    if (vocabulary instanceof VocabularySource.FromMembers m && m.minCount() < 1) {
      throw TrainingConfig.outOfRange("min count", m.minCount(), ">= 1");
    }
    if (vocabulary instanceof VocabularySource.DpPartitionSelection dp) {
      if (!(dp.epsilon() > 0) || Double.isInfinite(dp.epsilon())) {
        throw TrainingConfig.outOfRange("DP vocabulary epsilon", dp.epsilon(), "finite and > 0");
      }
      if (!(dp.delta() > 0 && dp.delta() < 1)) {
        throw TrainingConfig.outOfRange("DP vocabulary delta", dp.delta(), "in (0, 1)");
      }
      if (dp.maxWordsPerRow() < 1) {
        throw TrainingConfig.outOfRange("DP vocabulary words per row", dp.maxWordsPerRow(), ">= 1");
      }
    }
    training.validate();
    if (training.isPrivate()) {
      if (!(delta > 0 && delta < 1)) {
        throw TrainingConfig.outOfRange("delta", delta, "in (0, 1)");
      }
      if (vocabulary.readsTrainingRowsInTheClear()) {
        throw new BadInputException(
            "DP-SGD training needs a vocabulary that does not come from the training rows in the"
                + " clear: a public token list, a public tokenizer, or a DP vocabulary");
      }
      if (!(vocabularyDelta() < delta)) {
        throw new BadInputException(
            "the DP vocabulary's delta "
                + vocabularyDelta()
                + " leaves nothing of the total delta "
                + delta
                + " for DP-SGD; give it a smaller share");
      }
    }
  }

  /** Mutable builder. */
  public static final class Builder {
    private final Path dataset;
    private final Path outputDir;
    private final TrainingConfig training;
    private Path auditKitDir;
    private CsvColumns columns = CsvColumns.DEFAULT;
    private String modelName;
    private MembershipDesign.Kind split = MembershipDesign.Kind.BERNOULLI;
    private double heldoutFraction = 0.5;
    private int maxLength = 32;
    private int maxVocabularySize = 20_000;
    private boolean lowercase = true;
    private VocabularySource vocabulary = new VocabularySource.FromMembers(1);
    private double delta = 1e-5;
    private List<PlantedCanary> canaries = List.of();
    private Path secretsFile;

    private Builder(Path dataset, Path outputDir, TrainingConfig training) {
      this.dataset = dataset;
      this.outputDir = outputDir;
      this.training = training;
    }

    public Builder auditKit(Path value) {
      auditKitDir = value;
      return this;
    }

    public Builder columns(CsvColumns value) {
      columns = value;
      return this;
    }

    public Builder modelName(String value) {
      modelName = value;
      return this;
    }

    public Builder split(MembershipDesign.Kind value) {
      split = value;
      return this;
    }

    public Builder heldoutFraction(double value) {
      heldoutFraction = value;
      return this;
    }

    public Builder maxLength(int value) {
      maxLength = value;
      return this;
    }

    public Builder maxVocabularySize(int value) {
      maxVocabularySize = value;
      return this;
    }

    public Builder lowercase(boolean value) {
      lowercase = value;
      return this;
    }

    public Builder vocabulary(VocabularySource value) {
      vocabulary = value;
      return this;
    }

    public Builder delta(double value) {
      delta = value;
      return this;
    }

    /** Canaries read from {@code secrets} (see {@link TrainJobSpec#canaries()}). */
    public Builder canaries(List<PlantedCanary> planted, Path secrets) {
      canaries = planted;
      secretsFile = secrets;
      return this;
    }

    public TrainJobSpec build() {
      return new TrainJobSpec(
          dataset,
          columns,
          outputDir,
          auditKitDir,
          modelName,
          split,
          heldoutFraction,
          maxLength,
          maxVocabularySize,
          lowercase,
          vocabulary,
          training,
          delta,
          canaries,
          secretsFile);
    }
  }
}
