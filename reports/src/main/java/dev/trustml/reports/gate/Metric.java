package dev.trustml.reports.gate;

import dev.trustml.reports.schema.ResultKind;
import dev.trustml.reports.text.Numbers;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.FprKey;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.TprAtFpr;
import dev.trustml.results.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The registry of figures a gate check can name. Each metric knows which result kind it applies to,
 * what it measures per subject (attack, canary or the model), and how to read it from a result.
 */
public enum Metric {
  AUC(
      "auc",
      "area under the ROC curve of each attack (0.5 = chance)",
      Scope.ATTACK,
      perAttack(AttackResult::auc)),
  ADVANTAGE(
      "advantage",
      "membership advantage of each attack: max over thresholds of TPR - FPR (Yeom et al. 2018)",
      Scope.ATTACK,
      perAttack(AttackResult::advantage)),
  BALANCED_ACCURACY(
      "balanced_accuracy",
      "best balanced accuracy (TPR + TNR) / 2 of each attack",
      Scope.ATTACK,
      perAttack(AttackResult::balancedAccuracy)),
  TPR_AT(
      "tpr@",
      "TPR of each attack at a false-positive rate the audit measured, e.g. tpr@0.001",
      Scope.ATTACK,
      Metric::tprAt),
  EPSILON_LB(
      "epsilon_lb",
      "rigorous lower bound on epsilon from each attack (one-run, Steinke et al. 2023); not"
          + " measured when the audit's membership design allows none",
      Scope.ATTACK,
      perAttack(a -> a.rigorousBound() == null ? Double.NaN : a.rigorousBound())),
  EPSILON_ESTIMATE(
      "epsilon_estimate",
      "estimated lower bound on epsilon from each attack (split-half Clopper-Pearson); evidence,"
          + " not proof",
      Scope.ATTACK,
      perAttack(a -> a.epsilonEstimate() == null ? Double.NaN : a.epsilonEstimate().value())),
  EPSILON(
      "epsilon",
      "the epsilon the model claims (infinite when it claims no differential privacy)",
      Scope.MODEL,
      Metric::claimedEpsilon),
  VERDICT(
      "verdict",
      "the verdict against the claim: consistent, suspect, violated or no-claim",
      Scope.MODEL,
      EnumSet.of(ResultKind.MEMBERSHIP, ResultKind.CANARY),
      Metric::verdict),
  EXPOSURE(
      "exposure",
      "exposure in bits of each canary (the extrapolated exposure when the rank is unknown)",
      Scope.CANARY,
      perCanary(
          f ->
              f.exposureBits() != null
                  ? f.exposureBits()
                  : f.extrapolatedExposureBits() != null
                      ? f.extrapolatedExposureBits()
                      : Double.NaN)),
  EXTRACTED(
      "extracted",
      "1 when a canary's best guess is its secret, else 0",
      Scope.CANARY,
      perCanary(f -> f.extracted() == null ? Double.NaN : f.extracted() ? 1 : 0)),
  SLOT_ACCURACY(
      "slot_accuracy",
      "share of a canary's secret slots the best guess got right",
      Scope.CANARY,
      perCanary(f -> f.slotAccuracy() == null ? Double.NaN : f.slotAccuracy())),
  CANARY_EPSILON_LB(
      "canary_epsilon_lb",
      "rigorous lower bound on epsilon from each canary's rank test and from the one-run audit"
          + " set (subject audit-set); not measured for a canary with only an estimate",
      Scope.CANARY,
      Metric::canaryEpsilonLb),
  CANARY_EPSILON_ESTIMATE(
      "canary_epsilon_estimate",
      "estimated lower bound on epsilon from each canary's rank test (extrapolated rank, or a"
          + " secret trustml did not draw); evidence, not proof",
      Scope.CANARY,
      perCanary(
          f -> {
            Double v = f.largestBound(BoundRigor.ESTIMATE);
            return v == null ? Double.NaN : v;
          }));

  /** What a metric measures one value for. */
  public enum Scope {
    /** One value per membership attack. */
    ATTACK("attack", EnumSet.of(ResultKind.MEMBERSHIP)),
    /** One value per canary. */
    CANARY("canary", EnumSet.of(ResultKind.CANARY)),
    /** One value for the whole result (of the kinds the metric names). */
    MODEL("model", EnumSet.of(ResultKind.MEMBERSHIP, ResultKind.CANARY));

    private final String noun;
    private final Set<ResultKind> kinds;

    Scope(String noun, Set<ResultKind> kinds) {
      this.noun = noun;
      this.kinds = kinds;
    }

    /** {@code attack}, {@code canary} or {@code model}. */
    public String noun() {
      return noun;
    }

    /** {@code attacks}, {@code canaries} or {@code models}. */
    public String plural() {
      return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }
  }

  /** Reads a metric's measurements from a result of a kind it applies to. */
  @FunctionalInterface
  interface Extractor {
    List<Measurement> measure(AuditResult result, double parameter) throws MetricException;
  }

  /** A result does not hold what a check asks for (e.g. an FPR the audit did not measure). */
  static final class MetricException extends Exception {
    private static final long serialVersionUID = 1L;

    MetricException(String message) {
      super(message);
    }
  }

  private final String token;
  private final String description;
  private final Scope scope;
  private final Set<ResultKind> kinds;
  private final Extractor extractor;

  Metric(String token, String description, Scope scope, Extractor extractor) {
    this(token, description, scope, scope.kinds, extractor);
  }

  Metric(
      String token, String description, Scope scope, Set<ResultKind> kinds, Extractor extractor) {
    this.token = token;
    this.description = description;
    this.scope = scope;
    this.kinds = kinds;
    this.extractor = extractor;
  }

  /** How the metric is written in a check: {@code auc}; {@code tpr@} takes the FPR after it. */
  public String token() {
    return token;
  }

  /** One line for help texts. */
  public String description() {
    return description;
  }

  /** What the metric measures one value for. */
  public Scope scope() {
    return scope;
  }

  /** The result kinds the metric applies to. */
  public Set<ResultKind> kinds() {
    return kinds;
  }

  /** Whether the metric takes a parameter after its token ({@code tpr@0.001}). */
  public boolean parameterised() {
    return token.endsWith("@");
  }

  /** Whether values are categories compared with {@code ==}/{@code !=} (the verdict). */
  public boolean categorical() {
    return this == VERDICT;
  }

  /** The metric's values, one per subject. The result must be of a kind the metric applies to. */
  List<Measurement> measure(AuditResult result, double parameter) throws MetricException {
    return extractor.measure(result, parameter);
  }

  /** A value as readers expect it: a verdict by name, numbers to four significant digits. */
  public String format(double value) {
    if (categorical() && !Double.isNaN(value)) {
      return Verdict.values()[(int) value].jsonName();
    }
    return Numbers.format(value);
  }

  /** The category value of a name ({@code violated}) for a categorical metric. */
  Optional<Double> category(String name) {
    if (!categorical()) {
      return Optional.empty();
    }
    return Arrays.stream(Verdict.values())
        .filter(v -> v.jsonName().equals(name))
        .map(v -> (double) v.ordinal())
        .findFirst();
  }

  /** The category names, for messages: {@code consistent, violated or no-claim}. */
  String categories() {
    List<String> names = Arrays.stream(Verdict.values()).map(Verdict::jsonName).toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /** Every metric's token, for messages: {@code auc, advantage, ..., tpr@FPR, ...}. */
  public static String known() {
    return Arrays.stream(values())
        .map(m -> m.parameterised() ? m.token + "FPR" : m.token)
        .collect(Collectors.joining(", "));
  }

  /** The metric whose token is exactly {@code name} (parameterised ones end in {@code @}). */
  static Optional<Metric> byToken(String name) {
    return Arrays.stream(values()).filter(m -> m.token.equals(name)).findFirst();
  }

  private static Extractor perAttack(ToDoubleFunction<AttackResult> f) {
    return (result, parameter) -> {
      List<Measurement> out = new ArrayList<>();
      for (AttackResult a : ((MembershipResult) result).attacks()) {
        out.add(new Measurement(a.name(), f.applyAsDouble(a)));
      }
      return out;
    };
  }

  private static Extractor perCanary(ToDoubleFunction<CanaryFinding> f) {
    return (result, parameter) -> {
      List<Measurement> out = new ArrayList<>();
      for (CanaryFinding c : ((CanaryResult) result).canaries()) {
        out.add(new Measurement(c.id(), f.applyAsDouble(c)));
      }
      return out;
    };
  }

  private static List<Measurement> tprAt(AuditResult result, double fpr) throws MetricException {
    String key = FprKey.of(fpr);
    List<Measurement> out = new ArrayList<>();
    for (AttackResult a : ((MembershipResult) result).attacks()) {
      TprAtFpr.Point hit = null;
      for (TprAtFpr.Point p : a.tprAtFpr().points()) {
        if (FprKey.of(p.fpr()).equals(key)) {
          hit = p;
        }
      }
      if (hit == null) {
        throw new MetricException(
            "attack "
                + a.name()
                + " has no TPR at FPR "
                + key
                + " (measured: "
                + a.tprAtFpr().points().stream()
                    .map(p -> FprKey.of(p.fpr()))
                    .collect(Collectors.joining(", "))
                + "); use a measured FPR or rerun the audit asking for FPR "
                + key);
      }
      out.add(new Measurement(a.name(), hit.tpr()));
    }
    return out;
  }

  private static List<Measurement> claimedEpsilon(AuditResult result, double unused) {
    String model = subjectOf(result);
    if (result.theoretical() == null) {
      // No claim promises no protection, i.e. epsilon = infinity: then "epsilon>8" fails the gate
      // for a model trained without DP, and "epsilon_lb>epsilon" (a refuted claim) never can.
      return List.of(new Measurement(model, Double.POSITIVE_INFINITY, "no DP claim"));
    }
    return List.of(new Measurement(model, result.theoretical().epsilon()));
  }

  private static List<Measurement> canaryEpsilonLb(AuditResult result, double unused) {
    CanaryResult c = (CanaryResult) result;
    List<Measurement> out = new ArrayList<>();
    for (CanaryFinding f : c.canaries()) {
      Double largest = f.largestBound(BoundRigor.RIGOROUS);
      out.add(new Measurement(f.id(), largest == null ? Double.NaN : largest));
    }
    if (c.auditSet() != null && c.auditSet().rigor() == BoundRigor.RIGOROUS) {
      out.add(new Measurement(AUDIT_SET_SUBJECT, c.auditSet().value()));
    }
    return out;
  }

  /** The subject name of the one-run audit set's bound. */
  public static final String AUDIT_SET_SUBJECT = "audit-set";

  private static List<Measurement> verdict(AuditResult result, double unused) {
    Verdict v =
        result instanceof MembershipResult m ? m.verdict() : ((CanaryResult) result).verdict();
    return List.of(new Measurement(subjectOf(result), v == null ? Double.NaN : v.ordinal()));
  }

  private static String subjectOf(AuditResult result) {
    return result.model().name() != null ? result.model().name() : result.model().path();
  }
}
