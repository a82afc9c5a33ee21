package dev.trustml.train;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.model.card.CanaryAuditSetInfo;
import dev.trustml.model.card.PlantedCanaryInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a training CSV split into planted canary copies and the pool the membership design
 * draws from. A row equal to an in-data canary's sentence with its label is a copy: every copy is
 * trained on (a canary split across members and non-members would measure neither), and none is
 * part of the design. A copy of a canary whose inclusion bit is false means the secrets file does
 * not describe this CSV: refused.
 *
 * @param pool the rows the membership design splits, in CSV order
 * @param isCopy for each CSV row (in order), whether it is a canary copy
 * @param copies how many rows are canary copies
 * @param planted the always-planted canaries with the copies actually found (for the card)
 * @param auditSet a summary of the one-run audit set (never its inclusion bits), or null
 * @param expectedCopies the number of copies expected before any inclusion coin: always-planted
 *     copies found, plus 1/2 of each audit-set canary's repetitions - so DP-SGD's sampling rate
 *     does not reveal how many audit-set canaries were included
 */
record CanaryRows(
    List<LabeledText> pool,
    boolean[] isCopy,
    int copies,
    List<PlantedCanaryInfo> planted,
    CanaryAuditSetInfo auditSet,
    double expectedCopies) {

  /** The inclusion probability of an audit-set canary (see {@link PlantedCanary#included()}). */
  static final double AUDIT_SET_INCLUSION = 0.5;

  /** Finds the copies of {@code canaries} among {@code rows} of {@code csv}. */
  static CanaryRows separate(Path csv, List<LabeledText> rows, List<PlantedCanary> canaries)
      throws BadInputException {
    Map<String, Integer> bySentence = new HashMap<>();
    for (int i = 0; i < canaries.size(); i++) {
      PlantedCanary c = canaries.get(i);
      Integer other = bySentence.put(key(c.sentence(), c.label()), i);
      if (other != null) {
        throw new BadInputException(
            "the secrets file holds canaries "
                + idOf(canaries, other)
                + " and "
                + idOf(canaries, i)
                + " with the same sentence and label; plant canaries with distinct secrets");
      }
    }
    int[] found = new int[canaries.size()];
    boolean[] isCopy = new boolean[rows.size()];
    List<LabeledText> pool = new ArrayList<>(rows.size());
    int copies = 0;
    for (int r = 0; r < rows.size(); r++) {
      LabeledText row = rows.get(r);
      Integer i = canaries.isEmpty() ? null : bySentence.get(key(row.text(), row.label()));
      if (i == null) {
        pool.add(row);
        continue;
      }
      PlantedCanary c = canaries.get(i);
      if (!c.inData()) {
        throw new BadInputException(
            csv
                + " row "
                + row.row()
                + " (line "
                + row.line()
                + ") holds audit-set canary "
                + idOf(canaries, i)
                + ", whose inclusion bit is false; the secrets file does not describe this CSV -"
                + " train on the CSV planted together with it");
      }
      found[i]++;
      isCopy[r] = true;
      copies++;
    }
    List<PlantedCanaryInfo> planted = new ArrayList<>();
    int auditSetSize = 0;
    double expected = 0;
    for (int i = 0; i < canaries.size(); i++) {
      PlantedCanary c = canaries.get(i);
      if (c.inData() && found[i] == 0) {
        throw new BadInputException(
            csv
                + ": canary "
                + idOf(canaries, i)
                + " (template '"
                + c.template().source()
                + "', label '"
                + c.label()
                + "') is planted according to the secrets file, but no row holds its sentence with"
                + " that label; train on the CSV planted together with the secrets file");
      }
      if (c.included() == null) {
        planted.add(
            new PlantedCanaryInfo(idOf(canaries, i), c.template().source(), c.label(), found[i]));
        expected += found[i];
      } else {
        auditSetSize++;
        expected += AUDIT_SET_INCLUSION * c.repetitions();
      }
    }
    CanaryAuditSetInfo auditSet =
        auditSetSize == 0 ? null : new CanaryAuditSetInfo(auditSetSize, AUDIT_SET_INCLUSION);
    return new CanaryRows(pool, isCopy, copies, planted, auditSet, expected);
  }

  /** The canary's id, or {@code canary-N} (its 1-based place in the secrets file). */
  static String idOf(List<PlantedCanary> canaries, int index) {
    String id = canaries.get(index).id();
    return id != null ? id : "canary-" + (index + 1);
  }

  private static String key(String text, String label) {
    return label.length() + ":" + label + "\u0000" + text;
  }
}
