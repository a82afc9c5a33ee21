package dev.trustml.canary;

import dev.trustml.error.BadInputException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A canary sentence with slots, e.g. {@code "my pin code is {digit} {digit} {digit} {digit}"}
 * (Parikh et al., ACL 2022, Sec. 3: digits are separate words so that each is its own token).
 *
 * <p>The template is stored as {@code slotCount + 1} fixed text segments around the slots, so
 * rendering reproduces the template's own spacing and punctuation exactly. Candidate secrets are
 * numbered in mixed radix with the first slot most significant, so for four digit slots the index
 * of "4 8 2 1" is 4821.
 */
public final class CanaryTemplate {
  private final String source;
  private final List<String> fixed;
  private final List<Alphabet> alphabets;
  private final List<String> slotSyntax;
  private final BigInteger spaceSize;

  private CanaryTemplate(
      String source, List<String> fixed, List<Alphabet> alphabets, List<String> slotSyntax) {
    this.source = source;
    this.fixed = List.copyOf(fixed);
    this.alphabets = List.copyOf(alphabets);
    this.slotSyntax = List.copyOf(slotSyntax);
    BigInteger n = BigInteger.ONE;
    for (Alphabet a : alphabets) {
      n = n.multiply(BigInteger.valueOf(a.size()));
    }
    this.spaceSize = n;
  }

  /**
   * Parses a template, resolving {@code {word:FILE}} paths against the current directory.
   *
   * @throws BadInputException if the template has no slot, an unbalanced brace, an unknown slot
   *     name, or a word list that is missing or empty
   */
  public static CanaryTemplate parse(String template) throws BadInputException {
    return parse(template, Path.of(""));
  }

  /**
   * Parses a template, resolving relative {@code {word:FILE}} paths against {@code baseDir}.
   *
   * @throws BadInputException if the template has no slot, an unbalanced brace, an unknown slot
   *     name, or a word list that is missing or empty
   */
  public static CanaryTemplate parse(String template, Path baseDir) throws BadInputException {
    List<String> fixed = new ArrayList<>();
    List<Alphabet> alphabets = new ArrayList<>();
    List<String> syntax = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        throw new BadInputException(
            "canary template '"
                + template
                + "' has a '}' without '{' at character "
                + (i + 1)
                + "; slots are written "
                + SlotKind.validSyntaxes());
      }
      if (c != '{') {
        segment.append(c);
        i++;
        continue;
      }
      int close = template.indexOf('}', i + 1);
      int nextOpen = template.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        throw new BadInputException(
            "canary template '"
                + template
                + "' has a '{' without '}' at character "
                + (i + 1)
                + "; slots are written "
                + SlotKind.validSyntaxes());
      }
      String spec = template.substring(i + 1, close);
      alphabets.add(slotAlphabet(template, spec, baseDir));
      syntax.add("{" + spec + "}");
      fixed.add(segment.toString());
      segment.setLength(0);
      i = close + 1;
    }
    fixed.add(segment.toString());
    if (alphabets.isEmpty()) {
      throw new BadInputException(
          "canary template '"
              + template
              + "' has no slot; add at least one of "
              + SlotKind.validSyntaxes()
              + ", e.g. 'my pin code is {digit} {digit} {digit} {digit}'");
    }
    return new CanaryTemplate(template, fixed, alphabets, syntax);
  }

  private static Alphabet slotAlphabet(String template, String spec, Path baseDir)
      throws BadInputException {
    int colon = spec.indexOf(':');
    String name = (colon < 0 ? spec : spec.substring(0, colon)).strip();
    String argument = colon < 0 ? null : spec.substring(colon + 1).strip();
    SlotKind kind =
        SlotKind.byName(name)
            .orElseThrow(
                () ->
                    new BadInputException(
                        "canary template '"
                            + template
                            + "' has unknown slot '{"
                            + spec
                            + "}'; valid slots are "
                            + SlotKind.validSyntaxes()));
    if (kind.takesFile() && (argument == null || argument.isEmpty())) {
      throw new BadInputException(
          "canary template '"
              + template
              + "' slot '{"
              + spec
              + "}' needs a file: write "
              + kind.syntax());
    }
    if (!kind.takesFile() && argument != null) {
      throw new BadInputException(
          "canary template '"
              + template
              + "' slot '{"
              + spec
              + "}' takes no argument: write "
              + kind.syntax());
    }
    return kind.alphabet(argument, baseDir);
  }

  /** The template text as given to {@link #parse}. */
  public String source() {
    return source;
  }

  /** Number of slots (at least one). */
  public int slotCount() {
    return alphabets.size();
  }

  /** The alphabet of {@code slot} (0-based). */
  public Alphabet alphabet(int slot) {
    return alphabets.get(slot);
  }

  /** The alphabets of all slots, in order. */
  public List<Alphabet> alphabets() {
    return alphabets;
  }

  /** The fixed text around the slots: {@code slotCount() + 1} segments, possibly empty. */
  public List<String> fixedSegments() {
    return fixed;
  }

  /** The size |R| of the candidate space: the product of the alphabet sizes (exact). */
  public BigInteger spaceSize() {
    return spaceSize;
  }

  /** log2 |R|, computed as a sum so it stays finite for any number of slots. */
  public double log2SpaceSize() {
    double bits = 0;
    for (Alphabet a : alphabets) {
      bits += Math.log(a.size()) / Math.log(2);
    }
    return bits;
  }

  /** True if |R| fits in a {@code long}, which {@link #secretAt} and {@link #indexOf} need. */
  public boolean spaceFitsInLong() {
    return spaceSize.bitLength() < Long.SIZE;
  }

  /**
   * |R| as a long.
   *
   * @throws ArithmeticException if |R| exceeds {@link Long#MAX_VALUE}
   */
  public long spaceSizeExact() {
    return spaceSize.longValueExact();
  }

  /** The secret with mixed-radix index {@code index} in [0, |R|), first slot most significant. */
  public Secret secretAt(long index) {
    long size = spaceSizeExact();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "candidate index " + index + " outside [0, " + size + ")");
    }
    int[] positions = new int[alphabets.size()];
    long rest = index;
    for (int slot = positions.length - 1; slot >= 0; slot--) {
      int radix = alphabets.get(slot).size();
      positions[slot] = (int) (rest % radix);
      rest /= radix;
    }
    return Secret.of(positions);
  }

  /** The mixed-radix index of {@code secret}, the inverse of {@link #secretAt}. */
  public long indexOf(Secret secret) {
    requireFits(secret);
    spaceSizeExact();
    long index = 0;
    for (int slot = 0; slot < alphabets.size(); slot++) {
      index = index * alphabets.get(slot).size() + secret.position(slot);
    }
    return index;
  }

  /** A uniformly random secret: each slot drawn independently and uniformly. */
  public Secret randomSecret(SplittableRandom random) {
    int[] positions = new int[alphabets.size()];
    for (int slot = 0; slot < positions.length; slot++) {
      positions[slot] = random.nextInt(alphabets.get(slot).size());
    }
    return Secret.of(positions);
  }

  /** The full canary sentence for {@code secret}, e.g. "my pin code is 4 8 2 1". */
  public String render(Secret secret) {
    requireFits(secret);
    StringBuilder out = new StringBuilder(fixed.get(0));
    for (int slot = 0; slot < alphabets.size(); slot++) {
      out.append(alphabets.get(slot).value(secret.position(slot))).append(fixed.get(slot + 1));
    }
    return out.toString();
  }

  /**
   * The sentence for a canary whose first {@code filled} slots hold {@code positions[0..filled)}
   * and whose other slots are unknown, in the given form (see {@link PartialCanaryForm}). With all
   * slots filled this equals {@link #render}.
   */
  public String renderPartial(int[] positions, int filled, PartialCanaryForm form) {
    if (filled < 0 || filled > alphabets.size() || positions.length < filled) {
      throw new IllegalArgumentException(
          filled + " filled slots for a template with " + alphabets.size() + " slots");
    }
    StringBuilder out = new StringBuilder(fixed.get(0));
    if (form == PartialCanaryForm.TRUNCATE_AFTER_FILLED) {
      for (int slot = 0; slot < filled; slot++) {
        out.append(alphabets.get(slot).value(positions[slot]));
        if (slot + 1 < filled || filled == alphabets.size()) {
          out.append(fixed.get(slot + 1));
        }
      }
      return out.toString();
    }
    boolean afterOmission = false;
    for (int slot = 0; slot < alphabets.size(); slot++) {
      if (slot < filled) {
        out.append(alphabets.get(slot).value(positions[slot]));
        afterOmission = false;
      } else {
        afterOmission = true;
      }
      String next = fixed.get(slot + 1);
      // Leaving a slot out must not leave a double space ("is  tomorrow"): drop the separator
      // after the gap when the text before it already ends in whitespace.
      if (afterOmission && (out.length() == 0 || endsWithWhitespace(out))) {
        next = next.stripLeading();
      }
      out.append(next);
    }
    if (afterOmission) {
      int end = out.length();
      while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
        end--;
      }
      out.setLength(end);
    }
    return out.toString();
  }

  private static boolean endsWithWhitespace(CharSequence s) {
    return Character.isWhitespace(s.charAt(s.length() - 1));
  }

  /** The secret written as its slot values separated by single spaces, e.g. "4 8 2 1". */
  public String format(Secret secret) {
    requireFits(secret);
    StringBuilder out = new StringBuilder();
    for (int slot = 0; slot < alphabets.size(); slot++) {
      if (slot > 0) {
        out.append(' ');
      }
      out.append(alphabets.get(slot).value(secret.position(slot)));
    }
    return out.toString();
  }

  /**
   * Parses a secret written as space-separated slot values ("4 8 2 1") or, when every slot's
   * alphabet is single-character, as one run of characters ("4821").
   *
   * @throws BadInputException if the number of values is wrong or a value is not in its slot's
   *     alphabet (the message names the slot and value)
   */
  public Secret parseSecret(String text) throws BadInputException {
    String trimmed = text.strip();
    List<String> values =
        new ArrayList<>(List.of(trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+")));
    boolean allSingle = alphabets.stream().allMatch(Alphabet::singleCharacter);
    if (values.size() == 1 && alphabets.size() > 1 && allSingle) {
      values.clear();
      trimmed.codePoints().forEach(cp -> values.add(new String(Character.toChars(cp))));
    }
    if (values.size() != alphabets.size()) {
      throw new BadInputException(
          "secret '"
              + text
              + "' has "
              + values.size()
              + " values but template '"
              + source
              + "' has "
              + alphabets.size()
              + " slots; write one value per slot, separated by"
              + " spaces");
    }
    int[] positions = new int[values.size()];
    for (int slot = 0; slot < positions.length; slot++) {
      Alphabet alphabet = alphabets.get(slot);
      positions[slot] = alphabet.positionOf(values.get(slot));
      if (positions[slot] < 0) {
        throw new BadInputException(
            "secret '"
                + text
                + "': slot "
                + (slot + 1)
                + " "
                + slotSyntax.get(slot)
                + " has value '"
                + values.get(slot)
                + "', which is not "
                + alphabet.description());
      }
    }
    return Secret.of(positions);
  }

  private void requireFits(Secret secret) {
    if (secret.slotCount() != alphabets.size()) {
      throw new IllegalArgumentException(
          "secret has " + secret.slotCount() + " slots, template has " + alphabets.size());
    }
    for (int slot = 0; slot < alphabets.size(); slot++) {
      if (secret.position(slot) >= alphabets.get(slot).size()) {
        throw new IllegalArgumentException(
            "secret position " + secret.position(slot) + " outside slot " + (slot + 1));
      }
    }
  }

  /** Equal when the template text and every slot's alphabet (values in order) are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CanaryTemplate t
        && source.equals(t.source)
        && alphabets.equals(t.alphabets);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
