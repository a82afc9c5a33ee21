package dev.trustml.cli;

import picocli.CommandLine.Option;

/** Options every command shares (used as a picocli {@code @Mixin}). */
public final class CommonOptions {
  @Option(
      names = "--verbose",
      description = "Print stack traces and engine diagnostics on errors.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean verbose;
}
