package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files a user would bring to an audit, cut from the sentiment sample's split: {@code n} members
 * and {@code n} non-members (design unknown to trustml), the next {@code n} non-members as a
 * population, and a reference bundle trained by trustml on {@code n/2} rows from each side (so its
 * IN rows are not the target's members).
 *
 * @param members the user's member file
 * @param nonMembers the user's non-member file
 * @param population population rows, never evaluated
 * @param reference a reference model bundle
 */
record UserAuditFiles(Path members, Path nonMembers, Path population, Path reference) {

  /** Writes the files under {@code dir} and trains the reference (seed 11, 5 epochs). */
  static UserAuditFiles cut(Path dir, int n) throws Exception {
    List<LabeledText> members = read(SampleModels.root().resolve("sentiment/members.csv"));
    List<LabeledText> nonMembers = read(SampleModels.root().resolve("sentiment/nonmembers.csv"));
    UserAuditFiles files =
        new UserAuditFiles(
            dir.resolve("user-members.csv"),
            dir.resolve("user-nonmembers.csv"),
            dir.resolve("population.csv"),
            dir.resolve("reference"));
    VocabularyFixtures.writeCsv(files.members, members.subList(0, n));
    VocabularyFixtures.writeCsv(files.nonMembers, nonMembers.subList(0, n));
    VocabularyFixtures.writeCsv(files.population, nonMembers.subList(n, 2 * n));
    List<LabeledText> pool = new ArrayList<>(members.subList(0, n / 2));
    pool.addAll(nonMembers.subList(0, n / 2));
    Path poolCsv = dir.resolve("reference-pool.csv");
    VocabularyFixtures.writeCsv(poolCsv, pool);
    Cli.Result trained =
        Cli.run(
            "train",
            "--data",
            poolCsv.toString(),
            "--out",
            files.reference.toString(),
            "--epochs",
            "5",
            "--seed",
            "11");
    assertEquals(0, trained.exit(), trained.out() + trained.err());
    return files;
  }

  static List<LabeledText> read(Path csv) throws Exception {
    try (LabeledCsvReader reader = LabeledCsvReader.open(csv, CsvColumns.DEFAULT)) {
      return reader.readAll();
    }
  }
}
