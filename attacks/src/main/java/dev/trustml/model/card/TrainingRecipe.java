package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How trustml trained a model: enough to train reference (shadow) models the same way. A DP model's
 * card leaves out what would break its claim: the seed (with the seed and the other rows, anyone
 * can replay training bit for bit and compare with model.pt), the data's SHA-256 (a membership
 * oracle for an adversary who knows every row but one) and the wall time; trustml writes them to
 * the audit kit instead, which never ships.
 *
 * @param optimizer {@code sgd} or {@code adam}
 * @param learningRate step size
 * @param epochs passes over the data (non-private training) or the equivalent (DP-SGD)
 * @param batchSize batch size (expected batch size under Poisson sampling)
 * @param steps optimiser steps taken
 * @param seed the seed of every random choice (null on DP cards: it lives in the audit kit)
 * @param dataset the training CSV's file name (no path), as given
 * @param datasetSha256 SHA-256 of the training CSV (null on DP cards)
 * @param textColumn the text column's name
 * @param labelColumn the label column's name
 * @param heldoutFraction share of rows held out from training (1 - the inclusion probability)
 * @param membersFile CSV of the rows trained on, relative to the bundle (in the audit kit)
 * @param nonMembersFile CSV of the held-out rows, relative to the bundle (in the audit kit)
 * @param vocabularySize tokens kept in the vocabulary (incl. padding and unknown)
 * @param trainSeconds wall time of training (null on DP cards)
 * @param design how rows were assigned to members and non-members (null on cards written before
 *     trustml recorded it: treated as unknown)
 * @param vocabularySource where the vocabulary came from: {@value #VOCABULARY_FROM_MEMBERS},
 *     {@value #VOCABULARY_PUBLIC_WORD_LIST}, {@value #VOCABULARY_PUBLIC_TOKENIZER} or {@value
 *     #VOCABULARY_DP_PARTITION_SELECTION} (null on cards written before trustml recorded it)
 */
public record TrainingRecipe(
    String optimizer,
    double learningRate,
    int epochs,
    int batchSize,
    long steps,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long seed,
    String dataset,
    @JsonInclude(JsonInclude.Include.NON_NULL) String datasetSha256,
    String textColumn,
    String labelColumn,
    double heldoutFraction,
    String membersFile,
    String nonMembersFile,
    int vocabularySize,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double trainSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) MembershipDesign design,
    @JsonInclude(JsonInclude.Include.NON_NULL) String vocabularySource) {

  /** Every word of the member rows that was frequent enough: the vocabulary leaks membership. */
  public static final String VOCABULARY_FROM_MEMBERS = "members";

  /** A public token list given to the trainer (no training row involved). */
  public static final String VOCABULARY_PUBLIC_WORD_LIST = "public-word-list";

  /** A public Hugging Face tokenizer given to the trainer (no training row involved). */
  public static final String VOCABULARY_PUBLIC_TOKENIZER = "public-tokenizer";

  /** Words released by differentially private partition selection over the member rows. */
  public static final String VOCABULARY_DP_PARTITION_SELECTION = "dp-partition-selection";

  /** A recipe without a recorded vocabulary source (the fields of cards before it existed). */
  public TrainingRecipe(
      String optimizer,
      double learningRate,
      int epochs,
      int batchSize,
      long steps,
      Long seed,
      String dataset,
      String datasetSha256,
      String textColumn,
      String labelColumn,
      double heldoutFraction,
      String membersFile,
      String nonMembersFile,
      int vocabularySize,
      Double trainSeconds,
      MembershipDesign design) {
    this(
        optimizer,
        learningRate,
        epochs,
        batchSize,
        steps,
        seed,
        dataset,
        datasetSha256,
        textColumn,
        labelColumn,
        heldoutFraction,
        membersFile,
        nonMembersFile,
        vocabularySize,
        trainSeconds,
        design,
        null);
  }
}
