package dev.trustml.engine.pytorch;

import ai.djl.pytorch.engine.PtSymbolBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The argument names of a TorchScript method, read from libtorch's own declaration: calling a
 * method without arguments fails with a message that ends {@code Declaration: forward(__torch__.X
 * self, Tensor input_ids, Tensor attention_mask) -> Tensor}.
 */
final class Declarations {
  private static final Pattern DECLARATION =
      Pattern.compile("Declaration: forward\\((.*)\\)\\s*->");

  private Declarations() {}

  /**
   * The names of {@code forward}'s arguments without defaults, in order, or null when libtorch's
   * message shows no declaration.
   */
  static List<String> forwardArguments(PtSymbolBlock block) {
    try {
      block.forward().close();
      return List.of(); // takes no argument: no candidate will fit, the probe says so
    } catch (RuntimeException e) {
      return parse(e.getMessage());
    }
  }

  /** The required argument names in a libtorch error message, or null. */
  static List<String> parse(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = DECLARATION.matcher(message);
    if (!m.find()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<String> args = splitTopLevel(m.group(1));
    for (int i = 1; i < args.size(); i++) { // the first is self
      String arg = args.get(i).strip();
      if (arg.contains("=")) {
        break; // optional from here on: the probe passes only the required ones
      }
      int space = arg.lastIndexOf(' ');
      names.add(space < 0 ? arg : arg.substring(space + 1));
    }
    return names;
  }

  /** Splits at commas outside brackets ({@code Dict(str, Tensor) x} stays one argument). */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
