package dev.newswire.store;

import dev.newswire.news.ChannelRef;

/** Options a channel sets for how its stories are posted. */
public interface ChannelOptionStore {
  boolean threadPerStory(ChannelRef channel);

  void setThreadPerStory(ChannelRef channel, boolean on);
}
