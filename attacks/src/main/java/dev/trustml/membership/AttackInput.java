package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import java.util.Objects;

/**
 * Everything an attack may use: the target model's outputs on the {@code n} audit rows, optional
 * reference-model outputs on the same rows, optional population (known non-member) outputs, how the
 * bundle's vocabulary covers the rows, and the seed for any random choice an attack makes (e.g. the
 * cross-fitting folds, RMIA subsampling its population). Never the rows' membership: scores that
 * enter a rigorous bound must not depend on it.
 *
 * <p>Attacks check {@link #checkConsistent()} before scoring, so an input built with the canonical
 * constructor is still validated; {@link #of} validates up front.
 *
 * @param target the audited model's outputs (required)
 * @param references reference models on the audit rows, or {@code null}
 * @param population target and reference outputs on population rows, or {@code null}
 * @param seed seed for the attacks' random choices; same input and seed give identical scores
 * @param vocabulary how the bundle's vocabulary covers each audit row, or {@code null}
 */
public record AttackInput(
    ModelOutputs target,
    ReferenceOutputs references,
    PopulationOutputs population,
    long seed,
    VocabularyCoverage vocabulary) {

  public AttackInput {
    Objects.requireNonNull(target, "target");
  }

  /** An input without vocabulary coverage. */
  public AttackInput(
      ModelOutputs target, ReferenceOutputs references, PopulationOutputs population, long seed) {
    this(target, references, population, seed, null);
  }

  /** Builds an input and checks that its parts describe the same rows and classes. */
  public static AttackInput of(
      ModelOutputs target, ReferenceOutputs references, PopulationOutputs population, long seed)
      throws BadInputException {
    return of(target, references, population, seed, null);
  }

  /** Builds an input with vocabulary coverage and checks its parts describe the same rows. */
  public static AttackInput of(
      ModelOutputs target,
      ReferenceOutputs references,
      PopulationOutputs population,
      long seed,
      VocabularyCoverage vocabulary)
      throws BadInputException {
    AttackInput input = new AttackInput(target, references, population, seed, vocabulary);
    input.checkConsistent();
    return input;
  }

  /** An input with only the target's outputs (enough for the threshold attacks). */
  public static AttackInput targetOnly(ModelOutputs target, long seed) {
    return new AttackInput(target, null, null, seed);
  }

  /** Number of audit rows (the length of every score array). */
  public int numRows() {
    return target.numRows();
  }

  public boolean hasReferences() {
    return references != null;
  }

  public boolean hasPopulation() {
    return population != null;
  }

  /**
   * Checks that reference outputs score the target's audit rows (same count, classes and labels)
   * and that population outputs have the target's classes and, when given, one set of outputs per
   * reference model.
   */
  public void checkConsistent() throws BadInputException {
    if (vocabulary != null && vocabulary.numRows() != target.numRows()) {
      throw new BadInputException(
          "vocabulary coverage: has "
              + vocabulary.numRows()
              + " rows but "
              + target.source()
              + " has "
              + target.numRows()
              + "; compute it on the audit rows in the same order");
    }
    if (references != null) {
      ModelOutputs ref = references.model(0);
      if (ref.numRows() != target.numRows() || ref.numClasses() != target.numClasses()) {
        throw new BadInputException(
            ref.source()
                + ": has "
                + ref.numRows()
                + " rows x "
                + ref.numClasses()
                + " classes but "
                + target.source()
                + " has "
                + target.numRows()
                + " x "
                + target.numClasses()
                + "; reference models must score the target's audit rows");
      }
      int mismatch = ref.firstLabelMismatch(target);
      if (mismatch >= 0) {
        throw new BadInputException(
            ref.source()
                + ": row "
                + mismatch
                + " has a different label than in "
                + target.source()
                + "; reference models must score the audit rows in the target's order");
      }
    }
    if (population != null) {
      ModelOutputs popTarget = population.target();
      if (popTarget.numClasses() != target.numClasses()) {
        throw new BadInputException(
            popTarget.source()
                + ": has "
                + popTarget.numClasses()
                + " classes but "
                + target.source()
                + " has "
                + target.numClasses()
                + "; population rows must be scored by the same model");
      }
      int popRefs = population.references().size();
      int refs = references == null ? 0 : references.numModels();
      if (popRefs != 0 && popRefs != refs) {
        throw new BadInputException(
            "population outputs: have outputs of "
                + popRefs
                + " reference models but "
                + refs
                + " reference models scored the audit rows; give each reference model's"
                + " population outputs, in the same order");
      }
    }
  }
}
