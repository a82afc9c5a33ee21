package dev.trustml.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.json.Json;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.CardMetrics;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.PrivacyComponent;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.RdpAccountant;
import dev.trustml.scoring.Scorer;
import dev.trustml.scoring.ScoringSummary;
import dev.trustml.train.AuditKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed sample models: each loads through DJL, its held-out accuracy scored by libtorch
 * matches its card (or, for bundles built with an audit kit, the kit), its claimed epsilon is what
 * the accountant gives for its recorded parameters (plus the other components of the claim), and
 * its secrets file matches the canaries on the card.
 */
class CommittedSampleModelsTest {
  /** The kit file {@link BuildSampleModels} writes for a variant, or null for older bundles. */
  static AuditKit kit(String dataset, String variant) throws Exception {
    Path file = SampleModelsDir.root().resolve(dataset).resolve("kit-" + variant + ".json");
    return Files.isRegularFile(file)
        ? Json.mapper().readValue(file.toFile(), AuditKit.class)
        : null;
  }

  @ParameterizedTest
  @CsvSource({
    "sentiment,nodp,", "sentiment,eps8,8", "sentiment,eps1,1",
    "spam,nodp,", "spam,eps8,8", "spam,eps1,1"
  })
  void sampleModelIsWhatItsCardSays(String dataset, String variant, Double target)
      throws Exception {
    Path dir = SampleModelsDir.root().resolve(dataset).resolve(variant);
    ModelBundle bundle = ModelBundle.open(dir);
    ModelCard card = bundle.card();
    AuditKit kit = kit(dataset, variant);
    CardMetrics metrics = card.metrics() != null ? card.metrics() : kit.metrics();
    try (Classifier m = Classifiers.open(bundle, false)) {
      assertTrue(m.info().methods().contains("forward_emb"), "white-box method present");
      ScoringSummary s =
          new Scorer(m)
              .score(dir.resolve(card.training().nonMembersFile()), CsvColumns.DEFAULT, e -> {});
      assertEquals(metrics.heldoutAccuracy(), s.accuracy(), 2e-3, "held-out accuracy");
      assertEquals(metrics.heldoutRows().longValue(), s.rows());
    }
    if (dataset.equals("sentiment") && variant.equals("nodp")) {
      assertTrue(metrics.heldoutAccuracy() >= 0.75, "utility of the non-private model");
    }
    if (target == null) {
      assertNull(card.privacy());
    } else {
      PrivacyClaim p = card.privacy();
      assertNotNull(p);
      double sgdDelta = p.delta();
      double others = 0;
      if (p.components() != null) {
        double epsilonSum = 0;
        for (PrivacyComponent c : p.components()) {
          epsilonSum += c.epsilon();
          if (c.mechanism().equals("dp-sgd")) {
            sgdDelta = c.delta();
          } else {
            others += c.epsilon();
          }
        }
        assertEquals(p.epsilon(), epsilonSum, 1e-12, "the claim is the sum of its components");
      }
      double eps =
          new RdpAccountant()
              .epsilon(
                  DpSgdParameters.of(p.samplingRate(), p.noiseMultiplier(), p.steps()), sgdDelta);
      assertEquals(p.epsilon(), eps + others, 1e-9, "recorded epsilon = accountant's + others");
      assertTrue(p.epsilon() <= target, "calibrated epsilon never above the target");
    }
    List<PlantedCanary> secrets = SecretsJson.read(bundle.secretsFile());
    // The card names the always-planted canaries and only the size of the one-run audit set,
    // whose canaries (with their inclusion bits) are in the secrets file.
    long auditSet = secrets.stream().filter(p -> p.included() != null).count();
    assertEquals(card.canaries().size(), secrets.size() - auditSet);
    assertEquals(
        card.canaryAuditSet() == null ? 0 : card.canaryAuditSet().count(),
        auditSet,
        "the card's audit-set size is the secrets file's");
    for (PlantedCanaryInfo c : card.canaries()) {
      assertTrue(
          secrets.stream()
              .anyMatch(
                  p ->
                      p.template().source().equals(c.template())
                          && p.repetitions() == c.repetitions()),
          "secret for " + c.id());
    }
  }

  /**
   * What must hold once the sample models are rebuilt by this trustml (skipped, with the reason,
   * while the committed bundles predate the membership design): the bundle holds only what ships; a
   * DP card carries no seed, data hash, wall time or metrics; the design is Bernoulli(1/2); the
   * vocabulary is the public word list; no canary copy is in the split files.
   */
  @ParameterizedTest
  @CsvSource({
    "sentiment,nodp", "sentiment,eps8", "sentiment,eps1",
    "spam,nodp", "spam,eps8", "spam,eps1"
  })
  void rebuiltSampleModelShipsNothingDerivedFromTheRows(String dataset, String variant)
      throws Exception {
    Path dir = SampleModelsDir.root().resolve(dataset).resolve(variant);
    ModelCard card = ModelBundle.open(dir).card();
    Assumptions.assumeTrue(
        card.training().design() != null,
        "the committed sample models predate the membership design; rebuild them with make"
            + " sample-models");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("model.pt", "trustml-model.json", "vocab.txt"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    TrainingRecipe t = card.training();
    assertEquals(new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5), t.design());
    assertEquals(TrainingRecipe.VOCABULARY_PUBLIC_WORD_LIST, t.vocabularySource());
    if (card.privacy() != null) {
      assertNull(t.seed(), "seed on a DP card");
      assertNull(t.datasetSha256(), "data hash on a DP card");
      assertNull(t.trainSeconds(), "wall time on a DP card");
      assertNull(card.metrics(), "row metrics on a DP card");
    }
    AuditKit kit = kit(dataset, variant);
    assertNotNull(kit, "kit-" + variant + ".json");
    assertEquals(t.design(), kit.design());
    List<PlantedCanary> secrets = SecretsJson.read(ModelBundle.open(dir).secretsFile());
    for (Path split : new Path[] {dir.resolve(t.membersFile()), dir.resolve(t.nonMembersFile())}) {
      try (LabeledCsvReader r = LabeledCsvReader.open(split, CsvColumns.DEFAULT)) {
        for (LabeledText row; (row = r.next()) != null; ) {
          for (PlantedCanary c : secrets) {
            assertFalse(
                row.text().equals(c.sentence()) && row.label().equals(c.label()),
                split + " holds a copy of canary " + c.id());
          }
        }
      }
    }
  }
}
