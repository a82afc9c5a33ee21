package dev.trustml.audit.shadow;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that builds a partial (not yet published) cache entry, encoded in the partial
 * directory's name so that the owner is known from the moment the directory exists: {@code
 * .partial-<key>-<host>-<pid>-<start millis>-<nonce>}.
 *
 * <p>The start time guards against a reused process id; the host name (the kernel's, which differs
 * between containers) keeps one machine from judging another machine's processes on a shared file
 * system.
 *
 * @param host the owner's host name, reduced to {@code [A-Za-z0-9-]}
 * @param pid the owner's process id
 * @param startMillis when the owner process started (epoch millis; 0 when unknown)
 */
record PartialOwner(String host, long pid, long startMillis) {
  static final String PREFIX = ".partial-";
  private static final Pattern NAME =
      Pattern.compile(
          "\\.partial-([0-9a-f]{64})-([A-Za-z0-9-]{1,64})-(\\d+)-(\\d+)-([0-9a-f]{16})");

  /** Process start times read twice can differ by rounding of the kernel's clock ticks. */
  private static final long START_TOLERANCE_MILLIS = 1_000;

  private static final String UNKNOWN_HOST = "unknown-host";
  private static final PartialOwner CURRENT = current(ProcessHandle.current());

  /** This process. */
  static PartialOwner current() {
    return CURRENT;
  }

  private static PartialOwner current(ProcessHandle self) {
    return new PartialOwner(
        thisHost(), self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  /** The directory name of a partial entry for {@code key} owned by this owner. */
  String partialName(String key, String nonce) {
    return PREFIX + key + "-" + host + "-" + pid + "-" + startMillis + "-" + nonce;
  }

  /** The key and owner of a partial directory name, or empty when the name is not one. */
  static Optional<Partial> parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Partial(
            m.group(1),
            new PartialOwner(m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)))));
  }

  /** A partial directory's key and owner. */
  record Partial(String key, PartialOwner owner) {}

  /** Whether the owner runs on this machine, so that its process id can be looked up. */
  boolean onThisHost() {
    return host.equals(CURRENT.host) && !host.equals(UNKNOWN_HOST);
  }

  /**
   * Whether the owner is still running (only meaningful {@link #onThisHost() on this host}): a
   * process with its id exists and started when the owner did.
   */
  boolean alive() {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    if (startMillis == 0) {
      return true;
    }
    Optional<Instant> started = p.get().info().startInstant();
    return started.isEmpty()
        || Math.abs(started.get().toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS;
  }

  /** The kernel's host name (per container on Linux), else the environment's, else the JDK's. */
  private static String thisHost() {
    String host = null;
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        host = Files.readString(kernel, StandardCharsets.US_ASCII).trim();
      }
    } catch (IOException e) {
      host = null;
    }
    if (host == null || host.isEmpty()) {
      host = System.getenv("HOSTNAME");
    }
    if (host == null || host.isEmpty()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = null;
      }
    }
    String safe = host == null ? "" : host.replaceAll("[^A-Za-z0-9-]", "-");
    if (safe.length() > 64) {
      safe = safe.substring(0, 64);
    }
    return safe.isEmpty() ? UNKNOWN_HOST : safe;
  }
}
