package dev.trustml.cli;

import dev.trustml.error.Setting;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The option that sets each library {@link Setting}. The libraries word their messages without
 * command-line flags; the error handler names the option instead, so "FPR value 2.0 is outside (0,
 * 1)" reaches the user as "--fpr value 2.0 is outside (0, 1)".
 */
final class SettingOptions {
  private SettingOptions() {}

  /** The option for {@code setting}; a new setting does not compile until it has one here. */
  static String option(Setting setting) {
    return switch (setting) {
      case FPR -> "--fpr";
      case BOOTSTRAP -> "--bootstrap";
      case CONFIDENCE -> "--confidence";
      case DELTA -> "--delta";
      case ATTACK_LIST -> "--list-attacks";
      case CANARY_METHOD -> "--method";
      case REFERENCES -> "--reference";
      case SHADOW_MODELS -> "--shadow-models";
      case TRAIN_COMMAND -> "--train-command";
      case TEXT_COLUMN -> "--text-column";
      case LABEL_COLUMN -> "--label-column";
      case SECRETS_FILE -> "--secrets";
      case GATE_CHECK -> "--fail-if";
      case POLICY_FILE -> "--policy";
      case MAX_LENGTH -> "--max-length";
    };
  }

  /**
   * The option for {@code setting} when {@code command} has it, else null: the library's words
   * stay, rather than naming an option the user cannot give to this command.
   */
  static String optionOf(Setting setting, CommandSpec command) {
    String option = option(setting);
    return command != null && command.findOption(option) != null ? option : null;
  }
}
