package dev.newswire.pipeline;

import dev.newswire.news.Feed;

/** Told when feeds are added, removed, paused or resumed at runtime, so polling follows without a restart. */
public interface FeedScheduleListener {
  void feedAdded(Feed feed);

  void feedRemoved(long feedId);

  FeedScheduleListener NONE = new FeedScheduleListener() {
    @Override
    public void feedAdded(Feed feed) {}

    @Override
    public void feedRemoved(long feedId) {}
  };
}
