package dev.trustml.audit.shadow;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's training command, run by {@code sh -c} once per reference model, with placeholders:
 * {@value #TRAIN_CSV} (the model's training rows, a {@code text,label} CSV), {@value #OUT_DIR}
 * (where it must write its model bundle) and optionally {@value #SEED} (the model's seed). Paths
 * are substituted shell-quoted, so the placeholders must not be quoted in the template.
 *
 * @param template the command with placeholders
 */
public record TrainCommandTemplate(String template) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String TRAIN_CSV = "{train_csv}";
  public static final String OUT_DIR = "{out_dir}";
  public static final String SEED = "{seed}";

  /** A placeholder: {name} in lower case, not shell parameter expansion (${name}). */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([a-z_]+)\\}");

  private static final Set<String> KNOWN = Set.of(TRAIN_CSV, OUT_DIR, SEED);

  public TrainCommandTemplate {
    String problem = problem(template);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** What is wrong with {@code template} (one phrase), or null when it can be used. */
  public static String problem(String template) {
    if (template == null || template.isBlank()) {
      return "the train command is empty; give e.g. 'python train.py {train_csv} {out_dir}'";
    }
    Set<String> found = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      String p = m.group();
      if (!KNOWN.contains(p)) {
        return "the train command has the unknown placeholder "
            + p
            + "; the placeholders are {train_csv}, {out_dir} and {seed}";
      }
      found.add(p);
    }
    if (!found.contains(TRAIN_CSV) || !found.contains(OUT_DIR)) {
      return "the train command must contain {train_csv} (the model's training rows) and"
          + " {out_dir} (where it writes the model bundle); got '"
          + template
          + "'";
    }
    return null;
  }

  /** The command line for one model: paths shell-quoted, the seed as a number. */
  public String expand(Path trainCsv, Path outDir, long seed) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group()) {
            case TRAIN_CSV -> quote(trainCsv.toAbsolutePath().toString());
            case OUT_DIR -> quote(outDir.toAbsolutePath().toString());
            default -> Long.toString(seed);
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code s} as one POSIX shell word. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
