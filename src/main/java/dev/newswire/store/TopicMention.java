package dev.newswire.store;

import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.Mention;

/** In this channel, a story on this topic pings this target. */
public record TopicMention(ChannelRef channel, String topic, Mention target) {}
