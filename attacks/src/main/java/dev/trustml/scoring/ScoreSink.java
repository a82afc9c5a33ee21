package dev.trustml.scoring;

import dev.trustml.error.TrustmlException;

/** Receives scored examples in file order, one at a time. */
@FunctionalInterface
public interface ScoreSink {
  void accept(ScoredExample example) throws TrustmlException;
}
