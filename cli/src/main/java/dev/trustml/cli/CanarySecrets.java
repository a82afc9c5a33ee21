package dev.trustml.cli;

import dev.trustml.audit.CanaryAuditRequest;
import dev.trustml.audit.CanaryTarget;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.PlantedCanaryInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code audit canary} audits: the canaries it tests one by one (each with its secret when
 * known) and the audit set of a one-run audit, from {@code --canary}, the model card and the
 * secrets file ({@code --secrets}, else the bundle's).
 *
 * <p>A secrets file holds two kinds of canaries: always-planted ones (no {@code included} field),
 * each tested by its rank, and audit-set ones (with {@code included}), which together make the
 * one-run audit. Card entries that name an audit-set canary (same id, or the template only
 * audit-set canaries use) belong to the audit set and are not tested one by one.
 *
 * @param targets the canaries tested one by one
 * @param auditSet the audit set, empty when the secrets file has none
 */
record CanarySecrets(List<CanaryTarget> targets, List<PlantedCanary> auditSet) {
  static CanarySecrets resolve(
      ModelBundle bundle, Path explicitSecrets, String template, String label)
      throws BadInputException, UsageException {
    Path file = explicitSecrets != null ? explicitSecrets : bundle.secretsFile();
    List<PlantedCanary> all = file == null ? List.of() : SecretsJson.read(file);
    List<PlantedCanary> fixed = all.stream().filter(c -> c.included() == null).toList();
    List<PlantedCanary> auditSet = all.stream().filter(c -> c.included() != null).toList();
    checkAuditSet(file, auditSet, bundle.card().labels());
    List<CanaryTarget> targets = new ArrayList<>();
    if (template != null) {
      CanaryTemplate t = CanaryTemplate.parse(template, Path.of("").toAbsolutePath());
      PlantedCanary match = find(fixed, null, t.source(), label, null);
      if (match == null && explicitSecrets != null) {
        throw noSecret(file, t.source(), label, all);
      }
      targets.add(target("canary-1", t, label, null, match));
      return new CanarySecrets(targets, auditSet);
    }
    Set<String> auditIds =
        auditSet.stream().map(PlantedCanary::id).filter(Objects::nonNull).collect(toSet());
    Set<String> auditOnlyTemplates =
        auditSet.stream().map(c -> c.template().source()).collect(toSet());
    fixed.forEach(c -> auditOnlyTemplates.remove(c.template().source()));
    Set<PlantedCanary> used = new HashSet<>();
    for (PlantedCanaryInfo info : bundle.card().canaries()) {
      if (auditIds.contains(info.id()) || auditOnlyTemplates.contains(info.template())) {
        continue;
      }
      CanaryTemplate t = CanaryTemplate.parse(info.template(), bundle.dir());
      PlantedCanary match = find(fixed, info.id(), t.source(), info.label(), info.repetitions());
      if (match == null && explicitSecrets != null) {
        throw noSecret(file, t.source(), info.label(), all);
      }
      if (match != null) {
        used.add(match);
      }
      targets.add(target(info.id(), t, info.label(), info.repetitions(), match));
    }
    // Canaries of the secrets file the card does not name (e.g. trained by another pipeline).
    int n = 0;
    for (PlantedCanary c : fixed) {
      n++;
      if (!used.contains(c)) {
        String id = c.id() != null ? c.id() : "canary-" + n;
        targets.add(target(id, c.template(), c.label(), c.repetitions(), c));
      }
    }
    if (targets.isEmpty() && auditSet.isEmpty()) {
      throw new UsageException(
          "no --canary given, the model card records no planted canaries and there is no secrets"
              + " file with canaries; pass --canary TEMPLATE --label LABEL or --secrets FILE");
    }
    return new CanarySecrets(targets, auditSet);
  }

  private static CanaryTarget target(
      String id, CanaryTemplate t, String label, Integer repetitions, PlantedCanary match) {
    return new CanaryTarget(
        id,
        t,
        label,
        repetitions != null ? repetitions : match == null ? null : match.repetitions(),
        match == null ? null : match.secret(),
        match != null && match.uniformSecret());
  }

  /** By id when both have one, else by template, label and (when known) repetitions. */
  private static PlantedCanary find(
      List<PlantedCanary> planted, String id, String template, String label, Integer reps) {
    if (id != null) {
      for (PlantedCanary p : planted) {
        if (id.equals(p.id())) {
          return p;
        }
      }
    }
    for (PlantedCanary p : planted) {
      if (p.template().source().equals(template)
          && p.label().equals(label)
          && (reps == null || p.repetitions() == reps)
          && (id == null || p.id() == null)) {
        return p;
      }
    }
    return null;
  }

  private static BadInputException noSecret(
      Path file, String template, String label, List<PlantedCanary> all) {
    Set<String> held = new LinkedHashSet<>();
    for (PlantedCanary p : all) {
      held.add("'" + p.template().source() + "' (label " + p.label() + ")");
    }
    return new BadInputException(
        "secrets file "
            + file
            + " holds no secret for canary '"
            + template
            + "' with label "
            + label
            + "; it holds "
            + (held.isEmpty() ? "no canaries" : String.join(", ", held))
            + "; pass the secrets file written when this canary was planted");
  }

  private static void checkAuditSet(Path file, List<PlantedCanary> auditSet, List<String> labels)
      throws BadInputException {
    if (auditSet.isEmpty()) {
      return;
    }
    if (auditSet.size() < CanaryAuditRequest.MIN_AUDIT_SET) {
      throw new BadInputException(
          "secrets file "
              + file
              + " has an audit set of "
              + auditSet.size()
              + " canar"
              + (auditSet.size() == 1 ? "y" : "ies")
              + "; a one-run audit needs at least "
              + CanaryAuditRequest.MIN_AUDIT_SET
              + " (plant hundreds for a useful bound)");
    }
    for (PlantedCanary c : auditSet) {
      String name = c.id() == null ? "'" + c.secretText() + "'" : c.id();
      if (!labels.contains(c.label())) {
        throw new BadInputException(
            "secrets file "
                + file
                + " audit-set canary "
                + name
                + " has label '"
                + c.label()
                + "', which is not one of the model's labels ("
                + String.join(", ", labels)
                + "); plant the audit set with the labels the model was trained on");
      }
      if (c.repetitions() != 1) {
        throw new BadInputException(
            "secrets file "
                + file
                + " audit-set canary "
                + name
                + " has repetitions "
                + c.repetitions()
                + "; audit-set canaries are planted once each (\"repetitions\": 1)");
      }
    }
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return Collectors.toCollection(HashSet::new);
  }
}
