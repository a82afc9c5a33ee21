package dev.trustml.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code trustml} command line. */
@Command(
    name = "trustml",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Audits how much a trained classifier leaks about its training data.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  ok",
      "  1  a CI gate check failed",
      "  2  usage error (bad option or value)",
      "  3  bad input (data, model, model card, policy)",
      "  4  internal error (a bug, or the native engine failed)"
    })
public final class Trustml implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          AuditCommand.class,
          TrainCommand.class,
          EpsilonCommand.class,
          ReportCommand.class,
          GateCommand.class,
          ModelCommand.class,
          CanaryGroupCommand.class,
          ShadowCommand.class,
          CacheCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  // Commands that need every subcommand in full: help prints any command's usage, completion
  // writes every option of every command.
  private static final Set<String> NEED_WHOLE_TREE = Set.of("help", "completion");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line with every subcommand (what picocli's tools and tests see). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Trustml());
    for (Class<?> sub : SUBCOMMANDS) {
      cl.addSubcommand(new CommandLine(sub, CommandLine.defaultFactory()));
    }
    return configured(cl);
  }

  /**
   * The configured command line for running {@code args}: only the subcommand that {@code args}
   * names is built in full; the others are outlines with their name and description, which is all
   * the top-level usage shows. Building every command's options by reflection is most of what
   * {@code trustml --help} used to cost (about half its CPU time, measured by make bench); the
   * usage text and every command's behaviour are the same as with {@link #commandLine()}.
   */
  public static CommandLine commandLineFor(String... args) {
    String first = args.length == 0 ? "" : args[0];
    if (NEED_WHOLE_TREE.contains(first)) {
      return commandLine();
    }
    CommandLine cl = new CommandLine(new Trustml());
    for (Class<?> sub : SUBCOMMANDS) {
      Command c = sub.getAnnotation(Command.class);
      if (c.name().equals(first) || List.of(c.aliases()).contains(first)) {
        cl.addSubcommand(new CommandLine(sub, CommandLine.defaultFactory()));
      } else {
        cl.addSubcommand(c.name(), outline(c));
      }
    }
    return configured(cl);
  }

  /** A subcommand as the parent's usage lists it: name, aliases, header, description, hidden. */
  private static CommandSpec outline(Command c) {
    CommandSpec spec = CommandSpec.create().name(c.name()).aliases(c.aliases());
    spec.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
    return spec;
  }

  private static CommandLine configured(CommandLine cl) {
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
    return cl;
  }

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    int exit;
    try {
      exit = commandLineFor(args).execute(args);
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
