package dev.trustml.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.RdpAccountant;
import dev.trustml.scoring.Scorer;
import dev.trustml.scoring.ScoringSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed sample models: each loads through DJL, its held-out accuracy scored by libtorch
 * matches its card, its claimed epsilon is what the accountant gives for its recorded parameters,
 * and its secrets file matches the canaries on the card.
 */
class CommittedSampleModelsTest {
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-models/sentiment"))) {
        return p.resolve("sample-models");
      }
    }
    throw new IllegalStateException("sample-models/ not found");
  }

  @ParameterizedTest
  @CsvSource({
    "sentiment,nodp,", "sentiment,eps8,8", "sentiment,eps1,1",
    "spam,nodp,", "spam,eps8,8", "spam,eps1,1"
  })
  void sampleModelIsWhatItsCardSays(String dataset, String variant, Double target)
      throws Exception {
    Path dir = root().resolve(dataset).resolve(variant);
    ModelBundle bundle = ModelBundle.open(dir);
    ModelCard card = bundle.card();
    try (LoadedModel m = LoadedModel.load(bundle, false)) {
      assertTrue(m.hasMethod("forward_emb"), "white-box method present");
      ScoringSummary s =
          new Scorer(m)
              .score(dir.resolve(card.training().nonMembersFile()), CsvColumns.DEFAULT, e -> {});
      assertEquals(card.metrics().heldoutAccuracy(), s.accuracy(), 2e-3, "held-out accuracy");
      assertEquals(card.metrics().heldoutRows().longValue(), s.rows());
    }
    if (dataset.equals("sentiment") && variant.equals("nodp")) {
      assertTrue(card.metrics().heldoutAccuracy() >= 0.75, "utility of the non-private model");
    }
    if (target == null) {
      assertNull(card.privacy());
    } else {
      assertNotNull(card.privacy());
      double eps =
          new RdpAccountant()
              .epsilon(
                  DpSgdParameters.of(
                      card.privacy().samplingRate(),
                      card.privacy().noiseMultiplier(),
                      card.privacy().steps()),
                  card.privacy().delta());
      assertEquals(card.privacy().epsilon(), eps, 1e-9, "recorded epsilon = accountant's");
      assertTrue(eps <= target, "calibrated epsilon never above the target");
    }
    List<PlantedCanary> secrets = SecretsJson.read(bundle.secretsFile());
    // The one-run audit set is one card entry; its canaries are in the secrets file with bits.
    List<PlantedCanaryInfo> planted =
        card.canaries().stream().filter(c -> !c.id().equals(AuditSetPlanting.CARD_ID)).toList();
    long auditSet = secrets.stream().filter(p -> p.included() != null).count();
    assertEquals(planted.size(), secrets.size() - auditSet);
    assertEquals(
        planted.size() < card.canaries().size() ? AuditSetPlanting.SIZE : 0,
        auditSet,
        "an audit set on the card has its canaries in the secrets file");
    for (PlantedCanaryInfo c : planted) {
      assertTrue(
          secrets.stream()
              .anyMatch(
                  p ->
                      p.template().source().equals(c.template())
                          && p.repetitions() == c.repetitions()),
          "secret for " + c.id());
    }
  }
}
