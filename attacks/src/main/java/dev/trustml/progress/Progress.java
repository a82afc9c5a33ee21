package dev.trustml.progress;

/**
 * Reports how far long work has come (shadow-model training, enumeration, restarts). The library
 * calls it; the CLI draws it on stderr. Implementations must tolerate calls from several threads.
 */
public interface Progress {
  /** A progress that shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long n) {}

        @Override
        public void done() {}
      };

  /** Begins a task of {@code total} units ({@code total <= 0} when unknown). */
  void start(String task, long total);

  /** {@code n} more units are done. */
  void advance(long n);

  /** The task is finished. */
  void done();
}
