package dev.trustml.tokenizers.hf;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's tokenizer pipeline in plain Java, for the {@code tokenizer.json} files that are exactly it
 * (BertNormalizer, BertPreTokenizer, WordPiece, and a [CLS] ... [SEP] template or BertProcessing):
 * the same ids as the Hugging Face library, without a JNI call per text. The library encodes any
 * text this class declines: texts with characters outside Latin, Latin-1, Latin Extended-A/B,
 * general punctuation and currency signs (where Unicode data could differ between Java's and the
 * library's tables, and where CJK handling starts), and texts that may hold an added token such as
 * {@code [MASK]}. Tests compare both on every sample row and on random texts.
 *
 * <p>Why: on the BERT-shaped fixture the library took about 31 us of CPU per sentence (JNI, and the
 * offsets and strings its encodings carry), as much as the model's forward pass, so tokenising on
 * the read-ahead thread could not keep up with scoring.
 *
 * <p>The pipeline, as in the library (normalizers/bert.rs, pre_tokenizers/bert.rs,
 * models/wordpiece): remove NUL, U+FFFD and "other" characters (Cc, Cf, Cn, Co, Cs) except tab, new
 * line and carriage return, which with every other White_Space character become a space; strip
 * accents (canonical decomposition, then drop non-spacing marks) when asked, or by default when
 * lower-casing; lower-case each character by its full Unicode mapping; split on white space and
 * isolate punctuation (ASCII punctuation and the P* categories); each word to the longest
 * vocabulary prefix, then the longest "##" continuation, repeatedly, or to the unknown token as a
 * whole when a piece is missing or the word is longer than {@code max_input_chars_per_word}.
 */
final class BertWordPiece {
  private final Map<String, Integer> vocab;
  private final long unknown;
  private final String prefix;
  private final int maxWordChars;
  private final boolean cleanText;
  private final boolean stripAccents;
  private final boolean lowercase;
  private final long[] before;
  private final long[] after;
  private final long[] beforeTypes;
  private final long[] afterTypes;
  private final long sequenceType;
  private final List<String> addedTokens;

  private BertWordPiece(
      Map<String, Integer> vocab,
      long unknown,
      String prefix,
      int maxWordChars,
      boolean cleanText,
      boolean stripAccents,
      boolean lowercase,
      long[][] template,
      List<String> addedTokens) {
    this.vocab = vocab;
    this.unknown = unknown;
    this.prefix = prefix;
    this.maxWordChars = maxWordChars;
    this.cleanText = cleanText;
    this.stripAccents = stripAccents;
    this.lowercase = lowercase;
    this.before = template[0];
    this.after = template[1];
    this.beforeTypes = template[2];
    this.afterTypes = template[3];
    this.sequenceType = template[4][0];
    this.addedTokens = addedTokens;
  }

  /**
   * The Java pipeline of {@code root}, or null when the file is not exactly BERT's.
   *
   * @param specialTokens whether encodings get the post-processor's special tokens
   */
  static BertWordPiece of(JsonNode root, boolean specialTokens) {
    JsonNode norm = root.path("normalizer");
    JsonNode pre = root.path("pre_tokenizer");
    JsonNode model = root.path("model");
    if (!"BertNormalizer".equals(norm.path("type").asText())
        || !"BertPreTokenizer".equals(pre.path("type").asText())
        || !"WordPiece".equals(model.path("type").asText())
        || !model.path("vocab").isObject()) {
      return null;
    }
    boolean lower = norm.path("lowercase").asBoolean(true);
    JsonNode strip = norm.path("strip_accents");
    Map<String, Integer> vocab = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vocab.put(e.getKey(), e.getValue().asInt());
    }
    Integer unk = vocab.get(model.path("unk_token").asText("[UNK]"));
    if (unk == null) {
      return null;
    }
    long[][] template = specialTokens ? template(root.path("post_processor"), vocab) : plain();
    if (template == null) {
      return null;
    }
    List<String> added = new ArrayList<>();
    for (JsonNode a : root.path("added_tokens")) {
      added.add(a.path("content").asText().toLowerCase(Locale.ROOT));
    }
    return new BertWordPiece(
        vocab,
        unk,
        model.path("continuing_subword_prefix").asText("##"),
        model.path("max_input_chars_per_word").asInt(100),
        norm.path("clean_text").asBoolean(true),
        strip.isBoolean() ? strip.asBoolean() : lower,
        lower,
        template,
        added);
  }

  /** No special tokens: {before, after, beforeTypes, afterTypes, {sequence type}}. */
  private static long[][] plain() {
    return new long[][] {{}, {}, {}, {}, {0}};
  }

  /** The single-text template of a TemplateProcessing or BertProcessing post-processor. */
  private static long[][] template(JsonNode post, Map<String, Integer> vocab) {
    if (post.isMissingNode() || post.isNull()) {
      return plain();
    }
    if ("BertProcessing".equals(post.path("type").asText())) {
      return new long[][] {
        {post.path("cls").path(1).asLong()}, {post.path("sep").path(1).asLong()}, {0}, {0}, {0}
      };
    }
    if (!"TemplateProcessing".equals(post.path("type").asText())) {
      return null;
    }
    List<Long> ids0 = new ArrayList<>();
    List<Long> ids1 = new ArrayList<>();
    List<Long> types0 = new ArrayList<>();
    List<Long> types1 = new ArrayList<>();
    long sequenceType = -1;
    for (JsonNode piece : post.path("single")) {
      if (piece.has("Sequence")) {
        if (sequenceType >= 0) {
          return null;
        }
        sequenceType = piece.path("Sequence").path("type_id").asLong();
        continue;
      }
      JsonNode special = piece.path("SpecialToken");
      JsonNode ids = post.path("special_tokens").path(special.path("id").asText()).path("ids");
      if (!ids.isArray() || ids.isEmpty()) {
        return null;
      }
      for (JsonNode id : ids) {
        (sequenceType < 0 ? ids0 : ids1).add(id.asLong());
        (sequenceType < 0 ? types0 : types1).add(special.path("type_id").asLong());
      }
    }
    if (sequenceType < 0) {
      return null;
    }
    return new long[][] {
      toArray(ids0), toArray(ids1), toArray(types0), toArray(types1), {sequenceType}
    };
  }

  private static long[] toArray(List<Long> list) {
    return list.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Ids (special tokens included) of {@code text}, truncated to {@code maxLength} as the library
   * truncates (the special tokens kept); with {@code types} non-null, the segment ids in {@code
   * types[0]}. Null when the library must encode this text.
   */
  long[] encode(String text, int maxLength, long[][] types) {
    String normalized = normalize(text);
    if (normalized == null) {
      return null;
    }
    long room = Math.max(0L, (long) maxLength - before.length - after.length);
    long[] content = new long[(int) Math.min(room, normalized.length() + 1L)];
    int n = wordPieces(normalized, content);
    long[] ids = new long[before.length + n + after.length];
    System.arraycopy(before, 0, ids, 0, before.length);
    System.arraycopy(content, 0, ids, before.length, n);
    System.arraycopy(after, 0, ids, before.length + n, after.length);
    if (types != null) {
      long[] t = new long[ids.length];
      System.arraycopy(beforeTypes, 0, t, 0, before.length);
      java.util.Arrays.fill(t, before.length, before.length + n, sequenceType);
      System.arraycopy(afterTypes, 0, t, before.length + n, after.length);
      types[0] = t;
    }
    return ids;
  }

  /** The normalised text, or null when it holds a character (or token) left to the library. */
  String normalize(String text) {
    if (mayHoldAddedToken(text)) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean ascii = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!safe(c)) {
        return null;
      }
      if (cleanText && (c == 0 || isOther(c))) {
        continue;
      }
      if (cleanText && isWhitespace(c)) {
        c = ' ';
      }
      ascii &= c < 0x80;
      out.append(c);
    }
    String s = out.toString();
    if (!ascii && stripAccents) {
      String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
      StringBuilder kept = new StringBuilder(nfd.length());
      for (int i = 0; i < nfd.length(); i++) {
        char c = nfd.charAt(i);
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
          kept.append(c);
        }
      }
      s = kept.toString();
    }
    if (lowercase) {
      StringBuilder lower = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          lower.append((char) (c + 32));
        } else if (c < 0x80) {
          lower.append(c);
        } else if (c == 'İ') {
          lower.append("i\u0307"); // the one full (two-character) mapping in the safe range
        } else {
          lower.append(Character.toLowerCase(c));
        }
      }
      s = lower.toString();
    }
    return s;
  }

  /**
   * Whether an added token (e.g. [MASK]) might occur in the raw text, in any case: the library
   * splits those off before normalising.
   */
  private boolean mayHoldAddedToken(String s) {
    if (addedTokens.isEmpty()) {
      return false;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (String t : addedTokens) {
      if (!t.isEmpty() && lower.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Splits on white space, isolates punctuation, and writes each word's pieces. */
  private int wordPieces(String s, long[] out) {
    int n = 0;
    int start = -1;
    for (int i = 0; i <= s.length() && n < out.length; i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      boolean space = isWhitespace(c);
      boolean punct = !space && isPunctuation(c);
      if (space || punct) {
        if (start >= 0) {
          n = word(s, start, i, out, n);
          start = -1;
        }
        if (punct && n < out.length) {
          n = word(s, i, i + 1, out, n);
        }
      } else if (start < 0) {
        start = i;
      }
    }
    return n;
  }

  /** WordPiece of {@code s[from, to)}: greedy longest match, or the unknown token. */
  private int word(String s, int from, int to, long[] out, int n) {
    if (to - from > maxWordChars) {
      out[n] = unknown;
      return n + 1;
    }
    int first = n;
    int start = from;
    while (start < to) {
      Integer id = null;
      int end = to;
      for (; end > start; end--) {
        String piece = s.substring(start, end);
        id = vocab.get(start == from ? piece : prefix + piece);
        if (id != null) {
          break;
        }
      }
      if (id == null) {
        out[first] = unknown;
        return first + 1;
      }
      if (n < out.length) {
        out[n] = id;
      }
      n++;
      start = end;
    }
    return Math.min(n, out.length);
  }

  /**
   * Characters whose Unicode data is the same in Java's and the library's tables and that need no
   * CJK handling: below U+0250 (Latin, Latin-1, Latin Extended-A and -B), general punctuation
   * U+2010..U+2027 and U+2030..U+205E, and currency signs U+20A0..U+20BF.
   */
  static boolean safe(char c) {
    return c < 0x250
        || (c >= 0x2010 && c <= 0x2027)
        || (c >= 0x2030 && c <= 0x205E)
        || (c >= 0x20A0 && c <= 0x20BF);
  }

  /** Unicode "other" (Cc, Cf, Cn, Co, Cs), except tab, new line and carriage return. */
  static boolean isOther(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int t = Character.getType(c);
    return t == Character.CONTROL
        || t == Character.FORMAT
        || t == Character.UNASSIGNED
        || t == Character.PRIVATE_USE
        || t == Character.SURROGATE;
  }

  /** Unicode White_Space (what Rust's {@code char::is_whitespace} tests). */
  static boolean isWhitespace(char c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** ASCII punctuation, or a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po). */
  static boolean isPunctuation(char c) {
    if (c < 0x80) {
      return (c >= '!' && c <= '/')
          || (c >= ':' && c <= '@')
          || (c >= '[' && c <= '`')
          || (c >= '{' && c <= '~');
    }
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }
}
