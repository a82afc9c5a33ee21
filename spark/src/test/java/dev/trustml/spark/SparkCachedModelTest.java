package dev.trustml.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.audit.shadow.CommandTrainer;
import dev.trustml.audit.shadow.ReferenceExecutor;
import dev.trustml.audit.shadow.ReferenceExecutorProvider;
import dev.trustml.audit.shadow.ReferenceJob;
import dev.trustml.audit.shadow.ReferenceRows;
import dev.trustml.audit.shadow.ReferenceScores;
import dev.trustml.audit.shadow.ReferenceScoring;
import dev.trustml.audit.shadow.ReferenceWork;
import dev.trustml.audit.shadow.ShadowCache;
import dev.trustml.audit.shadow.TrainCommandTemplate;
import dev.trustml.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model already in the driver's cache is shipped to the task, which only scores it: the trainer
 * here would fail if it ran, and the scores equal the cached bundle's scores in this JVM.
 */
class SparkCachedModelTest {
  @TempDir Path tmp;

  @Test
  void aCachedModelIsScoredOnTheWorkerNotTrainedAgain() throws Exception {
    Path bundle = SparkExecutorTest.samples().resolve("sentiment/nodp");
    ShadowCache cache = new ShadowCache(tmp.resolve("cache"));
    String key = "ab".repeat(32);
    cache.obtain(
        key,
        "reference-model",
        "a copy of the sentiment sample model",
        dir -> {
          for (String f : List.of("model.pt", "vocab.txt", "trustml-model.json")) {
            Files.copy(bundle.resolve(f), dir.resolve(f));
          }
        });
    ReferenceRows rows =
        new ReferenceRows(
            new String[] {"a wonderful film", "the worst food ever", "it was fine"},
            new int[] {1, 0, 1});
    ReferenceWork work =
        new ReferenceWork(
            List.of("negative", "positive"),
            rows,
            null,
            new CommandTrainer(new TrainCommandTemplate("exit 9 # {train_csv} {out_dir}")));
    ReferenceJob job =
        new ReferenceJob(0, 1, 7, new boolean[] {true, false, true}, key, "a cached model");
    List<ReferenceScores> scores;
    try (ReferenceExecutor spark =
        ReferenceExecutorProvider.find("spark").orElseThrow().open("local[1]", Map.of())) {
      scores = spark.run(work, List.of(job), cache, Progress.NONE);
    }
    ReferenceScores expected = ReferenceScoring.score(work, 0, "the sample", bundle);
    assertEquals(1, scores.size());
    assertArrayEquals(expected.audit(), scores.get(0).audit());
    try (Stream<Path> s = Files.list(cache.dir())) {
      assertEquals(
          List.of(key), s.map(p -> p.getFileName().toString()).filter(ShadowCache::isKey).toList());
    }
  }
}
