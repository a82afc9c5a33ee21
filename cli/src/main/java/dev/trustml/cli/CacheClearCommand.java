package dev.trustml.cli;

import dev.trustml.audit.shadow.CacheClearSummary;
import dev.trustml.audit.shadow.CacheInventory;
import dev.trustml.audit.shadow.ShadowCache;
import dev.trustml.error.TrustmlException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustml cache clear}: delete cached reference models. */
@Command(
    name = "clear",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Delete cached reference models (all, or those not used for --older-than), partial entries"
          + " of crashed audits and leftovers. Safe while other trustml processes run: entries"
          + " being built are kept, and an audit whose entry disappears builds it again. Deletes"
          + " only trustml cache entries: anything else in the directory is listed and kept. The"
          + " libtorch libraries (djl/) are kept.",
      "",
      "Examples:",
      "  ./trustml cache clear",
      "  ./trustml cache clear --older-than 30d"
    })
final class CacheClearCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin ShadowCacheOption cacheDir;

  @Option(
      names = "--older-than",
      paramLabel = "AGE",
      converter = CacheText.AgeConverter.class,
      description =
          "Only entries last used longer ago than AGE: a number and a unit, s, m, h, d or w"
              + " (e.g. 30d).")
  Duration olderThan;

  @Override
  public Integer call() throws TrustmlException {
    PrintWriter out = spec.commandLine().getOut();
    ShadowCache cache = new ShadowCache(cacheDir.checked());
    CacheClearSummary s = CacheInventory.clear(cache, olderThan, Instant.now());
    out.println(
        "removed "
            + s.entriesRemoved()
            + (s.entriesRemoved() == 1 ? " entry" : " entries")
            + (s.partialsRemoved() > 0
                ? " and " + s.partialsRemoved() + " partial entries of crashed runs"
                : "")
            + ", "
            + CacheText.bytes(s.bytesFreed())
            + ", from "
            + cache.dir());
    if (s.keptNewer() > 0) {
      out.println(
          "kept " + s.keptNewer() + " entries used in the last " + CacheText.age(olderThan));
    }
    if (!s.inUse().isEmpty()) {
      out.println(
          "kept "
              + s.inUse().size()
              + " that a running trustml holds or may be writing: "
              + String.join(", ", s.inUse()));
    }
    if (!s.notOurs().isEmpty()) {
      out.println(
          "left "
              + s.notOurs().size()
              + " that are not trustml cache entries: "
              + String.join(", ", s.notOurs()));
    }
    out.flush();
    return 0;
  }
}
