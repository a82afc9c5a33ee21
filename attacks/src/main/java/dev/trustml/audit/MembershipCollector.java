package dev.trustml.audit;

import dev.trustml.audit.shadow.ReferencePlanFile;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.membership.VocabularyCoverage;
import dev.trustml.model.Classifier;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The membership audit's collect stage for a model: reads the member, non-member and population
 * files, scores them with the target, obtains the reference models, hashes the files and works out
 * the membership design. All the audit's I/O happens here; what it returns is everything the
 * analysis needs.
 */
public final class MembershipCollector {
  private MembershipCollector() {}

  /**
   * Collects the data for an audit of {@code target}.
   *
   * @throws TrustmlException for unreadable or inconsistent files, unknown attack names (checked
   *     before any scoring) or reference models that cannot be obtained
   */
  public static MembershipAuditData collect(
      Classifier target, MembershipAuditRequest request, Progress progress)
      throws TrustmlException {
    Instant started = Instant.now();
    MembershipAnalysisSettings settings = request.analysis();
    AttackSelection selection = AttackSelection.of(settings);
    boolean keepTexts = request.keepTexts() || request.hasReferenceModels();
    TargetScorer scorer = new TargetScorer(target);
    List<String> labels = scorer.labels();

    // The audit rows, streamed from both files, and the vocabulary's coverage of them.
    ScoredRows scored = new ScoredRows(labels.size(), keepTexts);
    VocabularyCoverage.Builder coverage = selection.mayNeedVocabulary() ? scorer.coverage() : null;
    long members = scorer.score(request.members(), request.columns(), true, scored, coverage);
    long nonMembers =
        scorer.score(request.nonMembers(), request.columns(), false, scored, coverage);
    AuditRows rows = scored.rows(labels);
    requireDisjoint(request, rows);
    ModelOutputs targetOutputs =
        ModelOutputs.of("target", labels.size(), rows.labels(), scored.logits());

    ScoredRows population =
        request.population() == null
            ? null
            : PopulationRows.score(
                scorer, request.population(), request.columns(), keepTexts, rows);
    AuditRows populationRows = population == null ? null : population.rows(labels);

    String membersSha = Hashing.sha256(request.members());
    String nonMembersSha = Hashing.sha256(request.nonMembers());
    AuditDesign design =
        AuditDesign.of(
            scorer.bundle(), request.members(), request.nonMembers(), membersSha, nonMembersSha);
    // Fixed one-run guess counts must fit the rows: a usage error, found before references train.
    EpsilonBounds.requireGuessesFit(settings.oneRun(), rows.keys());

    List<ReferenceModel> references = new ArrayList<>();
    List<Provenance.DataRef> referenceFiles = new ArrayList<>();
    for (ReferenceSource source : referenceSources(target, request)) {
      references.addAll(source.models(rows, populationRows, progress));
      referenceFiles.addAll(source.files());
    }

    List<Provenance.DataRef> sources = new ArrayList<>();
    sources.add(
        new Provenance.DataRef("members", request.members().toString(), membersSha, members));
    sources.add(
        new Provenance.DataRef(
            "non-members", request.nonMembers().toString(), nonMembersSha, nonMembers));
    if (population != null) {
      sources.add(
          new Provenance.DataRef(
              "population",
              request.population().toString(),
              Hashing.sha256(request.population()),
              population.size()));
    }
    sources.addAll(referenceFiles);
    return MembershipAuditData.of(
        scorer.subject(),
        design,
        rows,
        targetOutputs,
        coverage == null ? null : coverage.build(),
        populationRows,
        population == null
            ? null
            : ModelOutputs.of(
                "target (population)", labels.size(), populationRows.labels(), population.logits()),
        references,
        sources,
        started);
  }

  /**
   * Reference models trained for the audit first, then the given bundles and plans, then any other
   * source.
   */
  private static List<ReferenceSource> referenceSources(
      Classifier target, MembershipAuditRequest request) {
    List<ReferenceSource> sources = new ArrayList<>();
    if (request.shadows() != null) {
      sources.add(new TrainedReferences(target, request.shadows()));
    }
    for (Path dir : request.references()) {
      // A directory is a reference bundle, or the plan of models the user trained elsewhere.
      sources.add(
          ReferencePlanFile.isPlan(dir)
              ? new PlannedReferences(
                  target,
                  dir,
                  request.shadows() != null
                      ? request.shadows().threads()
                      : Runtime.getRuntime().availableProcessors())
              : new GivenReference(target, dir, request.columns()));
    }
    sources.addAll(request.otherReferences());
    return sources;
  }

  private static void requireDisjoint(MembershipAuditRequest request, AuditRows rows)
      throws BadInputException {
    long overlap = rows.overlapCount();
    if (overlap > 0) {
      throw new BadInputException(
          request.members()
              + " and "
              + request.nonMembers()
              + " share "
              + overlap
              + " row(s) with the same text and label; a row cannot be both a member and a"
              + " non-member: remove them from one file");
    }
  }
}
