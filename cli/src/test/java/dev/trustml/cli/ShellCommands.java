package dev.trustml.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The simple commands of a shell script, split into words the way a POSIX shell would for the forms
 * CI files use: backslash-newline continuations, single and double quotes, backslash escapes,
 * {@code #} comments, {@code $NAME}/{@code ${NAME}} expansions and GitHub's {@code ${{ expr }}},
 * and commands separated by {@code ; & | && ||} or newlines. Not a shell: enough to find what a CI
 * file passes to trustml.
 */
final class ShellCommands {
  private final String text;
  private final UnaryOperator<String> lookup;
  private int i;

  private ShellCommands(String text, UnaryOperator<String> lookup) {
    this.text = text.replace("\\\n", "");
    this.lookup = lookup;
  }

  /**
   * The commands of {@code script}; {@code lookup} gives the value of a variable or {@code ${{
   * expression }}} (its name or expression text) and throws when it is unknown.
   */
  static List<List<String>> parse(String script, UnaryOperator<String> lookup) {
    return new ShellCommands(script, lookup).commands();
  }

  private List<List<String>> commands() {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == ';' || c == '&' || c == '|') {
        i++;
        flush(words, commands);
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else {
        words.add(word());
      }
    }
    flush(words, commands);
    return commands;
  }

  private static void flush(List<String> words, List<List<String>> commands) {
    if (!words.isEmpty()) {
      commands.add(List.copyOf(words));
      words.clear();
    }
  }

  private String word() {
    StringBuilder w = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|') {
        break;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        w.append(text, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
            w.append(text.charAt(i + 1));
            i += 2;
          } else if (text.charAt(i) == '$') {
            w.append(expansion());
          } else {
            w.append(text.charAt(i++));
          }
        }
        i++;
      } else if (c == '\\') {
        w.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '$') {
        w.append(expansion());
      } else {
        w.append(c);
        i++;
      }
    }
    return w.toString();
  }

  /** {@code ${{ expr }}}, {@code ${NAME}} or {@code $NAME} at {@code i}. */
  private String expansion() {
    if (text.startsWith("${{", i)) {
      int end = text.indexOf("}}", i);
      String expr = text.substring(i + 3, end).trim();
      i = end + 2;
      return lookup.apply(expr);
    }
    if (text.startsWith("${", i)) {
      int end = text.indexOf('}', i);
      String name = text.substring(i + 2, end);
      i = end + 1;
      return lookup.apply(name);
    }
    int start = ++i;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    return start == i ? "$" : lookup.apply(text.substring(start, i));
  }
}
