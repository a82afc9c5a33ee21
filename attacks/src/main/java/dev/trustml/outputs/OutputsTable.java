package dev.trustml.outputs;

import dev.trustml.data.CsvTableReader;
import dev.trustml.data.RowKey;
import dev.trustml.error.BadInputException;
import dev.trustml.membership.ModelOutputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One precomputed-outputs file ({@link OutputsCsv}), read and checked; every problem is one line
 * naming the file, the row and the column. Columnar, in file order.
 */
public final class OutputsTable {
  private final Path file;

  /** {@code id} or {@code text}: what identifies a row (with its label). */
  private final String identity;

  /** The labels: the logit columns' in header order, else as they first appear. */
  private final List<String> labelNames;

  private final int size;
  private final long[] rowNumbers;
  private final long[] keys;
  private final int[] labels;

  /** Whether the file has a member column (else no row is a member). */
  private final boolean memberColumn;

  private final boolean[] member;
  private final boolean[] population;

  /** Whether the file has a population column (else no row is a population row). */
  private final boolean populationColumn;

  /** Row-major {@code size x labelNames.size()}, or null when the file gives losses. */
  private final float[] logits;

  /** Each row's loss, or null when the file gives logits. */
  private final double[] losses;

  /** Vocabulary coverage, or null when the file has none. */
  private final int[] tokens;

  private final int[] unknownTokens;
  private final float[] rarestToken;

  private OutputsTable(Builder b) {
    file = b.file;
    identity = b.identity;
    labelNames = List.copyOf(b.labelIndex.keySet());
    size = b.size;
    rowNumbers = Arrays.copyOf(b.rowNumbers, size);
    keys = Arrays.copyOf(b.keys, size);
    labels = Arrays.copyOf(b.labels, size);
    member = Arrays.copyOf(b.member, size);
    memberColumn = b.memberColumn >= 0;
    population = Arrays.copyOf(b.population, size);
    populationColumn = b.populationColumn >= 0;
    logits = b.logitColumns == null ? null : Arrays.copyOf(b.logits, size * b.logitColumns.length);
    losses = b.logitColumns == null ? Arrays.copyOf(b.losses, size) : null;
    boolean coverage = b.coverageColumns != null;
    tokens = coverage ? Arrays.copyOf(b.tokens, size) : null;
    unknownTokens = coverage ? Arrays.copyOf(b.unknownTokens, size) : null;
    rarestToken = coverage ? Arrays.copyOf(b.rarestToken, size) : null;
  }

  /** Reads and checks {@code file}, which must have a {@code member} column. */
  public static OutputsTable read(Path file) throws BadInputException {
    return read(file, true);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @param memberRequired whether the {@code member} column must be there (else it is optional:
   *     when a reader knows the IN rows from elsewhere, the column is only checked against them)
   */
  public static OutputsTable read(Path file, boolean memberRequired) throws BadInputException {
    try (CsvTableReader reader = CsvTableReader.open(file)) {
      Builder b = new Builder(reader, memberRequired);
      for (CsvTableReader.Row row; (row = reader.next()) != null; ) {
        b.add(row);
      }
      if (b.size == 0) {
        throw new BadInputException(file + ": header only, no rows; add one line per row");
      }
      return new OutputsTable(b);
    }
  }

  public Path file() {
    return file;
  }

  /** {@code id} or {@code text}: the column that identifies a row (with its label). */
  public String identity() {
    return identity;
  }

  /** The labels: the logit columns' in header order, else as they first appear. */
  public List<String> labelNames() {
    return labelNames;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** Each row's number in the file (1 for the first row after the header). */
  public long[] rowNumbers() {
    return rowNumbers;
  }

  /** Each row's {@link RowKey} of its identity and label. */
  public long[] keys() {
    return keys;
  }

  /** Each row's label, an index into {@link #labelNames()}. */
  public int[] labels() {
    return labels;
  }

  /** Whether the file has a member column. */
  public boolean hasMemberColumn() {
    return memberColumn;
  }

  /** Each row's member flag (all false without a member column). */
  public boolean[] member() {
    return member;
  }

  /** Each row's population flag (all false without a population column). */
  public boolean[] population() {
    return population;
  }

  /** Whether the file has a population column. */
  public boolean hasPopulationColumn() {
    return populationColumn;
  }

  /** Each row's loss, or null when the file gives logits. */
  public double[] losses() {
    return losses;
  }

  /** Each row's token count, or null without vocabulary columns. */
  public int[] tokens() {
    return tokens;
  }

  /** Each row's unknown-token count, or null without vocabulary columns. */
  public int[] unknownTokens() {
    return unknownTokens;
  }

  /** Each row's largest known token id over the vocabulary size, or null without them. */
  public float[] rarestToken() {
    return rarestToken;
  }

  public boolean hasLogits() {
    return logits != null;
  }

  public boolean hasCoverage() {
    return tokens != null;
  }

  /**
   * This file's outputs on the rows at {@code rows} (positions in this file), with the classes
   * numbered as in {@code classes}.
   *
   * @throws BadInputException when the logit columns name other labels than {@code classes}
   */
  public ModelOutputs outputs(String source, int[] rows, List<String> classes)
      throws BadInputException {
    int k = classes.size();
    int[] toClass = new int[labelNames.size()];
    for (int j = 0; j < toClass.length; j++) {
      toClass[j] = classes.indexOf(labelNames.get(j));
    }
    int[] y = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      y[r] = toClass[labels[rows[r]]];
    }
    if (logits == null) {
      double[] l = new double[rows.length];
      for (int r = 0; r < rows.length; r++) {
        l[r] = losses[rows[r]];
      }
      return ModelOutputs.ofLosses(source, k, y, l);
    }
    if (!hasLogitsOf(classes)) {
      throw new BadInputException(
          file
              + ": the logit columns name the labels "
              + labelNames
              + " but the audited model's are "
              + classes
              + "; give one logit column per label of the audited model");
    }
    float[] z = logits(rows, classes);
    return ModelOutputs.of(source, k, y, z);
  }

  /** Whether the logit columns name exactly {@code classes}, in any order. */
  public boolean hasLogitsOf(List<String> classes) {
    return logits != null && labelNames.size() == classes.size() && classes.containsAll(labelNames);
  }

  /**
   * This file's logits on the rows at {@code rows} (positions in this file), row-major {@code
   * rows.length x classes.size()}, with the classes numbered as in {@code classes}; call only when
   * {@link #hasLogitsOf} {@code classes}.
   */
  public float[] logits(int[] rows, List<String> classes) {
    int k = classes.size();
    float[] z = new float[rows.length * k];
    for (int j = 0; j < k; j++) {
      int c = classes.indexOf(labelNames.get(j));
      for (int r = 0; r < rows.length; r++) {
        z[r * k + c] = logits[rows[r] * k + j];
      }
    }
    return z;
  }

  /** Where row {@code i} is, for messages: {@code FILE row N}. */
  public String where(int i) {
    return file + " row " + rowNumbers[i];
  }

  /** Parses rows into growing columns. */
  private static final class Builder {
    private final Path file;
    private final String identity;
    private final int identityColumn;
    private final int labelColumn;
    private final int memberColumn;
    private final int populationColumn;
    private final int[] logitColumns;
    private final List<String> logitLabels = new ArrayList<>();
    private final int lossColumn;
    private final boolean confidence;
    private final int[] coverageColumns;
    private final Map<String, Integer> labelIndex = new LinkedHashMap<>();

    private int size;
    private long[] rowNumbers = new long[1024];
    private long[] keys = new long[1024];
    private int[] labels = new int[1024];
    private boolean[] member = new boolean[1024];
    private boolean[] population = new boolean[1024];
    private float[] logits;
    private double[] losses = new double[1024];
    private int[] tokens = new int[1024];
    private int[] unknownTokens = new int[1024];
    private float[] rarestToken = new float[1024];

    Builder(CsvTableReader reader, boolean memberRequired) throws BadInputException {
      file = reader.file();
      List<String> header = reader.header();
      List<Integer> logitIndex = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        String name = header.get(c);
        if (name.startsWith(OutputsCsv.LOGIT_PREFIX)) {
          String label = name.substring(OutputsCsv.LOGIT_PREFIX.length());
          if (label.isEmpty()) {
            throw new BadInputException(
                file + ": column '" + name + "' names no label; write logit:<label>");
          }
          logitLabels.add(label);
          logitIndex.add(c);
        } else if (!known(name)) {
          throw new BadInputException(
              file
                  + ": unknown column '"
                  + name
                  + "'; the columns are id and/or text, label, member, population,"
                  + " logit:<label> per label or loss or confidence, and tokens, unknown_tokens,"
                  + " rarest_token (see the precomputed-outputs format)");
        }
      }
      int id = reader.column(OutputsCsv.ID);
      identity = id >= 0 ? OutputsCsv.ID : OutputsCsv.TEXT;
      identityColumn = id >= 0 ? id : reader.column(OutputsCsv.TEXT);
      if (identityColumn < 0) {
        throw new BadInputException(
            file
                + ": no 'id' or 'text' column; name each row by its text, or by an id that is the"
                + " same for the same row in every file");
      }
      labelColumn = required(reader, OutputsCsv.LABEL, "each row's true label");
      memberColumn =
          memberRequired
              ? required(
                  reader, OutputsCsv.MEMBER, "1 for rows the model trained on, 0 for the others")
              : reader.column(OutputsCsv.MEMBER);
      populationColumn = reader.column(OutputsCsv.POPULATION);
      int loss = reader.column(OutputsCsv.LOSS);
      int conf = reader.column(OutputsCsv.CONFIDENCE);
      int kinds = (logitLabels.isEmpty() ? 0 : 1) + (loss >= 0 ? 1 : 0) + (conf >= 0 ? 1 : 0);
      if (kinds == 0) {
        throw new BadInputException(
            file
                + ": no outputs; add a logit:<label> column for every label, or a loss or a"
                + " confidence column");
      }
      if (kinds > 1) {
        throw new BadInputException(
            file
                + ": give the outputs one way: logit:<label> columns, or loss, or confidence, not"
                + " several");
      }
      if (logitLabels.size() == 1) {
        throw new BadInputException(
            file
                + ": one logit column ("
                + OutputsCsv.logitColumn(logitLabels.get(0))
                + "); give one per label, at least 2");
      }
      if (logitLabels.isEmpty()) {
        logitColumns = null;
      } else {
        logitColumns = logitIndex.stream().mapToInt(Integer::intValue).toArray();
        for (String label : logitLabels) {
          labelIndex.put(label, labelIndex.size());
        }
        logits = new float[1024 * logitColumns.length];
      }
      lossColumn = loss >= 0 ? loss : conf;
      confidence = conf >= 0;
      List<String> missing = new ArrayList<>();
      List<Integer> coverage = new ArrayList<>();
      for (String name : OutputsCsv.COVERAGE) {
        int c = reader.column(name);
        if (c < 0) {
          missing.add(name);
        }
        coverage.add(c);
      }
      if (!missing.isEmpty() && missing.size() < OutputsCsv.COVERAGE.size()) {
        throw new BadInputException(
            file
                + ": vocabulary columns come together; missing "
                + String.join(", ", missing)
                + " (or drop tokens, unknown_tokens and rarest_token)");
      }
      coverageColumns =
          missing.isEmpty() ? coverage.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    private static boolean known(String name) {
      return List.of(
                  OutputsCsv.ID,
                  OutputsCsv.TEXT,
                  OutputsCsv.LABEL,
                  OutputsCsv.MEMBER,
                  OutputsCsv.POPULATION,
                  OutputsCsv.LOSS,
                  OutputsCsv.CONFIDENCE)
              .contains(name)
          || OutputsCsv.COVERAGE.contains(name);
    }

    private int required(CsvTableReader reader, String name, String what) throws BadInputException {
      int c = reader.column(name);
      if (c < 0) {
        throw new BadInputException(
            file
                + ": no '"
                + name
                + "' column in the header (columns: "
                + String.join(", ", reader.header())
                + "); add it: "
                + what);
      }
      return c;
    }

    void add(CsvTableReader.Row row) throws BadInputException {
      grow();
      int i = size;
      rowNumbers[i] = row.number();
      String label = row.get(labelColumn);
      Integer index = labelIndex.get(label);
      if (index == null) {
        if (logitColumns != null) {
          throw problem(
              row,
              OutputsCsv.LABEL,
              "'"
                  + label
                  + "' is not one of the labels of the logit columns ("
                  + String.join(", ", labelIndex.keySet())
                  + ")");
        }
        index = labelIndex.size();
        labelIndex.put(label, index);
      }
      labels[i] = index;
      keys[i] = RowKey.of(row.get(identityColumn), label);
      member[i] = memberColumn >= 0 && flag(row, memberColumn, OutputsCsv.MEMBER);
      population[i] = populationColumn >= 0 && flag(row, populationColumn, OutputsCsv.POPULATION);
      if (logitColumns != null) {
        int k = logitColumns.length;
        for (int j = 0; j < k; j++) {
          logits[i * k + j] = logit(row, logitColumns[j], logitLabels.get(j));
        }
      } else {
        losses[i] = confidence ? lossOfConfidence(row) : loss(row);
      }
      if (coverageColumns != null && !(population[i] && coverageLeftEmpty(row))) {
        coverage(row, i);
      }
      size++;
    }

    /** Parsed straight to the nearest float (the precision logits are kept in). */
    private float logit(CsvTableReader.Row row, int column, String label) throws BadInputException {
      String name = OutputsCsv.logitColumn(label);
      String v = row.get(column).trim();
      float f;
      try {
        f = Float.parseFloat(v);
      } catch (NumberFormatException e) {
        throw problem(row, name, "'" + row.get(column) + "' is not a number");
      }
      if (!Float.isFinite(f)) {
        throw problem(row, name, v + " is not a finite 32-bit number");
      }
      return f;
    }

    private double loss(CsvTableReader.Row row) throws BadInputException {
      double loss = finite(row, lossColumn, OutputsCsv.LOSS);
      if (!(loss > 0)) {
        throw problem(
            row,
            OutputsCsv.LOSS,
            loss
                + " is not > 0; write -ln p(label) in double precision (from a log-softmax), or"
                + " give logits");
      }
      return loss;
    }

    private double lossOfConfidence(CsvTableReader.Row row) throws BadInputException {
      double p = finite(row, lossColumn, OutputsCsv.CONFIDENCE);
      if (!(p > 0 && p < 1)) {
        throw problem(
            row,
            OutputsCsv.CONFIDENCE,
            p
                + " is not in (0, 1); a confidence of exactly 0 or 1 carries no loss: give the"
                + " loss -ln p(label) in double precision, or logits");
      }
      return -Math.log(p);
    }

    /** Population rows may leave the vocabulary columns empty: the vocab attack reads none. */
    private boolean coverageLeftEmpty(CsvTableReader.Row row) {
      for (int c : coverageColumns) {
        if (!row.get(c).isBlank()) {
          return false;
        }
      }
      return true;
    }

    private void coverage(CsvTableReader.Row row, int i) throws BadInputException {
      tokens[i] = count(row, coverageColumns[0], OutputsCsv.TOKENS);
      unknownTokens[i] = count(row, coverageColumns[1], OutputsCsv.UNKNOWN_TOKENS);
      if (unknownTokens[i] > tokens[i]) {
        throw problem(
            row,
            OutputsCsv.UNKNOWN_TOKENS,
            unknownTokens[i] + " is more than the row's " + tokens[i] + " tokens");
      }
      double rarest = finite(row, coverageColumns[2], OutputsCsv.RAREST_TOKEN);
      if (!(rarest >= 0 && rarest <= 1)) {
        throw problem(
            row,
            OutputsCsv.RAREST_TOKEN,
            rarest + " is not in [0, 1] (the largest known token id over the vocabulary size)");
      }
      rarestToken[i] = (float) rarest;
    }

    private boolean flag(CsvTableReader.Row row, int column, String name) throws BadInputException {
      String v = row.get(column).trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "1", "true" -> true;
        case "0", "false" -> false;
        default -> throw problem(row, name, "'" + row.get(column) + "' is not 1 or 0");
      };
    }

    private double finite(CsvTableReader.Row row, int column, String name)
        throws BadInputException {
      String v = row.get(column).trim();
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw problem(row, name, "'" + row.get(column) + "' is not a number");
      }
      if (!Double.isFinite(d)) {
        throw problem(row, name, v + " is not a finite number");
      }
      return d;
    }

    private int count(CsvTableReader.Row row, int column, String name) throws BadInputException {
      try {
        int n = Integer.parseInt(row.get(column).trim());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw problem(row, name, "'" + row.get(column) + "' is not a whole number >= 0");
    }

    private BadInputException problem(CsvTableReader.Row row, String column, String what) {
      return new BadInputException(
          file
              + " row "
              + row.number()
              + " (line "
              + row.line()
              + "), column "
              + column
              + ": "
              + what);
    }

    private void grow() {
      if (size < rowNumbers.length) {
        return;
      }
      int cap = size * 2;
      rowNumbers = Arrays.copyOf(rowNumbers, cap);
      keys = Arrays.copyOf(keys, cap);
      labels = Arrays.copyOf(labels, cap);
      member = Arrays.copyOf(member, cap);
      population = Arrays.copyOf(population, cap);
      losses = Arrays.copyOf(losses, cap);
      tokens = Arrays.copyOf(tokens, cap);
      unknownTokens = Arrays.copyOf(unknownTokens, cap);
      rarestToken = Arrays.copyOf(rarestToken, cap);
      if (logits != null) {
        logits = Arrays.copyOf(logits, cap * logitColumns.length);
      }
    }
  }
}
