package dev.newswire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.StorageConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.Mention;
import dev.newswire.store.TopicMention;
import dev.newswire.subscription.ChannelFilter;
import dev.newswire.subscription.FilterPattern;
import dev.newswire.subscription.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscription store on every database we support. */
abstract class SubscriptionStoreContract {
  static final ChannelRef A = new ChannelRef("discord", "500", "600");
  static final ChannelRef B = new ChannelRef("slack", "T1", "C1");
  Database db;
  JdbcSubscriptionStore store;

  abstract StorageConfig storage();

  @BeforeEach
  void open() {
    db = Database.open(storage(), System.getenv("NEWSWIRE_DB_PASSWORD"));
    store = new JdbcSubscriptionStore(db, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void upsertIsIdempotentAndUpdatesMode() {
    Subscription s = store.upsert(Subscription.of(A, "topic", "llms", "instant", null, null));
    assertThat(s.id()).isPositive();
    assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    Subscription again = store.upsert(Subscription.of(A, "topic", "llms", "daily", "09:00", "Europe/Berlin"));
    assertThat(again.id()).isEqualTo(s.id());
    assertThat(again.mode()).isEqualTo("daily");
    assertThat(again.time()).isEqualTo("09:00");
    store.upsert(Subscription.of(A, "all", null, "instant", null, null));
    store.upsert(Subscription.of(B, "feed", "https://example.com/feed.xml", "instant", null, null));
    assertThat(store.all()).hasSize(3);
    assertThat(store.forChannel(A)).extracting(Subscription::kind).containsExactly("topic", "all");
    assertThat(store.activeInstant()).extracting(Subscription::target).containsExactly("*", "https://example.com/feed.xml");
    assertThat(store.remove(A, "topic", "llms")).isTrue();
    assertThat(store.remove(A, "topic", "llms")).isFalse();
    assertThat(store.forChannel(A)).hasSize(1);
  }

  @Test
  void filtersAreDedupedAndRemovedPerChannel() {
    ChannelFilter f = store.addFilter(A, "exclude", FilterPattern.parse("crypto"), "any");
    ChannelFilter same = store.addFilter(A, "exclude", FilterPattern.parse("crypto"), "any");
    assertThat(same.id()).isEqualTo(f.id());
    ChannelFilter re = store.addFilter(A, "include", FilterPattern.parse("/gpt-\\d+/"), "title");
    store.addFilter(B, "include", FilterPattern.parse("\"open weights\""), "summary");
    assertThat(store.filters(A)).extracting(ChannelFilter::describe)
        .containsExactly("#" + f.id() + " exclude crypto in any (keyword)", "#" + re.id() + " include /gpt-\\d+/ in title (regex)");
    assertThat(store.allFilters()).hasSize(3);
    assertThat(store.removeFilter(B, f.id())).isFalse();
    assertThat(store.removeFilter(A, f.id())).isTrue();
    assertThat(store.filters(A)).hasSize(1);
  }

  @Test
  void topicMentionsAreAddedOncePerChannelAndRemovedByTopicOrTarget() {
    JdbcTopicMentionStore mentions = new JdbcTopicMentionStore(db, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    Mention role = new Mention(Mention.Kind.ROLE, "123");
    Mention user = new Mention(Mention.Kind.USER, "456");
    Mention team = new Mention(Mention.Kind.USERGROUP, "S0TEAM");
    assertThat(mentions.add(A, "llms", role)).isTrue();
    assertThat(mentions.add(A, "llms", role)).as("already there").isFalse();
    assertThat(mentions.add(A, "llms", user)).isTrue();
    assertThat(mentions.add(A, "chips", role)).isTrue();
    assertThat(mentions.add(B, "llms", team)).isTrue();
    assertThat(mentions.forChannel(A)).extracting(TopicMention::topic).containsExactly("chips", "llms", "llms");
    assertThat(mentions.forTopics(A, java.util.List.of("llms", "chips"))).containsExactly(role, user);
    assertThat(mentions.forTopics(A, java.util.List.of("agents"))).isEmpty();
    assertThat(mentions.forTopics(B, java.util.List.of("llms"))).containsExactly(team);
    assertThat(mentions.remove(A, "llms", user)).isEqualTo(1);
    assertThat(mentions.remove(A, "llms", user)).isZero();
    assertThat(mentions.add(A, "llms", user)).isTrue();
    assertThat(mentions.remove(A, "llms", null)).isEqualTo(2);
    assertThat(mentions.forChannel(A)).extracting(TopicMention::topic).containsExactly("chips");
    assertThat(mentions.forChannel(B)).hasSize(1);
  }
}
