package dev.newswire.pipeline;

import dev.newswire.news.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.NewsItem;
import java.util.List;

/** Decides which channels receive a new story. */
public interface Router {
  List<ChannelRef> channelsFor(Feed feed, NewsItem item);

  /** Every story of every feed to fixed channels: the console in a run without chat platforms. */
  static Router everyStoryTo(List<ChannelRef> channels) {
    List<ChannelRef> copy = List.copyOf(channels);
    return (feed, item) -> copy;
  }
}
