package dev.trustml.audit.shadow;

import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.ModelBundle;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Trains a reference model with the user's own command ({@link TrainCommandTemplate}) in a child
 * process: writes the model's training rows as a {@code text,label} CSV, runs {@code sh -c COMMAND}
 * in the current directory with stdout and stderr going to the model's log, and takes the model
 * bundle the command wrote. Numbers are reproducible when the command is (same rows, same seed,
 * same model).
 *
 * @param command the command template
 */
public record CommandTrainer(TrainCommandTemplate command) implements ReferenceTrainer {
  private static final long serialVersionUID = 1L;

  /** The copy of the command's log kept in the cache entry. */
  public static final String LOG_FILE = "train.log";

  /** Scratch space inside the entry being built: the CSV and the command's output directory. */
  private static final String WORK_DIR = ".work";

  @Override
  public void train(ReferenceWork work, ReferenceJob job, Path dir, Path log)
      throws IOException, TrustmlException, InterruptedException {
    Path scratch = dir.resolve(WORK_DIR);
    Path csv = scratch.resolve("train.csv");
    Path out = scratch.resolve("model");
    Files.createDirectories(out);
    LabeledCsvWriter.write(csv, work.audit().selected(job.in(), work.labels()));
    String line = command.expand(csv, out, job.seed());
    Files.createDirectories(log.toAbsolutePath().getParent());
    Files.writeString(
        log,
        "# trustml: " + job.description() + "\n# command: " + line + "\n",
        StandardCharsets.UTF_8);
    int status = run(line, log);
    if (status != 0) {
      throw new BadInputException(
          job.name() + ": the train command exited with status " + status + "; see its log " + log);
    }
    try {
      ModelBundle.open(out);
    } catch (BadInputException e) {
      throw new BadInputException(
          job.name()
              + ": the train command exited 0 but wrote no model bundle into {out_dir} ("
              + e.getMessage().replace(out.toString(), "{out_dir}")
              + "); see its log "
              + log);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(out)) {
      for (Path f : files) {
        Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.copy(log, dir.resolve(LOG_FILE), StandardCopyOption.REPLACE_EXISTING);
    ShadowCache.deleteTree(scratch);
  }

  /** Runs {@code line} with {@code sh -c}; on interruption the process and its children die. */
  private static int run(String line, Path log) throws TrustmlException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("sh", "-c", line)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new TrustmlException(
          ExitCode.INTERNAL, "cannot start 'sh' to run the train command: " + e.getMessage(), e);
    }
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      throw e;
    }
  }

  @Override
  public String describe() {
    return "trained by '" + command.template() + "'";
  }
}
