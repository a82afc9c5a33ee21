package dev.trustml.bench;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.TokenBatch;
import dev.trustml.scoring.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scoring speed of a bundle made by {@code model init} from an exported model (the BERT-shaped
 * fixture in {@code make bench}): the audit path (CSV read and tokenised on the read-ahead thread,
 * forward pass, softmax and loss) against a raw loop of forward passes over the same batches
 * tokenised beforehand. Best of three rounds after a warm-up.
 */
final class BertScoringBench {
  /** One measured figure. */
  record Figure(String name, double value, String unit, String goal) {}

  private BertScoringBench() {}

  /** Measures {@code bundle} on the sample's sentiment rows, {@code copies} times over. */
  static List<Figure> measure(Path bundle, Path samples, int copies) throws Exception {
    List<LabeledText> rows = new ArrayList<>();
    for (String f : new String[] {"sentiment/members.csv", "sentiment/nonmembers.csv"}) {
      try (LabeledCsvReader r = LabeledCsvReader.open(samples.resolve(f), CsvColumns.DEFAULT)) {
        rows.addAll(r.readAll());
      }
    }
    Path csv = Files.createTempFile("trustml-bench-bert-", ".csv");
    try {
      List<LabeledText> copied = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int c = 0; c < copies; c++) {
        for (LabeledText t : rows) {
          copied.add(t);
          texts.add(t.text());
        }
      }
      LabeledCsvWriter.write(csv, copied);
      long n = texts.size();
      try (Classifier m = Classifiers.open(ModelBundle.open(bundle), false)) {
        int batchSize = m.preferredBatchSize();
        List<TokenBatch> batches = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += batchSize) {
          batches.add(m.batch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        double raw = 0;
        double audit = 0;
        double tokenise = Double.POSITIVE_INFINITY;
        long padded = 0;
        for (TokenBatch t : batches) {
          padded += (long) t.rows() * t.length();
        }
        for (int round = 0; round < 4; round++) { // the first round warms up
          long s = System.nanoTime();
          for (TokenBatch t : batches) {
            m.logits(t);
          }
          double r = n / ((System.nanoTime() - s) / 1e9);
          s = System.nanoTime();
          new Scorer(m).score(csv, CsvColumns.DEFAULT, e -> {});
          double a = n / ((System.nanoTime() - s) / 1e9);
          s = System.nanoTime();
          long[] ids = new long[m.card().maxLength()];
          for (String text : texts) {
            m.tokenizer().encodeInto(text, ids.length, ids, 0);
          }
          double tok = (System.nanoTime() - s) / 1e3 / n;
          if (round > 0) {
            raw = Math.max(raw, r);
            audit = Math.max(audit, a);
            tokenise = Math.min(tokenise, tok);
          }
        }
        String what = "BERT-shaped " + m.info().format() + " (batches of " + batchSize + ")";
        return List.of(
            new Figure(what + ": raw forward loop (pre-tokenised)", raw, "examples/s", null),
            new Figure(
                what + ": audit path (CSV + tokenise + forward + loss)", audit, "examples/s", null),
            new Figure(what + ": audit / raw forward", audit / raw, "ratio", "goal >= 0.9"),
            new Figure(what + ": raw forward, per row", 1e6 / raw, "us/row", null),
            new Figure(what + ": tokenise alone, per row", tokenise, "us/row", null),
            new Figure(what + ": mean padded length", (double) padded / n, "tokens", null));
      }
    } finally {
      Files.deleteIfExists(csv);
    }
  }
}
