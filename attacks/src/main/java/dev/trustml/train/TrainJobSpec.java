package dev.trustml.train;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.model.card.PlantedCanaryInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TrainJob} should do: which CSV, how to split and tokenise it, how to train, where to
 * write the bundle. Build with {@link #builder(Path, Path, TrainingConfig)}.
 *
 * @param dataset the labelled CSV
 * @param columns its text and label columns
 * @param outputDir the bundle directory to write (created if needed)
 * @param modelName the card's name (null: the output directory's name)
 * @param heldoutFraction share of each label's rows held out, in (0, 1)
 * @param maxLength tokens per example after truncation
 * @param maxVocabularySize vocabulary entries including [PAD] and [UNK]
 * @param minCount minimum training-set count for a word to get its own id
 * @param lowercase lower-case text before splitting into words
 * @param training the training config (its seed also seeds the split)
 * @param delta the DP delta for the privacy claim (used only with DP-SGD)
 * @param plantedRows extra training rows (already planted canaries), labels as in the CSV
 * @param canaries what was planted, recorded on the card as given
 * @param secretsFile the planted secrets file name relative to the bundle, or null
 */
public record TrainJobSpec(
    Path dataset,
    CsvColumns columns,
    Path outputDir,
    String modelName,
    double heldoutFraction,
    int maxLength,
    int maxVocabularySize,
    int minCount,
    boolean lowercase,
    TrainingConfig training,
    double delta,
    List<LabeledText> plantedRows,
    List<PlantedCanaryInfo> canaries,
    String secretsFile) {

  public TrainJobSpec {
    plantedRows = plantedRows == null ? List.of() : List.copyOf(plantedRows);
    canaries = canaries == null ? List.of() : List.copyOf(canaries);
  }

  /** A builder with trustml's defaults (half the rows held out, length 32, 20k words). */
  public static Builder builder(Path dataset, Path outputDir, TrainingConfig training) {
    return new Builder(dataset, outputDir, training);
  }

  /** Checks the values the CSV does not decide. */
  public void validate() throws BadInputException {
    if (!(heldoutFraction > 0 && heldoutFraction < 1)) {
      throw TrainingConfig.outOfRange("held-out fraction", heldoutFraction, "in (0, 1)");
    }
    if (maxLength < 1) {
      throw TrainingConfig.outOfRange("max length", maxLength, ">= 1");
    }
    if (maxVocabularySize < 3) {
      throw TrainingConfig.outOfRange(
          "max vocabulary size", maxVocabularySize, ">= 3 ([PAD], [UNK] and a word)");
    }
    if (minCount < 1) {
      throw TrainingConfig.outOfRange("min count", minCount, ">= 1");
    }
    training.validate();
    if (training.isPrivate() && !(delta > 0 && delta < 1)) {
      throw TrainingConfig.outOfRange("delta", delta, "in (0, 1)");
    }
  }

  /** Mutable builder. */
  public static final class Builder {
    private final Path dataset;
    private final Path outputDir;
    private final TrainingConfig training;
    private CsvColumns columns = CsvColumns.DEFAULT;
    private String modelName;
    private double heldoutFraction = 0.5;
    private int maxLength = 32;
    private int maxVocabularySize = 20_000;
    private int minCount = 1;
    private boolean lowercase = true;
    private double delta = 1e-5;
    private List<LabeledText> plantedRows = List.of();
    private List<PlantedCanaryInfo> canaries = List.of();
    private String secretsFile;

    private Builder(Path dataset, Path outputDir, TrainingConfig training) {
      this.dataset = dataset;
      this.outputDir = outputDir;
      this.training = training;
    }

    public Builder columns(CsvColumns value) {
      columns = value;
      return this;
    }

    public Builder modelName(String value) {
      modelName = value;
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

    public Builder minCount(int value) {
      minCount = value;
      return this;
    }

    public Builder lowercase(boolean value) {
      lowercase = value;
      return this;
    }

    public Builder delta(double value) {
      delta = value;
      return this;
    }

    /** Planted canary rows to train on, what was planted, and the secrets file's name. */
    public Builder canaries(
        List<LabeledText> rows, List<PlantedCanaryInfo> planted, String secretsFileName) {
      plantedRows = rows;
      canaries = planted;
      secretsFile = secretsFileName;
      return this;
    }

    public TrainJobSpec build() {
      return new TrainJobSpec(
          dataset,
          columns,
          outputDir,
          modelName,
          heldoutFraction,
          maxLength,
          maxVocabularySize,
          minCount,
          lowercase,
          training,
          delta,
          plantedRows,
          canaries,
          secretsFile);
    }
  }
}
