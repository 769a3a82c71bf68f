package dev.newswire.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.store.jdbc.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /news-admin feed test posts the newest item of a feed to the channel now, and stores nothing. */
class FeedTestCommandTest {
  private static Invocation admin(String url) {
    return new Invocation(ChannelRef.CONSOLE, "u1", "ann", true, Map.of("url", url), Instant.now());
  }

  @Test
  void postsTheNewestItemHereAndStoresNothing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FakeFeedServer server = FakeFeedServer.start()) {
      server.feed("/f.xml", "<rss version=\"2.0\"><channel><title>Lab Blog</title>"
          + "<item><guid>2</guid><title>Newest</title><link>https://n.example/2</link><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>"
          + "<item><guid>1</guid><title>Older</title><link>https://n.example/1</link><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>"
          + "</channel></rss>");
      server.feed("/page.html", "<html><body>no feed here</body></html>").contentType("text/html");
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true));
      try (App app = new App(cfg, new PrintStream(out, true, StandardCharsets.UTF_8), true, Clock.systemUTC())) {
        Reply ok = app.commands().dispatch("news-admin", "feed test", admin(server.url("/f.xml").toString()));
        assertThat(ok).isInstanceOf(Reply.Text.class);
        assertThat(((Reply.Text) ok).text()).contains("Lab Blog").contains("Newest");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"title\":\"Newest\"").doesNotContain("Older");
        assertThat(app.items().count()).isZero();
        assertThat(app.feeds().all()).isEmpty();

        Reply bad = app.commands().dispatch("news-admin", "feed test", admin(server.url("/page.html").toString()));
        assertThat(bad).isInstanceOf(Reply.Error.class);
        assertThat(((Reply.Error) bad).message()).contains("Cannot test");

        Reply member = app.commands().dispatch("news-admin", "feed test",
            new Invocation(ChannelRef.CONSOLE, "u2", "bob", false, Map.of("url", server.url("/f.xml").toString()), Instant.now()));
        assertThat(member).isInstanceOf(Reply.Error.class);
      }
    }
  }
}
