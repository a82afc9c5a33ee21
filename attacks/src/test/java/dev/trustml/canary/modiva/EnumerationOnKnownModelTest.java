package dev.trustml.canary.modiva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.audit.ModelCandidateScorer;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.EnumerationSearch;
import dev.trustml.canary.ExtractionResult;
import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.Secret;
import dev.trustml.model.Classifier;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.progress.Progress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box enumeration (through the plain-Java classifier) on a classifier whose weights make the
 * answer known ({@link PeakModel}: the loss is lowest exactly at the canary): rank 1, full
 * exposure, exact extraction.
 */
class EnumerationOnKnownModelTest {
  @Test
  void enumerationRanksThePeakFirst(@TempDir Path dir) throws Exception {
    String template = "my pin code is {digit} {digit} {digit} {digit}";
    long[] canary =
        Arrays.stream("my pin code is 4 8 2 1".split(" ")).mapToLong(PeakModel::id).toArray();
    TextClassifierWeights w = PeakModel.write(dir, canary, 42);
    try (Classifier m = ReferenceClassifier.open(dir, w, false)) {
      CanaryTemplate t = CanaryTemplate.parse(template);
      Secret secret = t.parseSecret("4 8 2 1");
      ExtractionResult r =
          new EnumerationSearch(new ModelCandidateScorer(m, PeakModel.CANARY_LABEL))
              .search(t, Optional.of(secret), ExtractionSettings.defaults(), Progress.NONE);
      assertEquals(10_000, r.candidatesScored());
      assertEquals(secret, r.top().secret(), "the known answer is the best guess");
      assertEquals(1, r.secret().orElseThrow().rank().getAsLong());
      double bits = r.secret().orElseThrow().exposure().orElseThrow().bits();
      assertEquals(Math.log(10_000) / Math.log(2), bits, 1e-9);
      assertTrue(r.secret().orElseThrow().exactExtraction());
    }
  }
}
