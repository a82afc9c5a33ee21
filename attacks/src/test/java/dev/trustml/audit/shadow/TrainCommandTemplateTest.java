package dev.trustml.audit.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user's train command: placeholders checked, values shell-quoted. */
class TrainCommandTemplateTest {
  @Test
  void pathsAreShellQuotedAndTheSeedIsANumber() throws Exception {
    TrainCommandTemplate t =
        new TrainCommandTemplate(
            "python train.py --data {train_csv} --out {out_dir} --seed {seed}");
    String line = t.expand(Path.of("/data/it's here/train.csv"), Path.of("/out dir"), -42);
    assertEquals(
        "python train.py --data '/data/it'\"'\"'s here/train.csv' --out '/out dir' --seed -42",
        line);
    // What sh makes of it: the exact paths as single words.
    Process p =
        new ProcessBuilder("sh", "-c", "printf '%s\\n' " + line.substring(line.indexOf("'/data")))
            .start();
    List<String> words = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertEquals(List.of("/data/it's here/train.csv", "--out", "/out dir", "--seed", "-42"), words);
  }

  @Test
  void trainCsvAndOutDirAreRequiredAndUnknownPlaceholdersRefused() {
    assertNull(TrainCommandTemplate.problem("cp -r x {out_dir} # {train_csv}"));
    assertTrue(TrainCommandTemplate.problem("train {train_csv}").contains("must contain"));
    assertTrue(TrainCommandTemplate.problem("train {out_dir}").contains("must contain"));
    assertTrue(TrainCommandTemplate.problem("  ").contains("empty"));
    assertTrue(
        TrainCommandTemplate.problem("t {train_csv} {out_dir} {epochs}")
            .contains("unknown placeholder {epochs}"));
    assertThrows(IllegalArgumentException.class, () -> new TrainCommandTemplate("t {train_csv}"));
  }

  @Test
  void shellParameterExpansionIsNotAPlaceholder() {
    TrainCommandTemplate t =
        new TrainCommandTemplate("${PYTHON:-python} t.py {train_csv} {out_dir} ${HOME}/x {a,b}");
    assertEquals(
        "${PYTHON:-python} t.py '/a.csv' '/o' ${HOME}/x {a,b}",
        t.expand(Path.of("/a.csv"), Path.of("/o"), 1));
  }
}
