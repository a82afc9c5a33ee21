package dev.trustml.canary;

/**
 * Progress of a long search, so a command-line front end can draw a bar. Calls come from the
 * searching thread: {@link #start} once, {@link #advance} after every scored batch, {@link #done}
 * once at the end (also when the search fails).
 */
public interface Progress {
  /** Does nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(long total) {}

        @Override
        public void advance(long scored) {}

        @Override
        public void done() {}
      };

  /** The search will score {@code total} candidates. */
  void start(long total);

  /** {@code scored} more candidates were scored. */
  void advance(long scored);

  /** The search finished. */
  void done();
}
