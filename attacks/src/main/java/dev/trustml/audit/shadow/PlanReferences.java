package dev.trustml.audit.shadow;

import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.progress.Progress;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reference models trained by the user from a plan ({@link ReferencePlanFile}): every planned model
 * must have its result where the plan says, and each audit row must be a pool row, so that every
 * model's IN rows are known. Audit row i is matched to a pool row by its hash (the k-th audit row
 * with a given text and label to the k-th such pool row), so that a plan written from the audit
 * rows gives each row the IN/OUT pattern {@code --shadow-models} gives it for the same seed.
 * Population rows are IN for a model when any pool row equal to them is.
 */
public final class PlanReferences {
  /**
   * Rows of the audit.
   *
   * @param texts texts
   * @param labels label indices
   * @param keys {@link RowKey}s
   */
  public record Rows(String[] texts, int[] labels, long[] keys) {}

  private PlanReferences() {}

  /**
   * Checks the plan's results against the plan and the audit, and scores the rows with each.
   *
   * @param labels the target's labels
   * @param targetModelSha256 the SHA-256 of the target's model file
   * @param population population rows, or null
   * @param threads models scored at once
   * @throws BadInputException listing every missing, extra or mismatched model, one line each
   */
  public static ReferenceSet collect(
      Path planDir,
      List<String> labels,
      String targetModelSha256,
      Rows audit,
      Rows population,
      int threads,
      Progress progress)
      throws TrustmlException {
    ReferencePlanFile plan = ReferencePlanFile.read(planDir);
    int poolRows = plan.pool().rows();
    long[] poolKeys = new long[poolRows];
    for (int i = 0; i < poolRows; i++) {
      poolKeys[i] = Long.parseUnsignedLong(plan.pool().rowHashes().get(i), 16);
    }
    int[] auditToPool = matchAuditRows(planDir, poolKeys, audit.keys());
    Map<Long, List<Integer>> poolPositions = positions(poolKeys);

    List<ReferencePlanFile.Model> models = plan.models();
    boolean[][] in = new boolean[models.size()][];
    boolean[][] populationIn = population == null ? null : new boolean[models.size()][];
    List<PlannedResult> results = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      ReferencePlanFile.Model model = models.get(m);
      boolean[] poolIn = model.in(poolRows);
      in[m] = new boolean[auditToPool.length];
      for (int i = 0; i < auditToPool.length; i++) {
        in[m][i] = poolIn[auditToPool[i]];
      }
      if (population != null) {
        populationIn[m] = new boolean[population.keys().length];
        for (int j = 0; j < populationIn[m].length; j++) {
          for (int p : poolPositions.getOrDefault(population.keys()[j], List.of())) {
            populationIn[m][j] |= poolIn[p];
          }
        }
      }
      Path resultPath = planDir.resolve(model.result());
      PlannedResult result;
      try {
        result = PlannedResult.at(resultPath);
      } catch (BadInputException e) {
        problems.add(model.id() + ": mismatched: " + e.getMessage());
        results.add(null);
        continue;
      }
      if (result == null) {
        problems.add(
            model.id()
                + ": missing: nothing at "
                + resultPath
                + "; train it on "
                + planDir.resolve(model.trainCsv())
                + " and write the model there (a model bundle, or its outputs as "
                + PlannedResult.OUTPUTS_FILE
                + ")");
      } else {
        long[] inKeys = new long[model.inRows()];
        int k = 0;
        for (int i = 0; i < poolRows && k < inKeys.length; i++) {
          if (poolIn[i]) {
            inKeys[k++] = poolKeys[i];
          }
        }
        Arrays.sort(inKeys);
        for (String p :
            result.problems(
                new PlannedResult.Expected(
                    labels,
                    targetModelSha256,
                    model.trainCsvSha256(),
                    inKeys,
                    poolKeys,
                    poolIn,
                    audit.keys(),
                    population == null ? null : population.keys()))) {
          problems.add(model.id() + ": mismatched: " + p);
        }
      }
      results.add(result);
    }
    problems.addAll(extras(planDir, plan));
    if (problems.size() == 1) {
      throw new BadInputException(planDir + ": " + problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(
          planDir
              + ": "
              + problems.size()
              + " problems with the plan's "
              + models.size()
              + " reference models, one per line:\n  "
              + String.join("\n  ", problems));
    }

    ReferenceRows auditRows = new ReferenceRows(audit.texts(), audit.labels());
    ReferenceRows populationRows =
        population == null ? null : new ReferenceRows(population.texts(), population.labels());
    ReferenceWork work = new ReferenceWork(labels, auditRows, populationRows, null);
    List<ReferenceScores> scores = score(work, models, results, threads, progress);
    List<ModelOutputs> outputs = new ArrayList<>();
    List<ModelOutputs> populationOutputs = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      String name = "reference " + models.get(m).id();
      outputs.add(ModelOutputs.of(name, labels.size(), audit.labels(), scores.get(m).audit()));
      if (population != null) {
        populationOutputs.add(
            ModelOutputs.of(
                name + " (population)",
                labels.size(),
                population.labels(),
                scores.get(m).population()));
      }
    }
    return new ReferenceSet(outputs, in, populationOutputs, populationIn);
  }

  /** For each audit row, its pool row: the k-th row with a hash to the k-th pool row with it. */
  static int[] matchAuditRows(Path planDir, long[] poolKeys, long[] auditKeys)
      throws BadInputException {
    Map<Long, List<Integer>> positions = positions(poolKeys);
    Map<Long, Integer> used = new HashMap<>();
    int[] out = new int[auditKeys.length];
    int missing = 0;
    int first = -1;
    for (int i = 0; i < auditKeys.length; i++) {
      List<Integer> at = positions.get(auditKeys[i]);
      int k = used.merge(auditKeys[i], 1, Integer::sum) - 1;
      if (at == null || k >= at.size()) {
        missing++;
        first = first < 0 ? i : first;
        continue;
      }
      out[i] = at.get(k);
    }
    if (missing > 0) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: %d of %d audit rows are not in the plan's pool (the first is audit row %d,"
                  + " counting members then non-members); a plan's models must have trained on"
                  + " known rows: plan with the audited rows",
              planDir,
              missing,
              auditKeys.length,
              first + 1));
    }
    return out;
  }

  private static Map<Long, List<Integer>> positions(long[] keys) {
    Map<Long, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      positions.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
    }
    return positions;
  }

  /** Results in the models directory that the plan does not name. */
  private static List<String> extras(Path planDir, ReferencePlanFile plan) {
    Set<Path> planned = new HashSet<>();
    for (ReferencePlanFile.Model m : plan.models()) {
      Path result = planDir.resolve(m.result()).normalize();
      planned.add(result);
      // trustml train writes the audit kit beside the bundle: DIR.audit.
      planned.add(result.resolveSibling(result.getFileName() + ".audit"));
    }
    Set<Path> dirs = new HashSet<>();
    for (Path p : planned) {
      dirs.add(p.getParent());
    }
    List<String> out = new ArrayList<>();
    for (Path dir : dirs) {
      try (DirectoryStream<Path> s = java.nio.file.Files.newDirectoryStream(dir)) {
        for (Path child : s) {
          String name = child.getFileName().toString();
          if (!name.startsWith(".") && !planned.contains(child.normalize())) {
            out.add(
                name
                    + ": extra: "
                    + child
                    + " is not one of the plan's "
                    + plan.models().size()
                    + " models; remove it or move it out of "
                    + dir);
          }
        }
      } catch (IOException e) {
        // No models directory: every model is reported missing.
      }
    }
    out.sort(null);
    return out;
  }

  private static List<ReferenceScores> score(
      ReferenceWork work,
      List<ReferencePlanFile.Model> models,
      List<PlannedResult> results,
      int threads,
      Progress progress)
      throws TrustmlException {
    progress.start("reference models (plan)", models.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, models.size())));
    try {
      List<Future<ReferenceScores>> futures = new ArrayList<>();
      for (int m = 0; m < models.size(); m++) {
        final int index = m;
        futures.add(
            pool.submit(
                () -> {
                  ReferenceScores s = results.get(index).score(work, index, models.get(index).id());
                  progress.advance(1);
                  return s;
                }));
      }
      List<ReferenceScores> out = new ArrayList<>();
      for (Future<ReferenceScores> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TrustmlException te) {
            throw te;
          }
          throw new TrustmlException(
              ExitCode.INTERNAL, "scoring a reference model failed: " + e.getCause(), e);
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrustmlException(ExitCode.INTERNAL, "interrupted while scoring reference models");
    } finally {
      pool.shutdownNow();
      progress.done();
    }
  }
}
