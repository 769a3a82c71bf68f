package dev.newswire.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.Secrets;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.PendingDelivery;
import dev.newswire.store.StoredItem;
import dev.newswire.store.jdbc.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The outbox dispatcher driving the real Discord adapter, and App starting Discord from the token. */
class DiscordDispatchTest {

  /** In-memory outbox: enough of DeliveryStore for the dispatcher. */
  static final class MemoryOutbox implements DeliveryStore {
    final Map<Long, PendingDelivery> pending = new ConcurrentHashMap<>();
    final Map<Long, String> sent = new ConcurrentHashMap<>();
    final Map<Long, String> failed = new ConcurrentHashMap<>();
    final Map<Long, String> retry = new ConcurrentHashMap<>();

    @Override
    public List<PendingDelivery> due(Instant now, int limit) {
      return new ArrayList<>(pending.values()).stream().limit(limit).toList();
    }

    @Override
    public void markSent(long id, String messageId, Instant at) {
      pending.remove(id);
      sent.put(id, messageId);
    }

    @Override
    public void scheduleRetry(long id, String error, Instant next) {
      PendingDelivery d = pending.remove(id);
      retry.put(id, error);
    }

    @Override
    public void markFailed(long id, String reason) {
      pending.remove(id);
      failed.put(id, reason);
    }

    @Override
    public long countByStatus(String status) {
      return 0;
    }
  }

  static PendingDelivery delivery(long id, String channel) {
    NewsItem item = new NewsItem("g" + id, "Story " + id, "https://example.org/" + id, "A summary of story " + id
        + ". It matters.", null, null, Instant.parse("2026-11-28T10:00:00Z"), null, List.of(), null, List.of());
    return new PendingDelivery(id, new ChannelRef("discord", FakeDiscord.GUILD_ID, channel), 0,
        new StoredItem(id, 1, "https://example.org/feed.xml", "Example", item, Instant.now()));
  }

  @Test
  void dispatcherPostsRetriesAndFailsThroughDiscord() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      DiscordBot bot = DiscordBot.start(FakeDiscord.TOKEN, discord.config(), Duration.ofSeconds(20));
      try {
        MemoryOutbox outbox = new MemoryOutbox();
        Dispatcher dispatcher = new Dispatcher(outbox,
            Map.of("discord", new DiscordPlatform(bot.jda(), new DiscordRenderer(), Duration.ofSeconds(10))),
            new Enricher(new Taxonomy(List.of())), Clock.systemUTC());
        outbox.pending.put(1L, delivery(1, FakeDiscord.CHANNEL_ID));
        outbox.pending.put(2L, delivery(2, "601"));
        discord.serverErrorNext("POST", "/channels/600/messages", 500);

        dispatcher.dispatchDue();
        assertThat(outbox.retry).containsKey(1L);
        assertThat(outbox.failed.get(2L)).contains("Channel 601 does not exist");

        outbox.pending.put(1L, delivery(1, FakeDiscord.CHANNEL_ID));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(outbox.sent).containsKey(1L);
        assertThat(discord.messagesIn(FakeDiscord.CHANNEL_ID)).hasSize(1);
        assertThat(discord.messagesIn(FakeDiscord.CHANNEL_ID).get(0).path("embeds").get(0).path("title").asText())
            .isEqualTo("Story 1");
      } finally {
        bot.close();
      }
    }
  }

  @Test
  void appConnectsToDiscordWhenTheTokenIsSet() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withSecrets(new Secrets(FakeDiscord.TOKEN, null, null, null, null, null)).withDiscord(discord.config());
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        assertThat(discord.identifies()).isEqualTo(1);
        assertThat(discord.requests("GET", "/users/@me")).hasSize(1);
      }
    }
  }

  @Test
  void refusedTokenIsAClearError() {
    try (FakeDiscord discord = FakeDiscord.start()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> DiscordBot.start("wrong.token.value", discord.config(), Duration.ofSeconds(20)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("DISCORD_TOKEN")
          .hasMessageNotContaining("wrong.token.value");
    }
  }
}
