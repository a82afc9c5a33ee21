package dev.trustml.samples.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What preparing one dataset did: rows read, dropped and written, per class and per source group.
 *
 * @param csvFile the CSV file name written (e.g. {@code spam.csv})
 * @param read rows read from the source, per class
 * @param droppedEmpty rows dropped because their text was empty, per class
 * @param droppedDuplicates rows dropped as exact duplicates of an earlier text, per class
 * @param duplicatesWithOtherLabel dropped duplicates whose kept twin has another label
 * @param written rows written, per class
 * @param writtenPerGroup rows written, per source group
 */
public record DatasetReport(
    String csvFile,
    List<Count> read,
    List<Count> droppedEmpty,
    List<Count> droppedDuplicates,
    int duplicatesWithOtherLabel,
    List<Count> written,
    List<Count> writtenPerGroup) {

  /** A number of rows for one class or group. */
  public record Count(String name, int rows) {}

  /** Copies the lists so the record stays immutable. */
  public DatasetReport {
    read = List.copyOf(read);
    droppedEmpty = List.copyOf(droppedEmpty);
    droppedDuplicates = List.copyOf(droppedDuplicates);
    written = List.copyOf(written);
    writtenPerGroup = List.copyOf(writtenPerGroup);
  }

  /** Summarises reading {@code read} and cleaning it into {@code cleaned}. */
  public static DatasetReport of(String csvFile, List<CorpusRow> read, CleanedRows cleaned) {
    return new DatasetReport(
        csvFile,
        countBy(read, CorpusRow::label),
        countBy(cleaned.droppedEmpty(), CorpusRow::label),
        countBy(cleaned.droppedDuplicates(), CorpusRow::label),
        cleaned.duplicatesWithOtherLabel(),
        countBy(cleaned.kept(), CorpusRow::label),
        countBy(cleaned.kept(), CorpusRow::group));
  }

  /** The sum of a list of counts. */
  public static int total(List<Count> counts) {
    return counts.stream().mapToInt(Count::rows).sum();
  }

  /** Counts per key, keys in alphabetical order (so reports are deterministic). */
  private static List<Count> countBy(List<CorpusRow> rows, Function<CorpusRow, String> key) {
    Map<String, Integer> counts = new TreeMap<>();
    for (CorpusRow row : rows) {
      counts.merge(key.apply(row), 1, Integer::sum);
    }
    return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }
}
