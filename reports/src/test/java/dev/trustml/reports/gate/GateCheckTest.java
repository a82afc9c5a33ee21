package dev.trustml.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.ExitCode;
import dev.trustml.error.Setting;
import dev.trustml.error.UsageException;
import dev.trustml.reports.Fixtures;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Theoretical;
import dev.trustml.results.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gate checks on the hand-made results of {@link Fixtures}: lira-online has AUC 0.734, loss 0.58;
 * the claim is epsilon 1 and lira-online's lower bound 1.31; canary c1 (rank 1 of 10,000) has
 * exposure log2(10,000) = 13.29 bits, c2 (rank 1234) log2(10,000 / 1234) = 3.018 bits, c3 only an
 * extrapolated 7.5 bits.
 */
class GateCheckTest {
  private static final MembershipResult MEMBERSHIP = Fixtures.membership();

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "auc>0.7,      FAIL, lira-online",
    "auc>0.734,    PASS, lira-online",
    "auc>=0.734,   FAIL, lira-online",
    "auc<0.6,      FAIL, loss",
    "auc<0.58,     PASS, loss",
    "auc<=0.58,    FAIL, loss",
    "auc==0.58,    FAIL, loss",
    "auc==0.5,     PASS, lira-online",
    "auc!=0.58,    FAIL, lira-online",
    "auc!=0.734,   FAIL, loss",
    "advantage>=0.2, FAIL, lira-online",
    "advantage>0.4,  PASS, lira-online",
    "balanced_accuracy>0.7, PASS, lira-online",
    "epsilon_lb>1.3, FAIL, lira-online",
    "epsilon_lb>epsilon, FAIL, lira-online",
    "epsilon_estimate>1.5, FAIL, lira-online",
    "epsilon_estimate>0.1, FAIL, lira-online",
    "epsilon_estimate>2, PASS, lira-online",
    "verdict==suspect, PASS, sentiment-dp",
    "tpr@0.01>0.1, FAIL, lira-online",
    "tpr@0.1 < 0.2, FAIL, loss",
    "verdict==violated, FAIL, sentiment-dp",
    "verdict!=violated, PASS, sentiment-dp",
    "verdict==consistent, PASS, sentiment-dp",
    "epsilon>=1, FAIL, sentiment-dp",
    "epsilon>1, PASS, sentiment-dp",
  })
  void operatorsOnMembership(String check, GateOutcome.Status status, String subject)
      throws Exception {
    GateOutcome o = GateCheck.parse(check).evaluate(MEMBERSHIP);
    assertEquals(status, o.status(), o.line());
    assertEquals(subject, o.worst().subject(), o.line());
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "exposure>10,     FAIL, c1",
    "exposure>13.3,   PASS, c1",
    "exposure<4,      FAIL, c2",
    // c3 has no rank, so its extrapolated exposure stands in.
    "exposure==7.5,   FAIL, c3",
    "extracted==1,    FAIL, c1",
    "extracted>0,     FAIL, c1",
    "slot_accuracy>=0.5, FAIL, c1",
    "slot_accuracy<0.25, PASS, c2",
    "epsilon>8,       FAIL, canary-nodp",
    // c1: rank 1 of 10,000, 8 copies, 4 bounds share 5%: ln(0.0125 * 10^4) / 8 = 0.6035.
    "canary_epsilon_lb>0.6, FAIL, c1",
    "canary_epsilon_lb>0.61, PASS, c1",
    "verdict==no-claim, FAIL, canary-nodp",
    "verdict==violated, PASS, canary-nodp",
    // c3's extrapolated rank is its only estimate: 2^(29.9 - 7.5) of 10^9, 4 copies.
    "canary_epsilon_estimate>0.2, FAIL, c3",
    "canary_epsilon_estimate>0.21, PASS, c3",
  })
  void operatorsOnCanaries(String check, GateOutcome.Status status, String subject)
      throws Exception {
    GateOutcome o = GateCheck.parse(check).evaluate(Fixtures.canary());
    assertEquals(status, o.status(), o.line());
    assertEquals(subject, o.worst().subject(), o.line());
  }

  @Test
  void failingLineAndJunitMessage() throws Exception {
    GateOutcome o = GateCheck.parse("auc>0.6").evaluate(MEMBERSHIP);
    assertEquals("FAIL auc>0.6: lira-online auc = 0.734 (limit 0.6)", o.line());
    assertEquals("auc = 0.734 > 0.6 (lira-online)", o.message());
    assertEquals(1, o.failing());
    assertEquals(2, o.measured());
  }

  @Test
  void passingLineShowsTheWorstSubject() throws Exception {
    GateOutcome o = GateCheck.parse("auc > 0.75").evaluate(MEMBERSHIP);
    assertTrue(o.passed());
    assertEquals("PASS auc > 0.75: lira-online auc = 0.734 (limit 0.75)", o.line());
  }

  @Test
  void everyFailingSubjectIsCounted() throws Exception {
    GateOutcome o = GateCheck.parse("auc>0.5").evaluate(MEMBERSHIP);
    assertEquals(
        "FAIL auc>0.5: lira-online auc = 0.734 (limit 0.5); 2 of 2 attacks fail it", o.line());
  }

  @Test
  void metricOnTheRightIsTheClaimedEpsilon() throws Exception {
    GateCheck c = GateCheck.parse("epsilon_lb>epsilon");
    assertEquals(
        "FAIL epsilon_lb>epsilon: lira-online epsilon_lb = 1.31 (limit epsilon = 1)",
        c.evaluate(MEMBERSHIP).line());
    assertEquals("epsilon_lb = 1.31 > epsilon = 1 (lira-online)", c.evaluate(MEMBERSHIP).message());
    AuditResult looser = Fixtures.membership("m", new Theoretical(2.0, 1e-5, "rdp", "card"));
    GateOutcome pass = c.evaluate(looser);
    assertTrue(pass.passed(), pass.line());
    assertEquals(2.0, pass.limit().value());
  }

  @Test
  void suspectIsAVerdictTheGateCanName() throws Exception {
    // Claim 1.4: rigorous 1.31 below it, estimate 1.52 above: suspect.
    AuditResult suspect = Fixtures.membership("m", new Theoretical(1.4, 1e-5, "rdp", "card"));
    GateOutcome o = GateCheck.parse("verdict==suspect").evaluate(suspect);
    assertEquals("FAIL verdict==suspect: m verdict = suspect", o.line());
    assertTrue(GateCheck.parse("verdict==violated").evaluate(suspect).passed());
    assertTrue(GateCheck.parse("epsilon_lb>epsilon").evaluate(suspect).passed());
    assertFalse(GateCheck.parse("epsilon_estimate>epsilon").evaluate(suspect).passed());
  }

  @Test
  void epsilonLbReadsOnlyRigorousBounds() throws Exception {
    // An attack whose one-run bound is only an estimate (or absent) has no epsilon_lb.
    MembershipResult m = MEMBERSHIP;
    AttackResult lira = m.attacks().get(0);
    EpsilonLowerBound b = lira.epsilonLowerBound();
    AttackResult estimated =
        new AttackResult(
            lira.name(),
            lira.threatModel(),
            lira.paper(),
            lira.auc(),
            lira.advantage(),
            lira.balancedAccuracy(),
            lira.tprAtFpr(),
            new EpsilonLowerBound(
                b.value(),
                BoundRigor.ESTIMATE,
                b.confidence(),
                b.delta(),
                b.method(),
                b.rowsUsed(),
                b.oneRun()),
            lira.epsilonEstimate(),
            lira.intervals(),
            lira.roc(),
            lira.histogram());
    MembershipResult onlyEstimates =
        new MembershipResult(
            m.schemaVersion(),
            m.kind(),
            m.model(),
            m.theoretical(),
            m.verdict(),
            m.verdictReason(),
            m.verdictBasis(),
            m.members(),
            m.nonMembers(),
            m.referenceModels(),
            List.of(estimated),
            m.slices(),
            m.conventions(),
            m.provenance());
    GateOutcome o = GateCheck.parse("epsilon_lb>epsilon").evaluate(onlyEstimates);
    assertEquals(GateOutcome.Status.SKIP, o.status(), o.line());
    assertEquals(
        "SKIP epsilon_lb>epsilon: epsilon_lb could not be measured for any attack (lira-online)",
        o.line());
  }

  @Test
  void noClaimMeansInfiniteEpsilon() throws Exception {
    AuditResult plain = Fixtures.membership("plain", null);
    GateOutcome lb = GateCheck.parse("epsilon_lb>epsilon").evaluate(plain);
    assertTrue(lb.passed(), "a bound cannot refute a claim that was never made: " + lb.line());
    assertTrue(lb.line().endsWith("(limit epsilon = inf, no DP claim)"), lb.line());
    GateOutcome eps = GateCheck.parse("epsilon>8").evaluate(plain);
    assertFalse(eps.passed(), "a model without DP must not pass an epsilon ceiling");
    assertEquals("FAIL epsilon>8: plain epsilon = inf, no DP claim (limit 8)", eps.line());
  }

  @Test
  void unmeasuredSubjectsAreListedNotFailed() throws Exception {
    // loss has no TPR at FPR 0.001 (NaN, written as null).
    GateOutcome o = GateCheck.parse("tpr@0.001>0.01").evaluate(MEMBERSHIP);
    assertEquals(
        "FAIL tpr@0.001>0.01: lira-online tpr@0.001 = 0.034 (limit 0.01); not measured: loss",
        o.line());
    assertEquals(1, o.measured());
  }

  @Test
  void nothingMeasurableIsSkippedVisibly() throws Exception {
    MembershipResult m = MEMBERSHIP;
    MembershipResult onlyLoss =
        new MembershipResult(
            m.schemaVersion(),
            m.kind(),
            m.model(),
            m.theoretical(),
            m.verdict(),
            m.verdictReason(),
            m.verdictBasis(),
            m.members(),
            m.nonMembers(),
            m.referenceModels(),
            m.attacks().subList(1, 2),
            m.slices(),
            m.conventions(),
            m.provenance());
    GateOutcome o = GateCheck.parse("tpr@0.001>0.01").evaluate(onlyLoss);
    assertEquals(GateOutcome.Status.SKIP, o.status());
    assertTrue(o.passed());
    assertNull(o.worst());
    assertEquals(
        "SKIP tpr@0.001>0.01: tpr@0.001 could not be measured for any attack (loss)", o.line());
  }

  @Test
  void unmeasuredFprIsAClearError() throws Exception {
    UsageException e =
        assertThrows(
            UsageException.class, () -> GateCheck.parse("tpr@0.05>0.1").evaluate(MEMBERSHIP));
    String problem =
        " 'tpr@0.05>0.1': attack lira-online has no TPR at FPR 0.05 (measured: 0.1,"
            + " 0.01, 0.001); use a measured FPR or rerun the audit asking for FPR 0.05";
    // The library says "check"; the command line names its option.
    assertEquals("check" + problem, e.getMessage());
    assertEquals("--fail-if" + problem, e.message(s -> "--fail-if"));
    assertEquals(List.of(Setting.GATE_CHECK), e.message().settings());
  }

  @Test
  void fprIsMatchedByValueNotSpelling() throws Exception {
    assertFalse(GateCheck.parse("tpr@1e-3>0.01").evaluate(MEMBERSHIP).passed());
    assertFalse(GateCheck.parse("tpr@0.0010>0.01").evaluate(MEMBERSHIP).passed());
  }

  @Test
  void canaryBoundsAndTheAuditSetAgainstTheClaim() throws Exception {
    // Against a claim of 0.5, c1's rigorous bound 0.60 refutes it; the audit set is a subject too.
    CanaryResult claimed = Fixtures.canary(false, new Theoretical(0.5, 1e-5, "rdp", "model-card"));
    assertEquals(Verdict.VIOLATED, claimed.verdict());
    GateOutcome lb = GateCheck.parse("canary_epsilon_lb>epsilon").evaluate(claimed);
    assertEquals(GateOutcome.Status.FAIL, lb.status(), lb.line());
    assertEquals("c1", lb.worst().subject());
    GateOutcome v = GateCheck.parse("verdict==violated").evaluate(claimed);
    assertEquals(GateOutcome.Status.FAIL, v.status(), v.line());
    // Three canaries and the audit set (subject "audit-set") are measured.
    GateOutcome all = GateCheck.parse("canary_epsilon_lb>=0").evaluate(claimed);
    assertEquals(4, all.measured(), all.line());
    assertEquals(4, all.failing(), all.line());
  }

  @Test
  void metricOfTheOtherKindIsAnError() throws Exception {
    UsageException e =
        assertThrows(
            UsageException.class, () -> GateCheck.parse("exposure>10").evaluate(MEMBERSHIP));
    assertEquals(
        "check 'exposure>10': metric 'exposure' applies to [canary] results, but this is a"
            + " membership result",
        e.getMessage());
    assertThrows(
        UsageException.class, () -> GateCheck.parse("auc>0.6").evaluate(Fixtures.canary()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "acu>0.6        | unknown metric 'acu' (did you mean 'auc'?); known: auc, advantage,",
        "auc=0.6        | bad operator '='; use one of > >= < <= == !=",
        "auc=>0.6       | bad operator '=>'",
        "auc>>0.6       | bad operator '>>'",
        "auc 0.6        | no comparison operator; write METRIC OP LIMIT such as auc>0.6",
        "auc>0.6x       | '0.6x' is not a number",
        "auc>60%        | '60%' is not a number",
        "auc>NaN        | 'NaN' is neither a number nor a metric",
        "auc>           | nothing after '>'",
        ">0.6           | no metric before '>'",
        "tpr>0.1        | metric 'tpr' needs a false-positive rate: write tpr@0.001",
        "tpr@abc>0.1    | 'abc' after 'tpr@' is not a number",
        "tpr@2>0.1      | FPR 2 in 'tpr@2' must be between 0 and 1",
        "tpz@0.01>0.1   | unknown metric 'tpz@0.01' (did you mean 'tpr@FPR'?)",
        "epsilon_lb>auc | must be a number or a whole-model number such as epsilon",
        "verdict>violated | 'verdict' is compared with == or !=, not '>'",
        "verdict==broken  | 'broken' is not a verdict; use consistent, suspect, violated or no-claim",
      })
  void typosAreOneLineUsageErrors(String check, String fragment) {
    UsageException e = assertThrows(UsageException.class, () -> GateCheck.parse(check));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().startsWith("check '" + check + "': "), e.getMessage());
    assertTrue(e.message(s -> "--fail-if").startsWith("--fail-if '" + check + "': "));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void emptyCheck() {
    UsageException e = assertThrows(UsageException.class, () -> GateCheck.parse(" "));
    assertTrue(e.getMessage().contains("empty check"), e.getMessage());
  }

  @Test
  void closeValuesPrintDifferently() throws Exception {
    GateOutcome o = GateCheck.parse("auc>0.7339").evaluate(MEMBERSHIP);
    assertEquals("FAIL auc>0.7339: lira-online auc = 0.734 (limit 0.7339)", o.line());
    GateOutcome p = GateCheck.parse("auc>0.73399").evaluate(MEMBERSHIP);
    assertEquals("FAIL auc>0.73399: lira-online auc = 0.734 (limit 0.73399)", p.line());
    GateOutcome q = GateCheck.parse("auc>0.733999").evaluate(MEMBERSHIP);
    assertTrue(q.line().contains("auc = 0.734 (limit 0.733999)"), q.line());
  }
}
