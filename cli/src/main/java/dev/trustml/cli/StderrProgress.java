package dev.trustml.cli;

import dev.trustml.progress.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws progress on stderr: a redrawn bar when stderr is a terminal, otherwise a plain line every
 * 10% (or every 10 s), so CI logs stay readable. Thread-safe.
 */
final class StderrProgress implements Progress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private String task = "";
  private long total;
  private long done;
  private long startNanos;
  private long lastDrawNanos;
  private int lastDecile = -1;
  private boolean printed;

  /** Tasks shorter than this print nothing in logs. */
  private static final long QUIET_NANOS = 2_000_000_000L;

  StderrProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** A progress for the current process: a bar when a person is watching. */
  static Progress forConsole(PrintWriter err, boolean quiet) {
    if (quiet) {
      return Progress.NONE;
    }
    return new StderrProgress(
        err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  @Override
  public synchronized void start(String task, long total) {
    this.task = task;
    this.total = total;
    this.done = 0;
    this.startNanos = System.nanoTime();
    this.lastDrawNanos = 0;
    this.lastDecile = -1;
    this.printed = false;
    if (terminal) {
      draw(true);
    }
  }

  @Override
  public synchronized void advance(long n) {
    done += n;
    draw(false);
  }

  @Override
  public synchronized void done() {
    done = Math.max(done, total);
    if (terminal) {
      draw(true);
      err.println();
    } else if (printed || (System.nanoTime() - startNanos) > QUIET_NANOS) {
      err.println(line((System.nanoTime() - startNanos) / 1e9, false));
    }
    err.flush();
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    double seconds = (now - startNanos) / 1e9;
    if (terminal) {
      if (!force && now - lastDrawNanos < 100_000_000L) {
        return;
      }
      lastDrawNanos = now;
      err.print("\r" + line(seconds, true));
      err.flush();
      return;
    }
    // In logs, quick tasks print nothing; slow ones a line per 10% (or per 10 s).
    if (now - startNanos < QUIET_NANOS) {
      return;
    }
    int decile = total > 0 ? (int) Math.min(9, done * 10 / total) : -1;
    boolean slow = now - lastDrawNanos > 10_000_000_000L;
    if (decile > lastDecile || slow) {
      lastDecile = Math.max(lastDecile, decile);
      lastDrawNanos = now;
      printed = true;
      err.println(line(seconds, false));
      err.flush();
    }
  }

  private String line(double seconds, boolean bar) {
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s: %,d done (%.1f s)", task, done, seconds);
    }
    double f = Math.min(1.0, (double) done / total);
    String eta =
        done > 0 && f < 1
            ? String.format(Locale.ROOT, ", ~%.0f s left", seconds * (1 / f - 1))
            : "";
    if (!bar) {
      return String.format(
          Locale.ROOT, "%s: %,d/%,d (%.0f%%, %.1f s%s)", task, done, total, 100 * f, seconds, eta);
    }
    int filled = (int) Math.round(f * WIDTH);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3.0f%% %,d/%,d %.1fs%s",
        task,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        100 * f,
        done,
        total,
        seconds,
        eta);
  }
}
