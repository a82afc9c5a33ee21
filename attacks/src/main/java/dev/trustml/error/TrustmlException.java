package dev.trustml.error;

/**
 * A failure the user can act on. The message is one line that names the file, row or field and says
 * what to do; the CLI prints it without a stack trace and exits with {@link #exitCode()}.
 */
public class TrustmlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public TrustmlException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public TrustmlException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
