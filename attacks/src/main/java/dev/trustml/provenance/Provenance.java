package dev.trustml.provenance;

import dev.trustml.Versions;
import java.time.Instant;
import java.util.List;

/**
 * Where a result came from, so a reader can reproduce or distrust it (after Tribuo's provenance):
 * tool and engine versions, the model and data by content hash, the seed and the time.
 *
 * @param trustmlVersion the trustml version
 * @param djlVersion the DJL version
 * @param pytorchVersion the libtorch version
 * @param model the model audited
 * @param data the data files read, by role
 * @param seed the seed of every random choice
 * @param startedAt when the run started (UTC)
 */
public record Provenance(
    String trustmlVersion,
    String djlVersion,
    String pytorchVersion,
    ModelRef model,
    List<DataRef> data,
    long seed,
    String startedAt) {

  public Provenance {
    data = List.copyOf(data);
  }

  /** Provenance for a run of this build. */
  public static Provenance of(ModelRef model, List<DataRef> data, long seed, Instant startedAt) {
    return new Provenance(
        Versions.TRUSTML, Versions.DJL, Versions.PYTORCH, model, data, seed, startedAt.toString());
  }

  /**
   * A model by path and content hash.
   *
   * @param path the bundle directory as given
   * @param sha256 SHA-256 of the TorchScript file
   */
  public record ModelRef(String path, String sha256) {}

  /**
   * A data file by role (members, non-members, ...), path and content hash.
   *
   * @param role what the file was used as
   * @param path the path as given
   * @param sha256 SHA-256 of its bytes
   * @param rows data rows read
   */
  public record DataRef(String role, String path, String sha256, long rows) {}
}
