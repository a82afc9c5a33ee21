package dev.trustml.error;

/** The process exit codes trustml documents; CI pipelines branch on them. */
public enum ExitCode {
  /** Everything ran and every gate passed. */
  OK(0),
  /** The audit ran, but a CI gate check failed. */
  GATE_FAILED(1),
  /** The command line was wrong: unknown option, missing argument, value out of range. */
  USAGE(2),
  /** An input file (data, model, model card, policy, config) is missing or malformed. */
  BAD_INPUT(3),
  /** A bug or an environment failure (e.g. the native engine could not start). */
  INTERNAL(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric process exit code. */
  public int code() {
    return code;
  }
}
