package dev.trustml.audit;

import dev.trustml.canary.CanarySearch;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.CandidateScorer;
import dev.trustml.canary.ExtractionResult;
import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.Guess;
import dev.trustml.canary.Secret;
import dev.trustml.canary.SecretOutcome;
import dev.trustml.canary.modiva.Modiva;
import dev.trustml.canary.modiva.ModivaConfig;
import dev.trustml.canary.modiva.ModivaProblem;
import dev.trustml.canary.modiva.ModivaResult;
import dev.trustml.canary.modiva.TemplateProblem;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ModIvA, the white-box model inversion of Parikh, Dupuy &amp; Gupta (ACL 2022), as a {@link
 * CanarySearch}: the template becomes a {@link ModivaProblem} (token ids, one position per slot,
 * each slot's token ids), {@link Modiva} optimises it through the model's gradients, and its
 * reconstructions become the guesses. ModIvA measures no rank or exposure; with the secret known it
 * reports extraction, and the secret's loss (scored for the comparison, not counted among the
 * candidates ModIvA proposed and re-scored).
 */
public final class ModivaSearch implements CanarySearch {
  /** This search's name. */
  public static final String NAME = "modiva";

  private final Classifier model;
  private final int label;
  private final ModivaConfig config;
  private final CandidateScorer scorer;

  /**
   * @param model opened for white-box use, with {@link Classifier#whiteBox()} present
   * @param label the canary's label index
   * @param config ModIvA's settings, seeded
   */
  public ModivaSearch(Classifier model, int label, ModivaConfig config) {
    this.model = model;
    this.label = label;
    this.config = config;
    this.scorer = new ModelCandidateScorer(model, label);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** ModIvA's own settings (restarts, steps, top-k, seed) are the ones it was built with. */
  @Override
  public ExtractionResult search(
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException {
    ModivaResult r = Modiva.run(model, problem(model, template, label), config, progress);
    List<Guess> guesses = new ArrayList<>();
    for (ModivaResult.Reconstruction c : r.reconstructions()) {
      Secret s = Secret.of(c.symbols());
      guesses.add(new Guess(s, template.format(s), c.loss()));
    }
    Optional<SecretOutcome> outcome = Optional.empty();
    if (secret.isPresent()) {
      Secret truth = secret.get();
      Secret best = guesses.get(0).secret();
      outcome =
          Optional.of(
              new SecretOutcome(
                  truth,
                  template.format(truth),
                  lossOf(truth, template, guesses),
                  best.equals(truth),
                  (double) best.matchingSlots(truth) / truth.slotCount(),
                  OptionalLong.empty(),
                  Optional.empty()));
    }
    return ExtractionResult.of(
        NAME, template, guesses, outcome, r.candidatesScored(), r.wallTime().toNanos());
  }

  /** The secret's loss: from the guesses when it is one of them, else scored. */
  private double lossOf(Secret truth, CanaryTemplate template, List<Guess> guesses)
      throws TrustmlException {
    for (Guess g : guesses) {
      if (g.secret().equals(truth)) {
        return g.loss();
      }
    }
    return scorer.losses(List.of(template.render(truth)))[0];
  }

  /** The template as token ids with one position per slot, and each slot's token ids. */
  public static ModivaProblem problem(Classifier model, CanaryTemplate template, int label)
      throws BadInputException {
    return TemplateProblem.of(model.tokenizer(), model.card().maxLength(), template, label);
  }
}
