package dev.trustml.cli;

import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds audit-kit files inside a bundle directory: the member and non-member CSVs and the canary
 * secrets tell who was trained on and what was planted, so a bundle that ships them gives the audit
 * away. trustml before the audit kit wrote the split into the bundle itself.
 */
final class BundleContents {
  private static final List<String> KIT_NAMES =
      List.of("members.csv", "nonmembers.csv", "secrets.json", "kit.json");

  private BundleContents() {}

  /** A one-line warning naming the files, or null when the bundle holds none. */
  static String auditFilesInside(ModelBundle bundle) {
    Path dir = bundle.dir().toAbsolutePath().normalize();
    Set<String> found = new LinkedHashSet<>();
    for (String name : KIT_NAMES) {
      if (Files.isRegularFile(dir.resolve(name))) {
        found.add(name);
      }
    }
    ModelCard card = bundle.card();
    List<String> named = new ArrayList<>();
    TrainingRecipe t = card.training();
    if (t != null) {
      named.add(t.membersFile());
      named.add(t.nonMembersFile());
    }
    named.add(card.secretsFile());
    for (String file : named) {
      if (file == null) {
        continue;
      }
      Path p = dir.resolve(file).normalize();
      if (p.startsWith(dir) && Files.isRegularFile(p)) {
        found.add(dir.relativize(p).toString());
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    return bundle.dir()
        + " holds "
        + String.join(", ", found)
        + ": member lists and canary secrets give the audit away; move them to an audit kit"
        + " outside the bundle before shipping it";
  }
}
