package dev.trustml.canary.modiva;

import dev.trustml.canary.Alphabet;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.Secret;
import dev.trustml.error.BadInputException;
import dev.trustml.model.tokenize.Tokenizer;

/**
 * Builds the {@link ModivaProblem} of a canary template from the model's tokenizer: the whole
 * sentence is tokenised as the model sees it (special tokens such as {@code [CLS]} and {@code
 * [SEP]} included), and each slot's position is where changing that slot's value changes the ids.
 * Each slot value must be exactly one token of the vocabulary.
 */
public final class TemplateProblem {
  private TemplateProblem() {}

  /**
   * The template as token ids with one position per slot, and each slot's token ids.
   *
   * @param maxLength the model's max length (longer sentences are truncated by the tokenizer)
   * @throws BadInputException when a slot value is not one known token within the max length
   */
  public static ModivaProblem of(
      Tokenizer tokenizer, int maxLength, CanaryTemplate template, int label)
      throws BadInputException {
    int slots = template.slotCount();
    int[] base = new int[slots];
    long[] baseIds = tokenizer.encode(template.render(Secret.of(base)), maxLength);
    int[] positions = new int[slots];
    long[][] alphabets = new long[slots][];
    for (int s = 0; s < slots; s++) {
      Alphabet a = template.alphabet(s);
      long[] ids = new long[a.size()];
      int position = -1;
      for (int v = 0; v < a.size(); v++) {
        int[] secret = base.clone();
        secret[s] = v;
        long[] filled =
            v == 0 ? baseIds : tokenizer.encode(template.render(Secret.of(secret)), maxLength);
        int changed = v == 0 ? -1 : singleDifference(baseIds, filled);
        if (v > 0 && (changed < 0 || (position >= 0 && changed != position))) {
          throw notOneToken(template, s, a.value(v), maxLength);
        }
        if (v > 0) {
          position = changed;
        }
        ids[v] = v == 0 ? -1 : filled[changed];
      }
      if (position < 0) {
        // A one-value alphabet: the value's id is wherever the tokenizer puts it alone.
        long id = tokenizer.tokenId(a.value(0));
        position = indexOf(baseIds, id);
        if (id < 0 || position < 0) {
          throw notOneToken(template, s, a.value(0), maxLength);
        }
      }
      ids[0] = baseIds[position];
      for (int v = 0; v < a.size(); v++) {
        if (ids[v] == tokenizer.unknownTokenId() && tokenizer.unknownTokenId() >= 0) {
          throw notOneToken(template, s, a.value(v), maxLength);
        }
        for (int w = 0; w < v; w++) {
          if (ids[w] == ids[v]) {
            throw new BadInputException(
                "canary '"
                    + template.source()
                    + "': slot "
                    + (s + 1)
                    + " values '"
                    + a.value(w)
                    + "' and '"
                    + a.value(v)
                    + "' are the same token for this model; ModIvA needs distinct tokens"
                    + " (black-box methods enumerate and beam still work)");
          }
        }
      }
      positions[s] = position;
      alphabets[s] = ids;
    }
    return new ModivaProblem(baseIds, positions, alphabets, label);
  }

  /** The one index where two equally long id sequences differ, or -1. */
  private static int singleDifference(long[] a, long[] b) {
    if (a.length != b.length) {
      return -1;
    }
    int at = -1;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        if (at >= 0) {
          return -1;
        }
        at = i;
      }
    }
    return at;
  }

  private static int indexOf(long[] ids, long id) {
    int at = -1;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        if (at >= 0) {
          return -1; // ambiguous
        }
        at = i;
      }
    }
    return at;
  }

  private static BadInputException notOneToken(
      CanaryTemplate template, int slot, String value, int maxLength) {
    return new BadInputException(
        "canary '"
            + template.source()
            + "': slot "
            + (slot + 1)
            + " value '"
            + value
            + "' is not a single token of the model's vocabulary within its max length "
            + maxLength
            + "; ModIvA needs one token per slot value (black-box methods enumerate and beam still"
            + " work)");
  }
}
