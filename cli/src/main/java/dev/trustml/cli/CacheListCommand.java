package dev.trustml.cli;

import dev.trustml.audit.shadow.CacheInventory;
import dev.trustml.audit.shadow.CacheItem;
import dev.trustml.audit.shadow.ShadowCache;
import dev.trustml.error.TrustmlException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml cache list}: what the caches hold. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "List the reference-model cache: every entry with its size, when it was last used, what it"
          + " is and whether its files match their SHA-256 manifest (verified); partial entries of"
          + " running or crashed audits; and the size of the libtorch libraries.",
      "",
      "Example:",
      "  ./trustml cache list"
    })
final class CacheListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin ShadowCacheOption cacheDir;

  @Override
  public Integer call() throws TrustmlException {
    PrintWriter out = spec.commandLine().getOut();
    ShadowCache cache = new ShadowCache(cacheDir.checked());
    Instant now = Instant.now();
    List<CacheItem> items = CacheInventory.list(cache, now);
    out.println("reference models: " + cache.dir());
    if (items.isEmpty()) {
      out.println("  (empty)");
    } else {
      out.printf(
          Locale.ROOT, "  %-24s %-13s %9s %12s  %s%n", "NAME", "STATUS", "SIZE", "USED", "WHAT");
      for (CacheItem item : items) {
        out.printf(
            Locale.ROOT,
            "  %-24s %-13s %9s %12s  %s%n",
            shortName(item.name()),
            item.status().label(),
            CacheText.bytes(item.bytes()),
            CacheText.age(Duration.between(item.lastUsed(), now)) + " ago",
            item.description());
      }
    }
    long entries = items.stream().filter(i -> i.status().isEntry()).count();
    long verified = items.stream().filter(i -> i.status() == CacheItem.Status.VERIFIED).count();
    long bytes = items.stream().mapToLong(CacheItem::bytes).sum();
    out.printf(
        Locale.ROOT,
        "%d entries (%d verified), %s in all%n",
        entries,
        verified,
        CacheText.bytes(bytes));
    if (!cacheDir.given()) {
      Path djl = Caches.djlDir(System.getenv());
      if (Files.isDirectory(djl)) {
        out.println(
            "libtorch libraries: "
                + djl
                + ", "
                + CacheText.bytes(CacheInventory.size(djl))
                + " (cache clear keeps them)");
      }
    }
    out.flush();
    return 0;
  }

  /** Entries by the first 12 digits of their key; other long names cut to 24 characters. */
  private static String shortName(String name) {
    if (ShadowCache.isKey(name)) {
      return name.substring(0, 12);
    }
    return name.length() <= 24 ? name : name.substring(0, 21) + "...";
  }
}
