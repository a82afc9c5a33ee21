package dev.trustml.samples.bert;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.samples.SampleModelsDir;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One-run speed figures of the BERT-shaped fixture ({@code make bench-bert}; not a test): raw
 * forward throughput through libtorch and ONNX Runtime (one intra-op thread, batches of real
 * sentences padded to the batch's longest row, int64 inputs converted from {@code long[]} each
 * batch), and DJL's Hugging Face tokenizer in sentences/s. The architecture is the fixture's; the
 * weights are its seeded initial ones (speed does not depend on them).
 *
 * <p>Each figure is given per second of wall time and per second of this thread's CPU time: with
 * one intra-op thread both engines compute in the calling thread, so the second figure is what an
 * idle machine would show even when other processes share the cores. The tokenizer's batch call may
 * use more threads (Rust's rayon) unless {@code TOKENIZERS_PARALLELISM=false}.
 */
public final class BertThroughput {
  private static final double SECONDS = 4;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private BertThroughput() {}

  public static void main(String[] args) throws Exception {
    Path root = SampleModelsDir.root();
    Path dir = Files.createTempDirectory("trustml-bert-bench");
    Path tokenizer = dir.resolve(BertFixture.TOKENIZER_JSON);
    BertFixture.writeTokenizer(tokenizer, BertFixture.vocabularyFile(root));
    BertWeights w = BertInit.initial(BertFixture.config(30522), BertFixture.INIT_SEED);
    BertFixture.writeTorchScript(dir.resolve(BertFixture.MODEL_PT), w, BertSignature.DEFAULT);
    BertFixture.writeOnnx(dir.resolve(BertFixture.MODEL_ONNX), w, false);

    List<String> texts = new ArrayList<>();
    for (String f : new String[] {"sentiment/members.csv", "sentiment/nonmembers.csv"}) {
      try (LabeledCsvReader r = LabeledCsvReader.open(root.resolve(f), CsvColumns.DEFAULT)) {
        for (LabeledText row : r.readAll()) {
          texts.add(row.text());
        }
      }
    }
    try (HuggingFaceTokenizer t =
        HuggingFaceTokenizer.newInstance(
            tokenizer, Map.of("truncation", "true", "padding", "true", "maxLength", "64"))) {
      tokenizerSpeed(t, texts);
      for (int batch : new int[] {64, 256}) {
        List<long[][]> batches = batches(t, texts, batch);
        forwardSpeed("libtorch", "PyTorch", dir, Map.of(), batches, false);
        forwardSpeed(
            "onnxruntime",
            "OnnxRuntime",
            dir,
            Map.of("intraOpNumThreads", "1", "interOpNumThreads", "1"),
            batches,
            true);
      }
    }
  }

  private static void tokenizerSpeed(HuggingFaceTokenizer t, List<String> texts) {
    int n = 0;
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (SECONDS * 1e9);
    while (System.nanoTime() < end || n < texts.size()) {
      t.encode(texts.get(n % texts.size()));
      n++;
    }
    report("tokenizer encode (one sentence a call)", n, start, cpu, "sentences");
    n = 0;
    cpu = THREADS.getCurrentThreadCpuTime();
    start = System.nanoTime();
    end = start + (long) (SECONDS * 1e9);
    while (System.nanoTime() < end) {
      for (int from = 0; from < texts.size(); from += 256) {
        t.batchEncode(texts.subList(from, Math.min(texts.size(), from + 256)));
      }
      n += texts.size();
    }
    report("tokenizer batchEncode (256 a call, padded)", n, start, cpu, "sentences");
  }

  /** Each batch as {ids, mask} flattened, with its shape in row 2: {rows, length}. */
  private static List<long[][]> batches(HuggingFaceTokenizer t, List<String> texts, int size) {
    List<long[][]> out = new ArrayList<>();
    for (int from = 0; from + size <= texts.size(); from += size) {
      Encoding[] enc = t.batchEncode(texts.subList(from, from + size));
      int len = enc[0].getIds().length;
      long[] ids = new long[size * len];
      long[] mask = new long[size * len];
      for (int i = 0; i < size; i++) {
        System.arraycopy(enc[i].getIds(), 0, ids, i * len, len);
        System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * len, len);
      }
      out.add(new long[][] {ids, mask, {size, len}});
    }
    return out;
  }

  private static void forwardSpeed(
      String label,
      String engine,
      Path dir,
      Map<String, String> options,
      List<long[][]> batches,
      boolean named)
      throws Exception {
    try (Model model = Model.newInstance("bert", engine)) {
      model.load(dir, "model", options);
      long tokens = 0;
      long rows = 0;
      for (int pass = 0; pass < 2; pass++) {
        long n = 0;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (SECONDS * 1e9);
        int b = 0;
        while (pass == 0 ? b < 3 : System.nanoTime() < end) {
          long[][] batch = batches.get(b++ % batches.size());
          try (NDManager m = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch[2][0], batch[2][1]);
            NDArray ids = m.create(batch[0], shape);
            NDArray mask = m.create(batch[1], shape);
            if (named) {
              ids.setName(BertOnnx.INPUT_IDS);
              mask.setName(BertOnnx.ATTENTION_MASK);
            }
            NDList out =
                model
                    .getBlock()
                    .forward(new ParameterStore(m, false), new NDList(ids, mask), false);
            out.get(0).toFloatArray();
          }
          n += batch[2][0];
          tokens += batch[2][0] * batch[2][1];
          rows += batch[2][0];
        }
        if (pass == 1) {
          report(
              String.format(
                  Locale.ROOT,
                  "%s forward, batch %d (mean padded length %.1f)",
                  label,
                  batches.get(0)[2][0],
                  tokens / (double) rows),
              n,
              start,
              cpu,
              "examples");
        }
      }
    }
  }

  private static void report(String what, long n, long start, long cpuStart, String unit) {
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf(
        Locale.ROOT, "%-58s %,9.0f %s/s (%,9.0f per CPU second)%n", what, n / wall, unit, n / cpu);
  }
}
