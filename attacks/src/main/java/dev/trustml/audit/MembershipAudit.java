package dev.trustml.audit;

import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.progress.Progress;

/**
 * {@code trustml audit membership} of a model as one library call: the collect stage ({@link
 * MembershipCollector}: files, the target's outputs, reference models, hashes, design) and then the
 * analyse stage ({@link MembershipAnalysis}: attacks, metrics, bounds, verdict). Audits of
 * precomputed outputs collect with {@link dev.trustml.audit.outputs.PrecomputedOutputs} instead and
 * analyse the same way.
 */
public final class MembershipAudit {
  private MembershipAudit() {}

  /** Runs the audit of {@code target}. */
  public static MembershipAuditOutcome run(
      Classifier target, MembershipAuditRequest request, Progress progress)
      throws TrustmlException {
    return MembershipAnalysis.analyse(
        MembershipCollector.collect(target, request, progress), request.analysis(), progress);
  }
}
