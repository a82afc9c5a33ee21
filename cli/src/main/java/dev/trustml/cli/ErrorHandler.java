package dev.trustml.cli;

import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and a documented exit code. Stack traces appear only
 * with {@code --verbose}. Library messages refer to settings in their own words; here each becomes
 * the option of the command that ran ({@link SettingOptions}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean verbose = isVerbose(parsed);
    if (ex instanceof TrustmlException te) {
      // The library words its settings; name the option this command takes for each.
      // An internal failure (the engine, an interrupted run) is worth a stack trace.
      boolean internal = te.exitCode() == ExitCode.INTERNAL;
      err.println(
          "trustml: "
              + te.message(s -> SettingOptions.optionOf(s, cl.getCommandSpec()))
              + (internal && !verbose ? " (run again with --verbose for the stack trace)" : ""));
      if (verbose) {
        te.printStackTrace(err);
      }
      err.flush();
      return te.exitCode().code();
    }
    err.println(
        "trustml: internal error: "
            + ex
            + (verbose ? "" : " (run again with --verbose for the stack trace and report it)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  static boolean isVerbose(ParseResult parsed) {
    ParseResult p = parsed;
    while (p != null) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
      p = p.subcommand();
    }
    return parsed != null && Arrays.asList(parsed.originalArgs().toArray()).contains("--verbose");
  }

  static int exitCodeOf(Throwable t) {
    return t instanceof TrustmlException te ? te.exitCode().code() : ExitCode.INTERNAL.code();
  }
}
