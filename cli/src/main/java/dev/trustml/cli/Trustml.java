package dev.trustml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code trustml} command line. */
@Command(
    name = "trustml",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Audits how much a trained classifier leaks about its training data.",
    subcommands = {
      AuditCommand.class,
      TrainCommand.class,
      EpsilonCommand.class,
      ReportCommand.class,
      GateCommand.class,
      ModelCommand.class,
      CanaryGroupCommand.class,
      CompletionCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  ok",
      "  1  a CI gate check failed",
      "  2  usage error (bad option or value)",
      "  3  bad input (data, model, model card, policy)",
      "  4  internal error (a bug, or the native engine failed)"
    })
public final class Trustml implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the configured command line (used by {@link #main} and by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Trustml());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
    return cl;
  }

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    int exit;
    try {
      exit = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // Not exit 1: that code means "a CI gate check failed".
      System.err.println(
          "trustml: out of memory; give the JVM more heap, e.g. TRUSTML_JAVA_OPTS=-Xmx8g ./trustml"
              + " ...");
      exit = dev.trustml.error.ExitCode.INTERNAL.code();
    }
    System.exit(exit);
  }
}
