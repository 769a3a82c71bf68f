package dev.newswire.delivery;

import dev.newswire.news.ChannelRef;
import dev.newswire.news.NewsItem;
import java.util.List;

/** Who a story pings when it is first posted in a channel (an admin's topic mentions there); usually nobody. */
@FunctionalInterface
public interface StoryMentions {
  StoryMentions NONE = (channel, item) -> List.of();

  List<Mention> forStory(ChannelRef channel, NewsItem item);
}
