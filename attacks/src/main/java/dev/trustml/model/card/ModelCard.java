package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The model card {@code trustml-model.json} of a bundle: what the model is, how to feed it, and
 * what privacy it claims. Immutable; read and written by {@link ModelCards}.
 *
 * @param schemaVersion card format version ({@link ModelCards#SCHEMA_VERSION})
 * @param name a short name for reports
 * @param modelFile the TorchScript archive, relative to the bundle (default {@code model.pt})
 * @param architecture sizes of the network
 * @param labels class names; index = logit position
 * @param maxLength tokens per example after truncation
 * @param paddingId the token id used for padding (must be 0 for the built-in architecture)
 * @param tokenizer how text becomes token ids
 * @param privacy the DP claim, or null when the model claims no differential privacy
 * @param training how the model was trained (null for models trustml did not train)
 * @param canaries canaries planted in the training data (templates only; secrets live apart); the
 *     canaries of a one-run audit set are not listed (that would give away which were included)
 * @param secretsFile the file holding the planted secrets, relative to the bundle, or null
 * @param metrics measured utility (null on DP cards: computed on members and non-members without
 *     noise, the figures live in the audit kit)
 * @param canaryAuditSet a summary of the one-run canary audit set planted in the training data, or
 *     null when there is none
 * @param format how the model file is stored: {@code "torchscript"} or {@code "onnx"}; null means
 *     "from the file name" ({@link #formatOrDefault})
 * @param signature how the model is called, or null to let the engine detect it by probing
 */
public record ModelCard(
    int schemaVersion,
    String name,
    String modelFile,
    Architecture architecture,
    List<String> labels,
    int maxLength,
    int paddingId,
    TokenizerSpec tokenizer,
    PrivacyClaim privacy,
    TrainingRecipe training,
    List<PlantedCanaryInfo> canaries,
    String secretsFile,
    @JsonInclude(JsonInclude.Include.NON_NULL) CardMetrics metrics,
    @JsonInclude(JsonInclude.Include.NON_NULL) CanaryAuditSetInfo canaryAuditSet,
    @JsonInclude(JsonInclude.Include.NON_NULL) String format,
    @JsonInclude(JsonInclude.Include.NON_NULL) ModelSignature signature) {

  /** The format trustml writes and {@code .pt} files default to. */
  public static final String TORCHSCRIPT = "torchscript";

  /** The format {@code .onnx} files default to. */
  public static final String ONNX = "onnx";

  public ModelCard {
    labels = labels == null ? List.of() : List.copyOf(labels);
    canaries = canaries == null ? List.of() : List.copyOf(canaries);
    modelFile = modelFile == null ? "model.pt" : modelFile;
  }

  /** A card whose format follows the model file's name and whose signature is detected. */
  public ModelCard(
      int schemaVersion,
      String name,
      String modelFile,
      Architecture architecture,
      List<String> labels,
      int maxLength,
      int paddingId,
      TokenizerSpec tokenizer,
      PrivacyClaim privacy,
      TrainingRecipe training,
      List<PlantedCanaryInfo> canaries,
      String secretsFile,
      CardMetrics metrics,
      CanaryAuditSetInfo canaryAuditSet) {
    this(
        schemaVersion,
        name,
        modelFile,
        architecture,
        labels,
        maxLength,
        paddingId,
        tokenizer,
        privacy,
        training,
        canaries,
        secretsFile,
        metrics,
        canaryAuditSet,
        null,
        null);
  }

  /** A card without a canary audit set. */
  public ModelCard(
      int schemaVersion,
      String name,
      String modelFile,
      Architecture architecture,
      List<String> labels,
      int maxLength,
      int paddingId,
      TokenizerSpec tokenizer,
      PrivacyClaim privacy,
      TrainingRecipe training,
      List<PlantedCanaryInfo> canaries,
      String secretsFile,
      CardMetrics metrics) {
    this(
        schemaVersion,
        name,
        modelFile,
        architecture,
        labels,
        maxLength,
        paddingId,
        tokenizer,
        privacy,
        training,
        canaries,
        secretsFile,
        metrics,
        null);
  }

  /** The index of {@code label}, or -1. */
  public int labelIndex(String label) {
    return labels.indexOf(label);
  }

  /** A copy with other training details and metrics (used by the trainer). */
  public ModelCard withTraining(TrainingRecipe newTraining, CardMetrics newMetrics) {
    return new ModelCard(
        schemaVersion,
        name,
        modelFile,
        architecture,
        labels,
        maxLength,
        paddingId,
        tokenizer,
        privacy,
        newTraining,
        canaries,
        secretsFile,
        newMetrics,
        canaryAuditSet,
        format,
        signature);
  }

  /** A copy with {@code newSignature} (what {@code model init} found by probing). */
  public ModelCard withSignature(ModelSignature newSignature) {
    return new ModelCard(
        schemaVersion,
        name,
        modelFile,
        architecture,
        labels,
        maxLength,
        paddingId,
        tokenizer,
        privacy,
        training,
        canaries,
        secretsFile,
        metrics,
        canaryAuditSet,
        format,
        newSignature);
  }

  /**
   * The model file's format: the card's {@code format}, else {@code onnx} for a {@code .onnx} file
   * and {@code torchscript} for anything else (trustml's own {@code model.pt}).
   */
  public String formatOrDefault() {
    if (format != null) {
      return format;
    }
    return modelFile.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx") ? ONNX : TORCHSCRIPT;
  }
}
