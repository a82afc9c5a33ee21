package dev.trustml.scoring;

import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Runs a {@link BatchReader} on its own thread, a few batches ahead of the caller, so that reading
 * and tokenising the CSV overlap the forward pass (on two cores the two halves take about the same
 * time; sequentially they add up). A fixed pool of {@link TokenizedBatch} buffers circulates
 * between the two threads, so memory is bounded by the pool, not the file.
 *
 * <p>Batches come out in file order. A failure of the reader (a bad row, a malformed file) is
 * handed over after the batches before it and rethrown on the caller's thread by {@link #next()},
 * as the same exception object; {@link #close()} stops and joins the reading thread however the
 * caller leaves.
 */
final class ReadAhead implements AutoCloseable {
  /** What the reading thread hands over: a batch, the end of the file, or its failure. */
  private record Handoff(TokenizedBatch batch, Throwable failure) {
    static final Handoff END = new Handoff(null, null);
  }

  private final BlockingQueue<TokenizedBatch> free;
  private final BlockingQueue<Handoff> ready;
  private final BatchReader reader;
  private final String what;
  private final Thread thread;
  private volatile boolean closing;

  /**
   * Starts reading at once.
   *
   * @param batches buffers in circulation (at least 2: one being filled, one being scored)
   * @param what the file, for the thread name and the interruption message
   */
  ReadAhead(BatchReader reader, int batches, Supplier<TokenizedBatch> newBatch, String what) {
    if (batches < 2) {
      throw new IllegalArgumentException("read-ahead needs at least 2 batches");
    }
    this.reader = reader;
    this.what = what;
    this.free = new ArrayBlockingQueue<>(batches);
    for (int i = 0; i < batches; i++) {
      free.add(newBatch.get());
    }
    // Room for every batch plus the end or a failure: the reading thread never blocks on put.
    this.ready = new ArrayBlockingQueue<>(batches + 1);
    this.thread = new Thread(this::read, "trustml-read-ahead " + what);
    thread.setDaemon(true);
    thread.start();
  }

  private void read() {
    try {
      boolean more = true;
      while (more && !closing) {
        TokenizedBatch b = free.take();
        more = reader.fill(b);
        if (b.size() > 0) {
          ready.put(new Handoff(b, null));
        } else {
          free.put(b);
        }
      }
      ready.put(Handoff.END);
    } catch (InterruptedException e) {
      // close() stopped us: nobody waits for more batches.
    } catch (Throwable t) { // handed to the caller's thread, which rethrows it
      if (!closing) {
        ready.add(new Handoff(null, t));
      }
    }
  }

  /**
   * The next batch in file order, or null after the last; rethrows the reading thread's failure.
   */
  TokenizedBatch next() throws TrustmlException {
    Handoff h;
    try {
      h = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrustmlException(ExitCode.INTERNAL, "interrupted while scoring " + what);
    }
    if (h.failure() != null) {
      throw rethrow(h.failure());
    }
    return h.batch();
  }

  /** Gives a scored batch back to the reading thread. */
  void recycle(TokenizedBatch b) {
    b.clear();
    free.add(b);
  }

  private static TrustmlException rethrow(Throwable t) {
    if (t instanceof TrustmlException e) {
      return e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new TrustmlException(ExitCode.INTERNAL, "reading failed: " + t, t);
  }

  /** Stops the reading thread (if still running) and waits for it. */
  @Override
  public void close() {
    closing = true;
    thread.interrupt();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
