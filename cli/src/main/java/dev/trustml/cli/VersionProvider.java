package dev.trustml.cli;

import dev.trustml.Versions;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool version and the versions of the engine it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "trustml " + Versions.TRUSTML,
      "DJL " + Versions.DJL + ", PyTorch (libtorch) " + Versions.PYTORCH + " CPU",
      "Java " + System.getProperty("java.version")
    };
  }
}
