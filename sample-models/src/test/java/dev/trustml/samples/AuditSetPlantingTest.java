package dev.trustml.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.data.LabeledText;
import dev.trustml.model.card.PlantedCanaryInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSetPlantingTest {
  @Test
  void plantsTheIncludedHalfRecordsOneCardEntryAndEveryCanaryWithItsBit() throws Exception {
    BuildSampleModels.Dataset d = BuildSampleModels.DATASETS.get(1);
    List<LabeledText> rows = new ArrayList<>();
    List<PlantedCanaryInfo> card = new ArrayList<>();
    List<PlantedCanary> secrets = new ArrayList<>();
    AuditSetPlanting.addTo(d, BuildSampleModels.SEED, rows, card, secrets);
    assertEquals(AuditSetPlanting.SIZE, secrets.size());
    long included = secrets.stream().filter(PlantedCanary::inData).count();
    assertEquals(included, rows.size(), "one row per included canary");
    assertTrue(Math.abs(included - 500) < 63, "about half: " + included);
    assertEquals(1, card.size());
    assertEquals(AuditSetPlanting.CARD_ID, card.get(0).id());
    for (PlantedCanary c : secrets) {
      assertTrue(c.label().equals(d.canaryLabel()) || c.label().equals(d.otherLabel()));
      assertEquals(c.template().source(), card.get(0).template());
    }
    // Deterministic: the same seed plants the same set.
    List<PlantedCanary> again = new ArrayList<>();
    AuditSetPlanting.addTo(d, BuildSampleModels.SEED, new ArrayList<>(), new ArrayList<>(), again);
    assertEquals(secrets, again);
  }
}
