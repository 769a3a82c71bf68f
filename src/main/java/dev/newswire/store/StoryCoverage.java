package dev.newswire.store;

import dev.newswire.news.SourceLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who carried one story: the members of its cluster, first seen first.
 *
 * @param clusterId the story's cluster id
 * @param members   every stored item of the cluster, oldest first
 */
public record StoryCoverage(String clusterId, List<ClusterMember> members) {
  public StoryCoverage {
    members = List.copyOf(members);
  }

  /** How many outlets (feeds) carried the story; a feed that posted it twice is one source. */
  public int sources() {
    return (int) members.stream().mapToLong(ClusterMember::feedId).distinct().count();
  }

  /** The other outlets than the given feed, one link each (their first item), first seen first: "also covered by". */
  public List<SourceLink> others(long feedId) {
    Set<Long> seen = new HashSet<>();
    seen.add(feedId);
    List<SourceLink> out = new ArrayList<>();
    for (ClusterMember m : members) {
      if (seen.add(m.feedId())) out.add(new SourceLink(m.feedName(), m.link()));
    }
    return out;
  }
}
