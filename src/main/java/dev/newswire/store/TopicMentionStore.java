package dev.newswire.store;

import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.Mention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Per-channel topic mentions: who a story on a topic pings when it is posted there. */
public interface TopicMentionStore {
  /** For dispatchers built without mentions (tests, benches): nobody is ever pinged. */
  TopicMentionStore NONE = new TopicMentionStore() {
    @Override
    public boolean add(ChannelRef channel, String topic, Mention target) {
      return false;
    }

    @Override
    public int remove(ChannelRef channel, String topic, Mention target) {
      return 0;
    }

    @Override
    public List<TopicMention> forChannel(ChannelRef channel) {
      return List.of();
    }
  };

  /** False when the channel already had exactly this mention. */
  boolean add(ChannelRef channel, String topic, Mention target);

  /** Removes one target of a topic, or every target of it when {@code target} is null; returns how many. */
  int remove(ChannelRef channel, String topic, Mention target);

  /** The channel's mentions, by topic then target. */
  List<TopicMention> forChannel(ChannelRef channel);

  /** Whom a story with these topic ids pings in this channel: each target once, in stored order. */
  default List<Mention> forTopics(ChannelRef channel, Collection<String> topics) {
    if (topics == null || topics.isEmpty()) return List.of();
    List<Mention> out = new ArrayList<>();
    for (TopicMention m : forChannel(channel)) {
      if (topics.contains(m.topic()) && !out.contains(m.target())) out.add(m.target());
    }
    return out;
  }
}
