package dev.trustml.error;

import java.util.function.Function;

/**
 * A failure the user can act on. The message is one line that names the file, row or field and says
 * what to do; the CLI prints it without a stack trace and exits with {@link #exitCode()}. A message
 * built as a {@link Message} refers to the caller's inputs as {@link Setting}s, which the CLI names
 * by its options ({@link #message(Function)}).
 */
public class TrustmlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  // Not serialised: a deserialised exception keeps getMessage(), the library's wording.
  private final transient Message message;

  public TrustmlException(ExitCode exitCode, String message) {
    this(exitCode, Message.of(message), null);
  }

  public TrustmlException(ExitCode exitCode, String message, Throwable cause) {
    this(exitCode, Message.of(message), cause);
  }

  public TrustmlException(ExitCode exitCode, Message message) {
    this(exitCode, message, null);
  }

  public TrustmlException(ExitCode exitCode, Message message, Throwable cause) {
    super(message.toString(), cause);
    this.exitCode = exitCode;
    this.message = message;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** The message as parts, for wrapping it into another message without losing its settings. */
  public Message message() {
    return message != null ? message : Message.of(getMessage());
  }

  /**
   * The message with each {@link Setting} it refers to named by {@code names} (null: the library's
   * words).
   */
  public String message(Function<Setting, String> names) {
    return message().render(names);
  }
}
