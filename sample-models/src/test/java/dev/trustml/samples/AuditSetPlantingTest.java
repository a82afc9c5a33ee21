package dev.trustml.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.PlantingResult;
import dev.trustml.data.LabeledText;
import dev.trustml.train.PublicWordList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSetPlantingTest {
  @Test
  void plantsTheIncludedHalfAndKeepsEveryCanaryWithItsBit() throws Exception {
    BuildSampleModels.Dataset d = BuildSampleModels.DATASETS.get(1);
    PlantingResult r = AuditSetPlanting.plant(d, BuildSampleModels.SEED);
    assertEquals(AuditSetPlanting.SIZE, r.canaries().size());
    long included = r.canaries().stream().filter(PlantedCanary::inData).count();
    assertEquals(included, r.rows().size(), "one row per included canary");
    assertTrue(Math.abs(included - 500) < 63, "about half: " + included);
    for (PlantedCanary c : r.canaries()) {
      assertTrue(c.label().equals(d.canaryLabel()) || c.label().equals(d.otherLabel()));
      assertEquals(c.inData(), r.rows().contains(new LabeledText(c.sentence(), c.label())));
    }
    assertEquals(r, AuditSetPlanting.plant(d, BuildSampleModels.SEED), "deterministic");
  }

  @Test
  void everyAuditWordIsAmongThePublicVocabularyTheSampleModelsUse() throws Exception {
    // The vocabulary is the first VOCABULARY word-initial BERT tokens: the built-in words must all
    // be in it, or which canaries were included could not show through [UNK]s - and could not
    // leak through the vocabulary either way.
    List<String> vocab =
        PublicWordList.vocabulary(
            SampleModelsDir.root().resolve(BuildSampleModels.PUBLIC_VOCABULARY),
            true,
            BuildSampleModels.VOCABULARY,
            List.of());
    PlantedCanary any =
        AuditSetPlanting.plant(BuildSampleModels.DATASETS.get(0), 1).canaries().get(0);
    assertTrue(vocab.containsAll(any.template().alphabet(0).values()));
  }
}
