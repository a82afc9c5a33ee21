package dev.trustml.audit.shadow;

import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** Turns the failures of reference jobs into one error with one line per failed model. */
public final class ReferenceFailures {
  private ReferenceFailures() {}

  /**
   * One exception for every failure: the failure itself when alone, else a first line counting them
   * and one line per model. Exit 3 (bad input) when every failure is bad input (a train command
   * that failed, a model with other labels), else 4.
   */
  public static TrustmlException combine(List<TrustmlException> failures, int jobs) {
    if (failures.size() == 1) {
      return failures.get(0);
    }
    StringBuilder message =
        new StringBuilder(failures.size() + " of " + jobs + " reference models failed:");
    boolean allBadInput = true;
    for (TrustmlException f : failures) {
      message.append("\n  ").append(f.getMessage());
      allBadInput &= f.exitCode() == ExitCode.BAD_INPUT;
    }
    TrustmlException combined =
        new TrustmlException(
            allBadInput ? ExitCode.BAD_INPUT : ExitCode.INTERNAL,
            message.toString(),
            failures.get(0));
    return combined;
  }

  /** What went wrong in a job, as a trustml failure naming the model. */
  public static TrustmlException of(ReferenceJob job, Throwable cause, Path cacheDir) {
    Throwable c =
        cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
    if (c instanceof TrustmlException te) {
      return te;
    }
    if (c instanceof IOException io) {
      return new TrustmlException(
          ExitCode.INTERNAL,
          job.name()
              + ": cannot write the reference-model cache "
              + cacheDir
              + " ("
              + io
              + "); free space or choose another cache directory",
          io);
    }
    return new TrustmlException(ExitCode.INTERNAL, "training " + job.name() + " failed: " + c, c);
  }
}
