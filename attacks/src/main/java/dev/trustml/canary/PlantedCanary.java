package dev.trustml.canary;

/**
 * A canary that was (or will be) planted: the secret drawn for a template, the label it was trained
 * with and how many copies were inserted. Read and written by {@link SecretsJson}.
 */
public record PlantedCanary(CanaryTemplate template, String label, int repetitions, Secret secret) {

  /** The planted sentence, e.g. "my pin code is 4 8 2 1". */
  public String sentence() {
    return template.render(secret);
  }

  /** The secret as slot values, e.g. "4 8 2 1". */
  public String secretText() {
    return template.format(secret);
  }
}
