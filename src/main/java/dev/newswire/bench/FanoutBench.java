package dev.newswire.bench;

import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.platform.discord.DiscordPlatform;
import dev.newswire.platform.discord.DiscordService;
import dev.newswire.platform.slack.SlackClients;
import dev.newswire.platform.slack.SlackPlatform;
import dev.newswire.store.StoredItem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Scenario 3: one story fanned out to many channels through the real Dispatcher (8 channels at a time) and the real
 * platforms: DiscordPlatform on a real JDA logged in to {@link BenchDiscordServer} (global 50 req/s enforced), and
 * SlackPlatform on the Bolt MethodsClient against {@link BenchSlackServer} (about 1 msg/s per channel enforced).
 * The outbox is in memory ({@link BenchOutbox}) so the figure is the delivery path, not the database.
 */
public final class FanoutBench {

  /**
   * One platform's figures.
   *
   * @param messages     deliveries queued (channels × stories per channel)
   * @param delivered    channels that got exactly the expected number of messages
   * @param lost         channels that got fewer
   * @param duplicated   channels that got more
   * @param rateLimited  429 answers the server gave (global + per-route for Discord)
   * @param failed       deliveries the Dispatcher marked failed
   * @param retries      RetryLater results the Dispatcher scheduled
   * @param meanPostMs   seconds / messages: wall time per message
   */
  public record Result(String platform, int channels, int perChannel, int messages, double seconds,
      double messagesPerSecond, double idealPerSecond, int delivered, int lost, int duplicated, int rateLimited,
      int global429, long failed, int retries, double meanPostMs) {
    public double fraction() {
      return messagesPerSecond / idealPerSecond;
    }
  }

  public static final int DISCORD_GLOBAL_PER_SECOND = 50;
  private static final int WARMUP = 10;

  public Result discord(BenchCorpus corpus, int channels) throws Exception {
    try (BenchDiscordServer server = new BenchDiscordServer(channels + WARMUP, DISCORD_GLOBAL_PER_SECOND)) {
      DiscordService service = DiscordService.start(BenchDiscordServer.TOKEN, server.config(), null, null,
          Clock.systemUTC());
      try {
        BenchOutbox outbox = new BenchOutbox();
        StoredItem story = story(corpus);
        for (int i = 0; i < channels; i++) {
          outbox.add(new ChannelRef(DiscordPlatform.ID, BenchDiscordServer.GUILD_ID, BenchDiscordServer.channelId(i)),
              story);
        }
        // Warm-up posts to channels outside the measured ones (class loading, JIT, connections); then let them and
        // the login's requests leave the global window before measuring.
        for (int i = 0; i < WARMUP; i++) {
          service.platform().deliver(new dev.newswire.delivery.Story(0, story.feedUrl(), story.feedName(),
              story.item(), new Enricher(Taxonomy.empty()).enrich(story.item(), story.feedName(), null)),
              new ChannelRef(DiscordPlatform.ID, BenchDiscordServer.GUILD_ID, BenchDiscordServer.channelId(channels + i)));
        }
        Thread.sleep(1100);
        server.reset();
        long t0 = System.nanoTime();
        drain(outbox, Map.of(DiscordPlatform.ID, service.platform()), channels);
        double seconds = (server.lastMessageNanos() - t0) / 1e9;
        return result("discord", channels, 1, server.messageCounts(), seconds, DISCORD_GLOBAL_PER_SECOND,
            server.global429() + server.route429(), server.global429(), outbox);
      } finally {
        service.close();
      }
    }
  }

  /** Every channel gets {@code perChannel} stories, so Slack's per-channel pacing is exercised. */
  public Result slack(BenchCorpus corpus, int channels, int perChannel) throws Exception {
    try (BenchSlackServer server = new BenchSlackServer(900)) {
      SlackPlatform platform = new SlackPlatform(SlackClients.create(server.settings()), BenchSlackServer.TOKEN);
      BenchOutbox outbox = new BenchOutbox();
      StoredItem story = story(corpus);
      for (int s = 0; s < perChannel; s++) {
        for (int i = 0; i < channels; i++) {
          outbox.add(new ChannelRef(SlackPlatform.ID, "T1", "C" + (1000 + i)), story);
        }
      }
      for (int i = 0; i < WARMUP; i++) {
        platform.deliver(new dev.newswire.delivery.Story(0, story.feedUrl(), story.feedName(), story.item(),
            new Enricher(Taxonomy.empty()).enrich(story.item(), story.feedName(), null)),
            new ChannelRef(SlackPlatform.ID, "T1", "W" + i));
      }
      long t0 = System.nanoTime();
      drain(outbox, Map.of(SlackPlatform.ID, platform), channels * perChannel);
      double seconds = (server.lastMessageNanos() - t0) / 1e9;
      // Ideal: every channel posting at its 1 msg/s in parallel.
      return result("slack", channels, perChannel, server.messageCounts(), seconds, channels, server.rateLimited(), 0,
          outbox);
    }
  }

  /** Runs the Dispatcher as the scheduler would (again and again) until the outbox is empty or a deadline. */
  private static void drain(BenchOutbox outbox, Map<String, ChatPlatform> platforms, int messages)
      throws InterruptedException {
    Dispatcher dispatcher = new Dispatcher(outbox, platforms, new Enricher(Taxonomy.empty()), Clock.systemUTC());
    long deadline = System.nanoTime() + (60L + messages / 5) * 1_000_000_000L;
    while (outbox.countByStatus("pending") > 0 && System.nanoTime() < deadline) {
      dispatcher.dispatchDue();
      if (outbox.countByStatus("pending") > 0) Thread.sleep(20);
    }
  }

  private static Result result(String platform, int channels, int perChannel, Map<String, Integer> counts,
      double seconds, double ideal, int rateLimited, int global429, BenchOutbox outbox) {
    int delivered = 0;
    int lost = 0;
    int duplicated = 0;
    long total = 0;
    for (int i = 0; i < channels; i++) {
      String id = platform.equals("discord") ? BenchDiscordServer.channelId(i) : "C" + (1000 + i);
      int n = counts.getOrDefault(id, 0);
      total += n;
      if (n == perChannel) delivered++;
      else if (n < perChannel) lost++;
      else duplicated++;
    }
    int messages = channels * perChannel;
    return new Result(platform, channels, perChannel, messages, seconds, total / seconds, ideal, delivered, lost,
        duplicated, rateLimited, global429, outbox.countByStatus("failed"), outbox.retries(),
        seconds * 1000 / Math.max(1, total));
  }

  static StoredItem story(BenchCorpus corpus) throws Exception {
    FeedParser parser = new FeedParser();
    for (BenchCorpus.Feed f : corpus.feeds()) {
      try {
        for (NewsItem item : parser.parse(f.bytes(), ParseBench.CONTENT_TYPE, URI.create("http://127.0.0.1/"))
            .items()) {
          if (item.title() != null && item.link() != null) {
            return new StoredItem(1, 1, "http://127.0.0.1/f/0", "Bench feed", item, Instant.now());
          }
        }
      } catch (Exception ignored) {
        // next feed
      }
    }
    throw new IllegalStateException("no usable item in the corpus");
  }
}
