package dev.trustml.samples;

import dev.trustml.canary.AuditSetPlanter;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantingResult;
import dev.trustml.error.BadInputException;
import java.util.List;

/**
 * The sample models' one-run audit set (Steinke, Nasr &amp; Jagielski 2023): {@value #SIZE}
 * canaries of {@link AuditSetPlanter#DEFAULT_TEMPLATE} (six random built-in words) with random
 * labels, each put into the training CSV with probability 1/2 and written to the dataset's secrets
 * file with its inclusion bit, so {@code trustml audit canary} reports the one-run bound next to
 * the per-canary ones. Training keeps the included canaries on the member side and records only the
 * set's size on the card; the built-in words are among the public vocabulary's first words, so the
 * vocabulary does not depend on which canaries were included.
 */
final class AuditSetPlanting {
  static final int SIZE = 1000;

  /** Its own seed, so the audit set does not move the other canaries or the split. */
  private static final long SALT = 0xA0D1_7500L;

  private AuditSetPlanting() {}

  /**
   * The audit set of dataset {@code d}: the included canaries as rows (one each) and every canary
   * with its inclusion bit.
   */
  static PlantingResult plant(BuildSampleModels.Dataset d, long seed) throws BadInputException {
    return AuditSetPlanter.plant(
        List.of(),
        SIZE,
        List.of(CanaryTemplate.parse(AuditSetPlanter.DEFAULT_TEMPLATE)),
        List.of(d.canaryLabel(), d.otherLabel()),
        seed ^ SALT);
  }
}
