package dev.trustml.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.io.Hashing;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditDesignTest {
  @TempDir Path dir;

  private ModelBundle bundle(MembershipDesign design) throws Exception {
    Files.writeString(dir.resolve("members.csv"), "text,label\na,x\n");
    Files.writeString(dir.resolve("nonmembers.csv"), "text,label\nb,y\n");
    TrainingRecipe recipe =
        new TrainingRecipe(
            "adam",
            0.02,
            1,
            8,
            1,
            0L,
            "d.csv",
            null,
            "text",
            "label",
            0.5,
            "members.csv",
            "nonmembers.csv",
            3,
            null,
            design);
    ModelCard card =
        new ModelCard(
            1, "m", null, null, List.of("x", "y"), 8, 0, null, null, recipe, null, null, null);
    return new ModelBundle(dir, card);
  }

  private AuditDesign of(ModelBundle b, Path members, Path nonMembers) throws Exception {
    return AuditDesign.of(
        b, members, nonMembers, Hashing.sha256(members), Hashing.sha256(nonMembers));
  }

  @Test
  void cardFilesUnderBernoulliHalfSupportARigorousBound() throws Exception {
    ModelBundle b = bundle(new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5));
    AuditDesign d = of(b, dir.resolve("members.csv"), dir.resolve("nonmembers.csv"));
    assertEquals(AuditDesign.Source.CARD, d.source());
    assertTrue(d.supportsRigorousBound());
    assertTrue(d.describe().startsWith("bernoulli(0.5): "), d.describe());
    // A byte-identical copy elsewhere is still the card's file.
    Path copy = Files.copy(dir.resolve("members.csv"), dir.resolve("copy.csv"));
    assertTrue(of(b, copy, dir.resolve("nonmembers.csv")).supportsRigorousBound());
  }

  @Test
  void otherFilesAreUnknownAndSayDistributionShift() throws Exception {
    ModelBundle b = bundle(new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5));
    Path other = Files.writeString(dir.resolve("other.csv"), "text,label\nc,x\n");
    AuditDesign d = of(b, other, dir.resolve("nonmembers.csv"));
    assertEquals(AuditDesign.Source.USER_FILES, d.source());
    assertFalse(d.supportsRigorousBound());
    assertTrue(d.describe().startsWith("unknown: "), d.describe());
    assertEquals(
        "members and non-members were not chosen at random; distribution shift alone can produce"
            + " this",
        d.whyEstimate());
  }

  @Test
  void otherDesignsAreEstimatesWithTheirReason() throws Exception {
    Path m = dir.resolve("members.csv");
    Path n = dir.resolve("nonmembers.csv");
    AuditDesign none = of(bundle(null), m, n);
    assertEquals(AuditDesign.Source.CARD_WITHOUT_DESIGN, none.source());
    assertFalse(none.supportsRigorousBound());
    assertTrue(none.whyEstimate().contains("does not record how members were chosen"));
    AuditDesign stratified =
        of(bundle(new MembershipDesign(MembershipDesign.Kind.STRATIFIED, 0.5)), m, n);
    assertFalse(stratified.supportsRigorousBound());
    assertTrue(stratified.whyEstimate().contains("fixed-size stratified split"));
    assertTrue(stratified.describe().startsWith("stratified: "));
    AuditDesign biased =
        of(bundle(new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.3)), m, n);
    assertFalse(biased.supportsRigorousBound());
    assertTrue(biased.whyEstimate().contains("probability 0.3"), biased.whyEstimate());
  }
}
