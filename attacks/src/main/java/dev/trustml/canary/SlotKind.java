package dev.trustml.canary;

import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of slot types a template may use: {@code {digit}}, {@code {letter}}, {@code
 * {common-word}} and {@code {word:FILE}}. Adding a kind here is the only change needed to support
 * it in templates.
 */
public enum SlotKind {
  /** {@code {digit}}: 0-9, the alphabet of Parikh et al.'s PIN-code canaries. */
  DIGIT("digit", false) {
    @Override
    Alphabet alphabet(String argument, Path baseDir) {
      return BUILTIN_DIGIT;
    }
  },
  /** {@code {letter}}: lowercase a-z. */
  LETTER("letter", false) {
    @Override
    Alphabet alphabet(String argument, Path baseDir) {
      return BUILTIN_LETTER;
    }
  },
  /**
   * {@code {common-word}}: one of 1,000 common English words built into trustml, the first 1,000
   * entries of 3+ letters a-z of the public BERT-base uncased WordPiece vocabulary (Devlin et al.
   * 2019; Apache-2.0) that are whole-word tokens, in vocabulary (roughly frequency) order. Every
   * one is a single token of BERT-style tokenizers and no training row went into the list, so
   * random sequences of them make canaries that only memorisation can explain.
   */
  COMMON_WORD("common-word", false) {
    @Override
    Alphabet alphabet(String argument, Path baseDir) throws BadInputException {
      return CommonWords.ALPHABET;
    }
  },
  /** {@code {word:FILE}}: one word per line of FILE (blank lines ignored). */
  WORD("word", true) {
    @Override
    Alphabet alphabet(String argument, Path baseDir) throws BadInputException {
      Path file;
      try {
        file = baseDir.resolve(argument);
      } catch (InvalidPathException e) {
        // e.g. a NUL character, which a template read from a JSON file can hold.
        throw new BadInputException(
            "word list '" + argument + "' is not a valid file path (" + e.getReason() + ")");
      }
      return readWordList(file);
    }
  };

  private static final Alphabet BUILTIN_DIGIT = new Alphabet(DIGIT, "a digit 0-9", range('0', '9'));
  private static final Alphabet BUILTIN_LETTER =
      new Alphabet(LETTER, "a lowercase letter a-z", range('a', 'z'));
  private static final Map<String, SlotKind> BY_NAME = new HashMap<>();

  /** The built-in word list, read once from the classpath when first used. */
  private static final class CommonWords {
    static final String RESOURCE = "common-words.txt";
    static final Alphabet ALPHABET = load();

    private static Alphabet load() {
      try (java.io.InputStream in = SlotKind.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("built-in word list " + RESOURCE + " is missing");
        }
        List<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return new Alphabet(
            COMMON_WORD, "a common English word (" + words.size() + " built in)", words);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  static {
    for (SlotKind k : values()) {
      BY_NAME.put(k.slotName, k);
    }
  }

  private final String slotName;
  private final boolean takesFile;

  SlotKind(String slotName, boolean takesFile) {
    this.slotName = slotName;
    this.takesFile = takesFile;
  }

  /** The name written in templates, e.g. "digit". */
  public String slotName() {
    return slotName;
  }

  /** True if the slot is written {@code {name:FILE}}. */
  public boolean takesFile() {
    return takesFile;
  }

  /** How the slot is written in a template, e.g. "{digit}" or "{word:FILE}". */
  public String syntax() {
    return "{" + slotName + (takesFile ? ":FILE" : "") + "}";
  }

  /** Looks up a kind by its template name (case-insensitive). */
  public static Optional<SlotKind> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** All slot syntaxes, for error messages: "{digit}, {letter}, {common-word}, {word:FILE}". */
  public static String validSyntaxes() {
    return Arrays.stream(values()).map(SlotKind::syntax).collect(Collectors.joining(", "));
  }

  abstract Alphabet alphabet(String argument, Path baseDir) throws BadInputException;

  private static List<String> range(char from, char to) {
    List<String> out = new ArrayList<>();
    for (char c = from; c <= to; c++) {
      out.add(String.valueOf(c));
    }
    return out;
  }

  private static Alphabet readWordList(Path file) throws BadInputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "word list "
              + file
              + " does not exist; give a path relative to the template's base"
              + " directory or an absolute path");
    } catch (MalformedInputException e) {
      throw new BadInputException("word list " + file + " is not UTF-8 text; re-save it as UTF-8");
    } catch (IOException e) {
      throw new BadInputException("cannot read word list " + file + ": " + e.getMessage(), e);
    }
    List<String> words = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String word = lines.get(i).strip();
      if (word.isEmpty()) {
        continue;
      }
      int lineNo = i + 1;
      if (word.chars().anyMatch(Character::isWhitespace)) {
        throw new BadInputException(
            "word list "
                + file
                + " line "
                + lineNo
                + " ('"
                + word
                + "') contains whitespace;"
                + " put one word per line");
      }
      Integer earlier = firstLine.putIfAbsent(word, lineNo);
      if (earlier != null) {
        // A repeated word would be counted twice in |R| and make secrets ambiguous.
        throw new BadInputException(
            "word list "
                + file
                + " line "
                + lineNo
                + " repeats '"
                + word
                + "' (first on line "
                + earlier
                + "); remove the duplicate");
      }
      words.add(word);
    }
    if (words.isEmpty()) {
      throw new BadInputException(
          "word list " + file + " is empty; put one candidate word per line");
    }
    return new Alphabet(
        WORD, "a word from " + file.getFileName() + " (" + words.size() + " words)", words);
  }
}
