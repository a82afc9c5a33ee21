package dev.trustml.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The training benchmark measures every mode the bench's ratios are made of. */
class TrainBenchTest {
  @Test
  void measuresEveryModeOnce() throws Exception {
    List<TrainBench.Timing> t = TrainBench.measure(1, 1, 1, 200, 300);
    assertEquals(
        List.of(
            "sgd non-private",
            "sgd dp ghost lazy-noise",
            "sgd dp ghost eager-noise",
            "adam non-private",
            "adam dp ghost eager-noise",
            "sgd dp naive lazy-noise"),
        t.stream().map(TrainBench.Timing::mode).toList());
    for (TrainBench.Timing x : t) {
      assertTrue(x.cpuMsPerEpoch() > 0 && x.wallMsPerEpoch() > 0, x.toString());
    }
  }
}
