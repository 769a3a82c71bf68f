package dev.newswire.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedHealth;
import dev.newswire.news.FeedValidators;
import dev.newswire.store.jdbc.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private static Feed feed(String url, Instant lastPolled) {
    return new Feed(1, url, "f", "config", true, null, null, FeedValidators.none(), true,
        new FeedHealth(lastPolled, null, null, 0, null, null));
  }

  @Test
  void feedsStartSpreadWithinTheWindowAndRecentlyPolledOnesWaitTheirInterval() {
    Duration interval = Duration.ofMinutes(15);
    for (int i = 0; i < 50; i++) {
      Instant first = PollScheduler.firstPoll(feed("https://f" + i + ".example/rss", null), interval, NOW);
      assertThat(first).isBetween(NOW, NOW.plusSeconds(30));
    }
    long distinct = java.util.stream.IntStream.range(0, 50)
        .mapToObj(i -> PollScheduler.firstPoll(feed("https://f" + i + ".example/rss", null), interval, NOW)).distinct().count();
    assertThat(distinct).as("not all at once").isGreaterThan(40);
    assertThat(PollScheduler.firstPoll(feed("https://a/rss", NOW.minusSeconds(60)), interval, NOW))
        .isEqualTo(NOW.minusSeconds(60).plus(interval));
  }

  @Test
  void quartzPollsEachFeedAtItsIntervalAndAFailingFeedDoesNotStopTheOthers() throws Exception {
    try (FakeFeedServer server = FakeFeedServer.start()) {
      server.feed("/ok.xml", "<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><title>One</title></item></channel></rss>");
      server.status("/broken.xml", 500);
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withPolling(new PollingConfig(Duration.ofSeconds(10), 2, 100, null, null))
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withFeeds(List.of(new FeedConfig(server.url("/ok.xml").toString(), "ok", null, true),
              new FeedConfig(server.url("/broken.xml").toString(), "broken", null, true)));
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        app.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline && server.requestCount("/ok.xml") < 2) Thread.sleep(200);
        assertThat(server.requestCount("/ok.xml")).as("polled at start and again one interval later").isGreaterThanOrEqualTo(2);
        assertThat(server.requestCount("/broken.xml")).isGreaterThanOrEqualTo(1);
        Feed ok = app.feeds().all().stream().filter(f -> f.name().equals("ok")).findFirst().orElseThrow();
        assertThat(ok.baselineDone()).isTrue();
        assertThat(ok.health().lastError()).isNull();
      }
    }
  }
}
