package dev.trustml.canary;

import dev.trustml.progress.Progress;

/** Progress that records the calls, to check the contract start-once / advances / done-once. */
final class RecordingProgress implements Progress {
  int starts;
  int dones;
  long total = -1;
  long advanced;

  @Override
  public void start(String task, long total) {
    starts++;
    this.total = total;
  }

  @Override
  public void advance(long scored) {
    if (starts != 1 || dones != 0) {
      throw new AssertionError("advance outside start/done");
    }
    advanced += scored;
  }

  @Override
  public void done() {
    dones++;
  }
}
