package dev.trustml.audit;

import dev.trustml.data.CsvColumns;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.VocabularyCoverage;
import dev.trustml.model.Classifier;
import dev.trustml.model.ModelBundle;
import dev.trustml.results.ModelRef;
import dev.trustml.scoring.Scorer;
import java.nio.file.Path;
import java.util.List;

/**
 * The audited model as the membership audit's collect stage sees it: the one place that asks it for
 * outputs on rows. Everything else in the audit works on the {@link ScoredRows} this returns.
 */
final class TargetScorer {
  private final Classifier target;
  private final Scorer scorer;

  TargetScorer(Classifier target) {
    this.target = target;
    this.scorer = new Scorer(target);
  }

  /** The model's labels, in output order. */
  List<String> labels() {
    return target.card().labels();
  }

  /** The bundle the model was loaded from. */
  ModelBundle bundle() {
    return target.bundle();
  }

  /** The model, its name and hash, and the claim on its card. */
  AuditSubject subject() throws TrustmlException {
    ModelBundle bundle = target.bundle();
    return new AuditSubject(
        new ModelRef(
            bundle.dir().toString(), bundle.displayName(), Hashing.sha256(bundle.modelFile())),
        AuditSubject.cardClaim(target.card().privacy()));
  }

  /**
   * A builder of how the model's vocabulary covers rows, or null when its tokenizer has no unknown
   * token.
   */
  VocabularyCoverage.Builder coverage() {
    return VocabularyCoverage.builder(target.tokenizer());
  }

  /**
   * Scores every row of {@code csv} into {@code rows}, all with the same membership, and adds each
   * text to {@code coverage} when it is not null.
   *
   * @return the rows read
   */
  long score(
      Path csv,
      CsvColumns columns,
      boolean member,
      ScoredRows rows,
      VocabularyCoverage.Builder coverage)
      throws TrustmlException {
    List<String> labels = labels();
    return scorer
        .score(
            csv,
            columns,
            e -> {
              rows.add(e, member, labels.get(e.label()));
              if (coverage != null) {
                coverage.add(e.text());
              }
            })
        .rows();
  }
}
