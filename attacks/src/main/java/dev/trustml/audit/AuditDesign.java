package dev.trustml.audit;

import dev.trustml.error.BadInputException;
import dev.trustml.io.Hashing;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The randomness behind the audited membership: what decided which rows were trained on. Only rows
 * included by independent fair coin flips support the rigorous one-run bound (Steinke, Nasr &amp;
 * Jagielski 2023); any other design yields estimates only.
 *
 * <p>The design is the model card's ({@code training.design}) when the audited members and
 * non-members are the card's own files ({@code training.members_file} and {@code non_members_file},
 * resolved against the bundle, or files with the same SHA-256); otherwise the rows were supplied by
 * the user and the design is unknown.
 *
 * @param source where the design comes from
 * @param recorded the card's design (null unless {@code source} is {@link Source#CARD})
 */
public record AuditDesign(Source source, MembershipDesign recorded) {
  /** Where the design comes from. */
  public enum Source {
    /** The audited files are the card's and the card records how they were chosen. */
    CARD,
    /** The audited files are the card's but the card predates recorded designs. */
    CARD_WITHOUT_DESIGN,
    /** The member and non-member files are not the card's. */
    USER_FILES
  }

  /** The design of an audit of {@code bundle} on these member and non-member files. */
  public static AuditDesign of(
      ModelBundle bundle, Path members, Path nonMembers, String membersSha, String nonMembersSha)
      throws BadInputException {
    TrainingRecipe t = bundle.card().training();
    if (t == null || t.membersFile() == null || t.nonMembersFile() == null) {
      return new AuditDesign(Source.USER_FILES, null);
    }
    boolean cardFiles =
        same(bundle.dir().resolve(t.membersFile()), members, membersSha)
            && same(bundle.dir().resolve(t.nonMembersFile()), nonMembers, nonMembersSha);
    if (!cardFiles) {
      return new AuditDesign(Source.USER_FILES, null);
    }
    return t.design() == null
        ? new AuditDesign(Source.CARD_WITHOUT_DESIGN, null)
        : new AuditDesign(Source.CARD, t.design());
  }

  /** Whether a one-run bound on these rows is rigorous: Bernoulli(1/2) membership on the card. */
  public boolean supportsRigorousBound() {
    return source == Source.CARD && recorded.supportsOneRunBound();
  }

  /** The design in words, for the verdict basis. */
  public String describe() {
    return switch (source) {
      case USER_FILES -> "unknown: members and non-members supplied by the user";
      case CARD_WITHOUT_DESIGN ->
          "not recorded: the model card names its member and non-member files but not how rows"
              + " were assigned to them (cards written before trustml recorded the design)";
      case CARD ->
          switch (recorded.kind()) {
            case BERNOULLI ->
                String.format(
                    Locale.ROOT,
                    "bernoulli(%s): each distinct row was made a member by an independent seeded"
                        + " coin flip, recorded on the model card",
                    probability());
            case STRATIFIED ->
                String.format(
                    Locale.ROOT,
                    "stratified: a fixed share (%s) of each label's rows trained on, chosen by a"
                        + " seeded shuffle, recorded on the model card",
                    probability());
          };
    };
  }

  /**
   * Why a bound on these rows is only an estimate, for a suspect verdict's reason; for the
   * Bernoulli(1/2) design, why the split-half figure is one.
   */
  public String whyEstimate() {
    return switch (source) {
      case USER_FILES ->
          "members and non-members were not chosen at random; distribution shift alone can produce"
              + " this";
      case CARD_WITHOUT_DESIGN ->
          "the model card does not record how members were chosen, so they cannot be taken as"
              + " chosen at random; distribution shift or dependence between rows alone can"
              + " produce this";
      case CARD ->
          switch (recorded.kind()) {
            case STRATIFIED ->
                "members were a fixed-size stratified split, not independent coin flips, so the"
                    + " rows are not independent trials and no rigorous bound applies";
            case BERNOULLI ->
                recorded.supportsOneRunBound()
                    ? "the split-half figure treats the rows of one model as independent trials,"
                        + " which they are not; the rigorous one-run bounds do not exceed the claim"
                    : "members were chosen by coin flips with probability "
                        + probability()
                        + ", but the one-run theorem needs probability 1/2";
          };
    };
  }

  private String probability() {
    return java.math.BigDecimal.valueOf(recorded.inclusionProbability())
        .stripTrailingZeros()
        .toPlainString();
  }

  private static boolean same(Path cardFile, Path audited, String auditedSha)
      throws BadInputException {
    if (!Files.isRegularFile(cardFile)) {
      return false;
    }
    try {
      if (Files.isSameFile(cardFile, audited)) {
        return true;
      }
    } catch (IOException e) {
      // Not comparable by path: compare contents below.
    }
    return Hashing.sha256(cardFile).equals(auditedSha);
  }
}
