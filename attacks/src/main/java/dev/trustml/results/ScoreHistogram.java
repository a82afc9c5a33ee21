package dev.trustml.results;

import java.util.List;

/**
 * Member and non-member attack-score counts over shared bins, for plots.
 *
 * @param edges bin edges, one more than the counts
 * @param members member counts per bin
 * @param nonMembers non-member counts per bin
 */
public record ScoreHistogram(List<Double> edges, List<Long> members, List<Long> nonMembers) {
  public ScoreHistogram {
    edges = List.copyOf(edges);
    members = List.copyOf(members);
    nonMembers = List.copyOf(nonMembers);
  }
}
