package dev.trustml.cli;

import dev.trustml.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Prints a bad command line as one line (the problem, then a pointer to --help) and exits 2. One
 * line because CI logs and wrappers read the first line of stderr as the reason.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String problem = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; ");
    err.println(
        "trustml: "
            + problem
            + "; run '"
            + cl.getCommandSpec().qualifiedName()
            + " --help' for usage");
    err.flush();
    return ExitCode.USAGE.code();
  }
}
