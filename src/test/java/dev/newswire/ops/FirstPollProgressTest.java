package dev.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** `run --once` over many new feeds logs the first poll's progress (no terminal in tests: log lines). */
class FirstPollProgressTest {
  @Test
  void aFirstPollOfManyFeedsReportsProgressAndLaterPollsDoNot() throws Exception {
    Logger appLog = (Logger) LoggerFactory.getLogger(App.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    appLog.addAppender(logs);
    try (FakeFeedServer server = FakeFeedServer.start()) {
      List<FeedConfig> feeds = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        server.feed("/f" + i + ".xml", "<rss version=\"2.0\"><channel><title>F" + i + "</title><item><guid>g" + i
            + "</guid><title>Story " + i + "</title></item></channel></rss>");
        feeds.add(new FeedConfig(server.url("/f" + i + ".xml").toString(), "F" + i, null, true));
      }
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withFeeds(feeds).withTopics(Topics.example().topics());
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        app.runOnce();
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.startsWith("first poll")).toList();
        assertThat(lines).isNotEmpty().last().asString().startsWith("first poll: 25/25 (100%), done in ");
        int before = logs.list.size();
        app.runOnce();
        assertThat(logs.list.subList(before, logs.list.size())).noneMatch(e -> e.getFormattedMessage().startsWith("first poll"));
      }
    } finally {
      appLog.detachAppender(logs);
    }
  }
}
