package dev.trustml.model.tokenize;

import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain word tokenizer: lower-case, split into runs of letters or digits, map each word to its
 * line number in {@code vocab.txt}. Line 0 is padding ({@code [PAD]}), line 1 the unknown word
 * ({@code [UNK]}).
 */
public final class VocabTokenizer implements Tokenizer {
  public static final String PAD = "[PAD]";
  public static final String UNK = "[UNK]";
  public static final long UNK_ID = 1;

  /**
   * Letters and digits; apostrophes inside words stay ("don't"). The quantifiers are possessive:
   * they match exactly what the greedy {@code [\p{L}\p{N}]+(?:'[\p{L}]+)*} matched (nothing follows
   * the word, so giving characters back never helps), but java.util.regex repeats a greedy group by
   * recursion and overflowed the stack on a word like {@code a'b'b'b...} of ~10,000 characters.
   */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:'\\p{L}++)*+");

  private final List<String> tokens;
  private final Map<String, Integer> ids;
  private final boolean lowercase;

  public VocabTokenizer(List<String> tokens, boolean lowercase) {
    if (tokens.size() < 2 || !PAD.equals(tokens.get(0)) || !UNK.equals(tokens.get(1))) {
      throw new IllegalArgumentException("vocabulary must start with " + PAD + " and " + UNK);
    }
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      ids.putIfAbsent(tokens.get(i), i);
    }
    this.lowercase = lowercase;
  }

  /** Reads {@code vocab.txt}. */
  public static VocabTokenizer load(Path file, boolean lowercase) throws BadInputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file + ": tokenizer vocabulary not found; the model card names it under tokenizer.file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the vocabulary (" + e.getMessage() + ")");
    }
    if (lines.size() < 2 || !PAD.equals(lines.get(0)) || !UNK.equals(lines.get(1))) {
      throw new BadInputException(
          file + ": line 1 must be " + PAD + " and line 2 " + UNK + "; rebuild the vocabulary");
    }
    return new VocabTokenizer(lines, lowercase);
  }

  /** Splits text into words the way this tokenizer does (also used to build vocabularies). */
  public static List<String> words(String text, boolean lowercase) {
    String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Override
  public long[] encode(String text, int maxLength) {
    List<String> words = words(text, lowercase);
    int n = Math.min(words.size(), maxLength);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      Integer id = ids.get(words.get(i));
      out[i] = id == null ? UNK_ID : id;
    }
    return out;
  }

  @Override
  public long tokenId(String token) {
    Integer id = ids.get(lowercase ? token.toLowerCase(Locale.ROOT) : token);
    return id == null ? -1 : id;
  }

  @Override
  public int vocabularySize() {
    return tokens.size();
  }

  /** The tokens, in id order (what {@code vocab.txt} holds). */
  public List<String> tokens() {
    return tokens;
  }
}
