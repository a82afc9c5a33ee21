package dev.trustml.canary;

/**
 * A canary that was (or will be) planted: the secret drawn for a template, the label it was trained
 * with and how many copies were inserted. Read and written by {@link SecretsJson}.
 *
 * @param id a stable identifier (e.g. {@code pin-x16}), or null when the file gives none
 * @param template the template
 * @param label the label it carries
 * @param repetitions copies inserted into the data (when included)
 * @param secret the secret
 * @param included null for a canary that is always planted; for a canary of a one-run audit set,
 *     whether its independent coin flip (probability 1/2) put it into the data
 * @param uniformSecret whether trustml drew the secret uniformly at random from the template's
 *     candidate space (written as {@code "secret_drawn": "uniform"}); a rank test against the
 *     claimed epsilon is rigorous only then
 */
public record PlantedCanary(
    String id,
    CanaryTemplate template,
    String label,
    int repetitions,
    Secret secret,
    Boolean included,
    boolean uniformSecret) {

  /** An always-planted canary whose secret trustml drew uniformly. */
  public PlantedCanary(CanaryTemplate template, String label, int repetitions, Secret secret) {
    this(null, template, label, repetitions, secret, null, true);
  }

  /** Whether its copies are in the data: always, unless it is an audit-set canary left out. */
  public boolean inData() {
    return included == null || included;
  }

  /** The planted sentence, e.g. "my pin code is 4 8 2 1". */
  public String sentence() {
    return template.render(secret);
  }

  /** The secret as slot values, e.g. "4 8 2 1". */
  public String secretText() {
    return template.format(secret);
  }
}
