package dev.trustml.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trustml.model.card.CardMetrics;
import dev.trustml.model.card.MembershipDesign;

/**
 * The audit kit's {@value #FILE_NAME}: what {@code trustml train} knows about the training rows and
 * keeps out of the bundle - the seed, the data's hash, the realised split and the figures computed
 * on members and non-members. With the seed and the other rows, training can be replayed bit for
 * bit; with the hash, one row's membership can be tested. The kit belongs to the auditor and must
 * never ship with the model.
 *
 * @param warning a reminder, in the file itself, of what the kit is
 * @param model the model's name
 * @param bundle the bundle directory, relative to the kit
 * @param seed the seed of every random choice of the run
 * @param dataset the training CSV's file name
 * @param datasetSha256 its SHA-256
 * @param design how rows were assigned to members and non-members
 * @param membersFile the member rows (canary copies excluded), relative to the kit
 * @param nonMembersFile the held-out rows, relative to the kit
 * @param secretsFile the copy of the canary secrets file, relative to the kit, or null
 * @param poolRows rows of the CSV the design split (canary copies excluded)
 * @param canaryRows canary copies trained on
 * @param metrics accuracy on the training rows (members and canary copies) and the held-out rows,
 *     and their counts
 * @param trainSeconds wall time of the training loop
 */
public record AuditKit(
    String warning,
    String model,
    String bundle,
    long seed,
    String dataset,
    String datasetSha256,
    MembershipDesign design,
    String membersFile,
    String nonMembersFile,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secretsFile,
    int poolRows,
    int canaryRows,
    CardMetrics metrics,
    double trainSeconds) {

  /** The kit's description file. */
  public static final String FILE_NAME = "kit.json";

  /** What {@link #warning()} says. */
  public static final String WARNING =
      "audit kit: derived from the training rows (membership, seed, data hash, metrics); keep it"
          + " with the auditor and never ship it with the model";
}
