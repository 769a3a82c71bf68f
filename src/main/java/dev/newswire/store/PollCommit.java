package dev.newswire.store;

import dev.newswire.delivery.ChannelRef;
import dev.newswire.news.FeedValidators;
import dev.newswire.pipeline.DedupeResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one successful poll decided, written in one transaction so a crash leaves either all of it or none.
 *
 * @param routes for each news item's key hash, the channels it goes to
 */
public record PollCommit(
    long feedId,
    FeedValidators validators,
    String feedTitle,
    Instant polledAt,
    DedupeResult result,
    Map<String, List<ChannelRef>> routes) {}
