package dev.newswire.subscription;

import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.Mention;
import dev.newswire.delivery.StoryMentions;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.store.TopicMention;
import dev.newswire.store.TopicMentionStore;
import java.util.List;

/**
 * A channel's topic mentions matched against a story's topics. Stored items carry no topics (they are classified
 * for routing only), so the story is classified again here, the same way the card's topics are.
 */
public final class TopicMentions implements StoryMentions {
  private final TopicMentionStore store;
  private final TopicClassifier classifier;

  public TopicMentions(TopicMentionStore store, TopicClassifier classifier) {
    this.store = store;
    this.classifier = classifier;
  }

  @Override
  public List<Mention> forStory(ChannelRef channel, NewsItem item) {
    List<TopicMention> here = store.forChannel(channel);
    if (here.isEmpty() || item == null) return List.of(); // most channels: no classification needed
    List<String> topics = item.topics().isEmpty() ? classifier.classify(item) : item.topics();
    return here.stream().filter(m -> topics.contains(m.topic())).map(TopicMention::target).distinct().toList();
  }
}
