package dev.trustml.audit;

import dev.trustml.error.BadInputException;
import dev.trustml.membership.AttackInput;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.membership.PopulationOutputs;
import dev.trustml.membership.ReferenceOutputs;
import dev.trustml.membership.VocabularyCoverage;
import dev.trustml.provenance.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the membership audit collected, and all its analysis may use: the output of the
 * collect stage ({@link MembershipCollector} for a model, {@link
 * dev.trustml.audit.outputs.PrecomputedOutputs} for output files) and the input of the pure analyse
 * stage ({@link MembershipAnalysis}). Which path collected it makes no difference to the attacks,
 * bounds, verdict and reports.
 *
 * @param subject the audited model and its recorded claim
 * @param design how the audited rows' membership was decided
 * @param rows the audit rows
 * @param target the audited model's outputs on them, in the same order
 * @param vocabulary how the model's vocabulary covers each audit row, or null when unknown
 * @param populationRows rows known to be outside the training data (never evaluated), or null
 * @param populationTarget the audited model's outputs on them, or null
 * @param references reference models on the same rows (possibly none)
 * @param sources the files read, by role, with their hashes (provenance)
 * @param started when collecting started
 */
public record MembershipAuditData(
    AuditSubject subject,
    AuditDesign design,
    AuditRows rows,
    ModelOutputs target,
    VocabularyCoverage vocabulary,
    AuditRows populationRows,
    ModelOutputs populationTarget,
    List<ReferenceModel> references,
    List<Provenance.DataRef> sources,
    Instant started) {

  public MembershipAuditData {
    references = List.copyOf(references);
    sources = List.copyOf(sources);
  }

  /**
   * Collected data, checked: every model scored the same rows in the same order.
   *
   * @throws BadInputException naming the model whose outputs do not fit
   */
  public static MembershipAuditData of(
      AuditSubject subject,
      AuditDesign design,
      AuditRows rows,
      ModelOutputs target,
      VocabularyCoverage vocabulary,
      AuditRows populationRows,
      ModelOutputs populationTarget,
      List<ReferenceModel> references,
      List<Provenance.DataRef> sources,
      Instant started)
      throws BadInputException {
    MembershipAuditData data =
        new MembershipAuditData(
            subject,
            design,
            rows,
            target,
            vocabulary,
            populationRows,
            populationTarget,
            references,
            sources,
            started);
    data.check();
    return data;
  }

  /** What the attacks read; {@code seed} seeds their random choices. */
  public AttackInput attackInput(long seed) throws BadInputException {
    check();
    return AttackInput.of(target, referenceOutputs(), populationOutputs(), seed, vocabulary);
  }

  /** Whether population rows were given. */
  public boolean hasPopulation() {
    return populationTarget != null;
  }

  private void check() throws BadInputException {
    if (rows.size() != target.numRows()) {
      throw new BadInputException(
          target.source()
              + ": has outputs for "
              + target.numRows()
              + " rows but the audit has "
              + rows.size());
    }
    if ((populationRows == null) != (populationTarget == null)
        || (populationRows != null && populationRows.size() != populationTarget.numRows())) {
      throw new BadInputException(
          "population: the rows and the audited model's outputs on them do not match");
    }
    for (ReferenceModel r : references) {
      if ((r.population() == null) != (populationTarget == null)) {
        throw new BadInputException(
            r.name()
                + ": "
                + (populationTarget == null
                    ? "has population outputs but the audit has no population rows"
                    : "has no outputs on the population rows; score them with it as well"));
      }
    }
    AttackInput.of(target, referenceOutputs(), populationOutputs(), 0, vocabulary);
  }

  private ReferenceOutputs referenceOutputs() throws BadInputException {
    if (references.isEmpty()) {
      return null;
    }
    List<ModelOutputs> outputs = new ArrayList<>();
    boolean[][] in = new boolean[references.size()][];
    for (int j = 0; j < references.size(); j++) {
      outputs.add(references.get(j).audit());
      in[j] = references.get(j).auditIn();
    }
    return ReferenceOutputs.of(outputs, in);
  }

  private PopulationOutputs populationOutputs() throws BadInputException {
    if (populationTarget == null) {
      return null;
    }
    if (references.isEmpty()) {
      return PopulationOutputs.of(populationTarget, List.of());
    }
    List<ModelOutputs> outputs = new ArrayList<>();
    boolean[][] in = new boolean[references.size()][];
    for (int j = 0; j < references.size(); j++) {
      outputs.add(references.get(j).population());
      in[j] = references.get(j).populationIn();
    }
    return PopulationOutputs.of(populationTarget, outputs, in);
  }
}
