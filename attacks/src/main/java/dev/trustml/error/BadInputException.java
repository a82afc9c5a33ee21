package dev.trustml.error;

/** An input file or its content is wrong (exit code 3). */
public class BadInputException extends TrustmlException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(ExitCode.BAD_INPUT, message);
  }

  public BadInputException(String message, Throwable cause) {
    super(ExitCode.BAD_INPUT, message, cause);
  }

  public BadInputException(Message message) {
    super(ExitCode.BAD_INPUT, message);
  }

  public BadInputException(Message message, Throwable cause) {
    super(ExitCode.BAD_INPUT, message, cause);
  }
}
