package dev.trustml.model.tokenize;

import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain word tokenizer: lower-case, split into runs of letters or digits, map each word to its
 * line number in {@code vocab.txt}. Line 0 is padding ({@code [PAD]}), line 1 the unknown word
 * ({@code [UNK]}).
 */
public final class VocabTokenizer implements Tokenizer {
  public static final String PAD = "[PAD]";
  public static final String UNK = "[UNK]";
  public static final long UNK_ID = 1;

  private final List<String> tokens;
  private final WordIds ids;
  private final boolean lowercase;

  public VocabTokenizer(List<String> tokens, boolean lowercase) {
    if (tokens.size() < 2 || !PAD.equals(tokens.get(0)) || !UNK.equals(tokens.get(1))) {
      throw new IllegalArgumentException("vocabulary must start with " + PAD + " and " + UNK);
    }
    this.tokens = List.copyOf(tokens);
    this.ids = new WordIds(this.tokens);
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

  /**
   * Splits text into words the way this tokenizer does (also used to build vocabularies): after
   * optional lower-casing ({@code Locale.ROOT}), the matches of {@code [\p{L}\p{N}]+(?:'[\p{L}]+)*}
   * — runs of letters or digits; apostrophes inside words stay ("don't"). Found by {@link
   * WordScanner}, not a regex, for speed.
   */
  public static List<String> words(String text, boolean lowercase) {
    String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> out = new ArrayList<>();
    for (int start = WordScanner.nextStart(t, 0); start >= 0; ) {
      int end = WordScanner.end(t, start);
      out.add(t.substring(start, end));
      start = WordScanner.nextStart(t, end);
    }
    return out;
  }

  @Override
  public long[] encode(String text, int maxLength) {
    // No word is shorter than one char, so there are at most length() of them.
    long[] out = new long[Math.min(maxLength, text.length())];
    int n = encodeLatin1(text, out.length, out, 0);
    if (n < 0) {
      String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
      out = new long[Math.min(maxLength, t.length())];
      n = encodeCased(t, out.length, out, 0);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  @Override
  public int encodeInto(String text, int maxLength, long[] dest, int offset) {
    int n = encodeLatin1(text, maxLength, dest, offset);
    if (n >= 0) {
      return n;
    }
    return encodeCased(lowercase ? text.toLowerCase(Locale.ROOT) : text, maxLength, dest, offset);
  }

  /** The one-pass path for texts without chars above U+00FF; -1 for other texts. */
  private int encodeLatin1(String text, int maxLength, long[] dest, int offset) {
    return WordScanner.encodeLatin1(
        text.toCharArray(),
        lowercase ? WordScanner.LATIN1_LOWER : WordScanner.LATIN1_SAME,
        ids,
        UNK_ID,
        maxLength,
        dest,
        offset);
  }

  /** Writes the ids of the first {@code maxLength} words of {@code t} (already cased). */
  private int encodeCased(String t, int maxLength, long[] dest, int offset) {
    int n = 0;
    for (int start = WordScanner.nextStart(t, 0); start >= 0 && n < maxLength; n++) {
      int end = WordScanner.end(t, start);
      int id = ids.get(t, start, end);
      dest[offset + n] = id < 0 ? UNK_ID : id;
      start = WordScanner.nextStart(t, end);
    }
    return n;
  }

  @Override
  public long tokenId(String token) {
    String t = lowercase ? token.toLowerCase(Locale.ROOT) : token;
    return ids.get(t, 0, t.length());
  }

  @Override
  public long unknownTokenId() {
    return UNK_ID;
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
