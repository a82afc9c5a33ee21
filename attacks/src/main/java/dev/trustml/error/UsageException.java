package dev.trustml.error;

/** A command-line value is wrong or out of range (exit code 2). */
public class UsageException extends TrustmlException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(ExitCode.USAGE, message);
  }

  public UsageException(Message message) {
    super(ExitCode.USAGE, message);
  }

  public UsageException(Message message, Throwable cause) {
    super(ExitCode.USAGE, message, cause);
  }
}
