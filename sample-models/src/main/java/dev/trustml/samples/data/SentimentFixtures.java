package dev.trustml.samples.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the UCI "Sentiment Labelled Sentences" fixtures as shipped in the npm package {@code
 * sentiment@5.0.2} ({@code test/fixtures/{amazon,imdb,yelp}.json}).
 *
 * <p>Each file is a JSON array of {@code {"text": ..., "class": 0|1}} objects (0 = negative, 1 =
 * positive). Each file ends with a placeholder entry {@code {"text":"","class":null}} (left over
 * from the trailing newline of the original UCI text file); it is skipped. Any other entry without
 * a 0/1 class is an error, so a changed format cannot slip through silently.
 */
public final class SentimentFixtures {

  /** CSV label for class 0. */
  public static final String NEGATIVE = "negative";

  /** CSV label for class 1. */
  public static final String POSITIVE = "positive";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SentimentFixtures() {}

  /**
   * Reads every {@code *.json} file of a fixtures folder, in file-name order, entries in file
   * order.
   *
   * @throws BadInputException if the folder has no JSON file or a file is malformed
   */
  public static List<CorpusRow> readFolder(Path fixturesDir) throws BadInputException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(fixturesDir)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      throw new BadInputException(
          "cannot list sentiment fixtures folder " + fixturesDir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new BadInputException(
          "no *.json file in "
              + fixturesDir
              + "; pass the unpacked sentiment@5.0.2 package (run scripts/fetch-data.sh)");
    }
    List<CorpusRow> rows = new ArrayList<>();
    for (Path file : files) {
      String json;
      try {
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
      }
      rows.addAll(parse(file.getFileName().toString(), json));
    }
    return rows;
  }

  /**
   * Parses one fixture file's JSON text. Texts are whitespace-collapsed; the trailing placeholder
   * entry is skipped.
   *
   * @param sourceName the file name (e.g. {@code yelp.json}); without {@code .json} it is the rows'
   *     group; also used in row sources and error messages
   * @throws BadInputException if the JSON is malformed or an entry has no 0/1 class
   */
  public static List<CorpusRow> parse(String sourceName, String json) throws BadInputException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          sourceName + ": not valid JSON (" + e.getOriginalMessage() + "); re-fetch the package",
          e);
    }
    if (root == null || !root.isArray()) {
      throw new BadInputException(
          sourceName + ": expected a JSON array of {text, class} objects; re-fetch the package");
    }
    String group =
        sourceName.endsWith(".json")
            ? sourceName.substring(0, sourceName.length() - ".json".length())
            : sourceName;
    List<CorpusRow> rows = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      String where = sourceName + " entry " + i;
      JsonNode text = entry.get("text");
      JsonNode label = entry.get("class");
      if (text == null || !text.isTextual()) {
        throw new BadInputException(where + ": field 'text' is missing or not a string");
      }
      boolean noLabel = label == null || label.isNull();
      if (noLabel && text.asText().isBlank()) {
        continue; // the placeholder entry at the end of each file
      }
      rows.add(
          CorpusRow.of(
              group, where, TextCleanup.collapseWhitespace(text.asText()), label(where, label)));
    }
    return rows;
  }

  private static String label(String where, JsonNode label) throws BadInputException {
    if (label != null && label.isInt()) {
      if (label.intValue() == 0) {
        return NEGATIVE;
      }
      if (label.intValue() == 1) {
        return POSITIVE;
      }
    }
    throw new BadInputException(
        where + ": field 'class' is " + label + ", expected 0 (negative) or 1 (positive)");
  }
}
