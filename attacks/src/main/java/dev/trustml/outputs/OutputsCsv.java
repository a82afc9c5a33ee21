package dev.trustml.outputs;

import java.util.List;

/**
 * The precomputed-outputs format: one UTF-8 CSV per model (RFC 4180, header line), one line per
 * row, the same rows in every model's file.
 *
 * <ul>
 *   <li>{@code id} and/or {@code text}: which row this is. Rows are identified by {@code id} when
 *       the column is there, else by {@code text}, together with the label; a row that occurs more
 *       than once (same identity and label) is one row repeated, and the repeats of one file are
 *       matched to those of another in order.
 *   <li>{@code label}: the row's true label.
 *   <li>{@code member}: {@code 1} when this file's model trained on the row, else {@code 0}. In the
 *       audited model's file it is the membership the audit tries to infer; in a reference model's
 *       file it says which rows that model trained on (IN/OUT).
 *   <li>{@code population} (optional, default {@code 0}): {@code 1} marks a row known to be outside
 *       the audited model's training data, used by RMIA and the class calibration and never
 *       evaluated; such rows have {@code member} 0 in the audited model's file.
 *   <li>The outputs, one of: {@code logit:<label>} for every label (the header names the labels;
 *       their order is the class order); or {@code loss}, the cross-entropy {@code -ln p(label)} of
 *       each row (then the attacks that need every class's logit do not run); or {@code
 *       confidence}, {@code p(label)}.
 *   <li>{@code tokens}, {@code unknown_tokens}, {@code rarest_token} (optional, all three or none,
 *       audited model only): how the model's shipped vocabulary covers the row (its token count,
 *       how many are the unknown token, the largest known token id over the vocabulary size), for
 *       the {@code vocab} attack; population rows may leave them empty.
 * </ul>
 */
public final class OutputsCsv {
  public static final String ID = "id";
  public static final String TEXT = "text";
  public static final String LABEL = "label";
  public static final String MEMBER = "member";
  public static final String POPULATION = "population";
  public static final String LOGIT_PREFIX = "logit:";
  public static final String LOSS = "loss";
  public static final String CONFIDENCE = "confidence";
  public static final String TOKENS = "tokens";
  public static final String UNKNOWN_TOKENS = "unknown_tokens";
  public static final String RAREST_TOKEN = "rarest_token";

  /** The vocabulary-coverage columns, all three or none. */
  public static final List<String> COVERAGE = List.of(TOKENS, UNKNOWN_TOKENS, RAREST_TOKEN);

  /** The file of the audited model inside an export directory. */
  public static final String TARGET_FILE = "target.csv";

  /** The directory of the reference models' files inside an export directory. */
  public static final String REFERENCES_DIR = "references";

  private OutputsCsv() {}

  /** The column of the logit of {@code label}. */
  public static String logitColumn(String label) {
    return LOGIT_PREFIX + label;
  }
}
