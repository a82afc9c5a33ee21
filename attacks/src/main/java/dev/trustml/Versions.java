package dev.trustml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of trustml and of the engine it was built against (recorded in provenance). */
public final class Versions {
  public static final String TRUSTML;
  public static final String DJL;
  public static final String PYTORCH;

  static {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TRUSTML = p.getProperty("trustml", "unknown");
    DJL = p.getProperty("djl", "unknown");
    PYTORCH = p.getProperty("pytorch", "unknown");
  }

  private Versions() {}
}
