package dev.newswire.store;

import dev.newswire.news.ChannelRef;
import dev.newswire.news.FeedValidators;
import dev.newswire.pipeline.identity.DedupeResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one successful poll decided, written in one transaction so a crash leaves either all of it or none.
 *
 * @param routes   for each news item's key hash, the channels it goes to
 * @param clusters for each new item's key hash (news and remembered), its story cluster id; an item without one
 *                 is its own story. A news item routed to a channel that already has a post of its story is not
 *                 posted there again: that post is edited instead ("also covered by").
 */
public record PollCommit(
    long feedId,
    FeedValidators validators,
    String feedTitle,
    Instant polledAt,
    DedupeResult result,
    Map<String, List<ChannelRef>> routes,
    Map<String, String> clusters) {

  public PollCommit {
    clusters = clusters == null ? Map.of() : clusters;
  }

  /** Without clustering: every item is its own story. */
  public PollCommit(long feedId, FeedValidators validators, String feedTitle, Instant polledAt, DedupeResult result,
      Map<String, List<ChannelRef>> routes) {
    this(feedId, validators, feedTitle, polledAt, result, routes, Map.of());
  }
}
