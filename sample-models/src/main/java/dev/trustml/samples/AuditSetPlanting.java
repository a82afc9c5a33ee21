package dev.trustml.samples;

import dev.trustml.canary.AuditSetPlanter;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.PlantingResult;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.model.card.PlantedCanaryInfo;
import java.util.List;

/**
 * The sample models' one-run audit set (Steinke, Nasr &amp; Jagielski 2023): {@value #SIZE}
 * canaries of {@link AuditSetPlanter#DEFAULT_TEMPLATE} (six random built-in words) with random
 * labels, each trained on with probability 1/2, all written to the dataset's secrets file with
 * their inclusion bits, so {@code trustml audit canary} reports the one-run bound next to the
 * per-canary ones.
 *
 * <p>The card records the audit set as one entry per template (id {@value #CARD_ID}, label {@value
 * #RANDOM_LABEL}), never per canary: that entry makes training reserve the template's words in the
 * vocabulary whether or not a canary using them was included, so the vocabulary, which is not built
 * with differential privacy, cannot give the inclusion bits away.
 */
final class AuditSetPlanting {
  static final int SIZE = 1000;
  static final String CARD_ID = "audit-set";
  static final String RANDOM_LABEL = "(random)";

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

  /**
   * Adds the included audit-set canaries to {@code rows}, the card entry to {@code card} and every
   * audit-set canary to {@code secrets}.
   */
  static void addTo(
      BuildSampleModels.Dataset d,
      long seed,
      List<LabeledText> rows,
      List<PlantedCanaryInfo> card,
      List<PlantedCanary> secrets)
      throws BadInputException {
    PlantingResult planted = plant(d, seed);
    for (dev.trustml.canary.LabeledText t : planted.rows()) {
      rows.add(new LabeledText(0, 0, t.text(), t.label()));
    }
    card.add(new PlantedCanaryInfo(CARD_ID, AuditSetPlanter.DEFAULT_TEMPLATE, RANDOM_LABEL, 1));
    secrets.addAll(planted.canaries());
  }
}
