package dev.trustml.train;

import dev.trustml.error.BadInputException;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A vocabulary from a public token list (one token per line, e.g. BERT's {@code vocab.txt}): no
 * training row is read, so it costs no privacy. The list is used as a word list: WordPiece
 * continuation pieces ({@code ##ing}) and bracketed specials ({@code [CLS]}, {@code [unused0]}) are
 * skipped, and so is every line that trustml's word tokenizer would not produce as one word (e.g.
 * punctuation). The vocabulary is {@code [PAD]}, {@code [UNK]}, the reserved tokens, then the
 * list's usable words in file order - never reordered by the data - up to the size limit.
 */
public final class PublicWordList {
  private PublicWordList() {}

  /**
   * The vocabulary in id order.
   *
   * @param file the token list
   * @param lowercase lower-case the words (as the tokenizer will)
   * @param maxSize entries in all, including [PAD], [UNK] and the reserved tokens
   * @param reserved tokens placed right after the specials (e.g. a canary slot's alphabet)
   */
  public static List<String> vocabulary(
      Path file, boolean lowercase, int maxSize, List<String> reserved) throws BadInputException {
    List<String> words = usableWords(file, lowercase);
    Set<String> vocab = new LinkedHashSet<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    for (String r : reserved) {
      vocab.add(lowercase ? r.toLowerCase(Locale.ROOT) : r);
    }
    for (String w : words) {
      if (vocab.size() >= maxSize) {
        break;
      }
      vocab.add(w);
    }
    return new ArrayList<>(vocab);
  }

  /** The list's usable words, in file order, without repeats. */
  static List<String> usableWords(Path file, boolean lowercase) throws BadInputException {
    String text = read(file);
    Set<String> out = new LinkedHashSet<>();
    for (String line : text.split("\r?\n", -1)) {
      String token = line.strip();
      if (token.isEmpty() || token.startsWith("##") || isSpecial(token)) {
        continue;
      }
      String word = lowercase ? token.toLowerCase(Locale.ROOT) : token;
      if (VocabTokenizer.words(word, false).equals(List.of(word))) {
        out.add(word);
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(
          file
              + ": the token list holds no usable word (one token per line; '##' pieces,"
              + " [bracketed] specials and punctuation are skipped); give a public word list such"
              + " as a BERT vocab.txt");
    }
    return new ArrayList<>(out);
  }

  private static boolean isSpecial(String token) {
    return token.length() >= 2 && token.startsWith("[") && token.endsWith("]");
  }

  private static String read(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          file + ": is a directory; give a token list file (one token per line)");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file + ": vocabulary file not found; give a public token list (one token per line)");
    } catch (AccessDeniedException e) {
      throw new BadInputException(file + ": permission denied; make the file readable");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the token list (" + e.getMessage() + ")");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file + ": not valid UTF-8; re-save the token list as UTF-8");
    }
  }
}
