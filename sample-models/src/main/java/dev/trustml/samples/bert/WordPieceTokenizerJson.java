package dev.trustml.samples.bert;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Hugging Face {@code tokenizer.json} for a BERT WordPiece vocabulary ({@code vocab.txt}, one
 * token per line in id order), as {@code BertTokenizerFast} saves one for bert-base-uncased: the
 * BERT normalizer (clean text, CJK spacing, lower case, accents stripped), the BERT pre-tokenizer
 * (whitespace and punctuation), the WordPiece model ({@code ##} continuation, {@code [UNK]}, at
 * most 100 characters a word), the template {@code [CLS] $A [SEP]} ({@code [CLS] $A [SEP] $B [SEP]}
 * for pairs, type 1 for B), and in addition right truncation and padding with {@code [PAD]} to a
 * fixed length. Deterministic: same vocabulary and length, same bytes.
 */
public final class WordPieceTokenizerJson {
  private static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

  private WordPieceTokenizerJson() {}

  /** The tokens of a {@code vocab.txt}, in id order. */
  public static List<String> readVocabulary(Path vocabTxt) throws IOException {
    List<String> tokens = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
    Set<String> seen = new HashSet<>();
    for (int id = 0; id < tokens.size(); id++) {
      String t = tokens.get(id);
      if (t.isEmpty() || !seen.add(t)) {
        throw new IOException(
            vocabTxt + ": line " + (id + 1) + " is empty or repeats a token; one token a line");
      }
    }
    for (String s : SPECIAL) {
      if (!seen.contains(s)) {
        throw new IOException(vocabTxt + ": the special token " + s + " is missing");
      }
    }
    return tokens;
  }

  /** The {@code tokenizer.json} bytes (UTF-8, pretty-printed). */
  public static byte[] generate(List<String> vocabulary, int maxLength) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", "1.0");

    ObjectNode truncation = root.putObject("truncation");
    truncation.put("direction", "Right");
    truncation.put("max_length", maxLength);
    truncation.put("strategy", "LongestFirst");
    truncation.put("stride", 0);

    ObjectNode padding = root.putObject("padding");
    padding.putObject("strategy").put("Fixed", maxLength);
    padding.put("direction", "Right");
    padding.putNull("pad_to_multiple_of");
    padding.put("pad_id", vocabulary.indexOf("[PAD]"));
    padding.put("pad_type_id", 0);
    padding.put("pad_token", "[PAD]");

    ArrayNode added = root.putArray("added_tokens");
    for (int id = 0; id < vocabulary.size(); id++) {
      if (SPECIAL.contains(vocabulary.get(id))) {
        ObjectNode t = added.addObject();
        t.put("id", id);
        t.put("content", vocabulary.get(id));
        t.put("single_word", false);
        t.put("lstrip", false);
        t.put("rstrip", false);
        t.put("normalized", false);
        t.put("special", true);
      }
    }

    ObjectNode normalizer = root.putObject("normalizer");
    normalizer.put("type", "BertNormalizer");
    normalizer.put("clean_text", true);
    normalizer.put("handle_chinese_chars", true);
    normalizer.putNull("strip_accents");
    normalizer.put("lowercase", true);

    root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");

    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    special(single, "[CLS]", 0);
    sequence(single, "A", 0);
    special(single, "[SEP]", 0);
    ArrayNode pair = post.putArray("pair");
    special(pair, "[CLS]", 0);
    sequence(pair, "A", 0);
    special(pair, "[SEP]", 0);
    sequence(pair, "B", 1);
    special(pair, "[SEP]", 1);
    ObjectNode specialTokens = post.putObject("special_tokens");
    for (String s : List.of("[CLS]", "[SEP]")) {
      ObjectNode t = specialTokens.putObject(s);
      t.put("id", s);
      t.putArray("ids").add(vocabulary.indexOf(s));
      t.putArray("tokens").add(s);
    }

    ObjectNode decoder = root.putObject("decoder");
    decoder.put("type", "WordPiece");
    decoder.put("prefix", "##");
    decoder.put("cleanup", true);

    ObjectNode model = root.putObject("model");
    model.put("type", "WordPiece");
    model.put("unk_token", "[UNK]");
    model.put("continuing_subword_prefix", "##");
    model.put("max_input_chars_per_word", 100);
    ObjectNode vocab = model.putObject("vocab");
    for (int id = 0; id < vocabulary.size(); id++) {
      vocab.put(vocabulary.get(id), id);
    }
    // Two-space indents and "\n" line ends on every platform, so the bytes never depend on it.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
    return new ObjectMapper()
        .writer(printer)
        .writeValueAsString(root)
        .concat("\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void special(ArrayNode template, String token, int typeId) {
    ObjectNode s = template.addObject().putObject("SpecialToken");
    s.put("id", token);
    s.put("type_id", typeId);
  }

  private static void sequence(ArrayNode template, String id, int typeId) {
    ObjectNode s = template.addObject().putObject("Sequence");
    s.put("id", id);
    s.put("type_id", typeId);
  }
}
