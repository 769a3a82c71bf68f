package dev.newswire.scenario;

import static dev.newswire.scenario.BotHarness.titles;
import static dev.newswire.scenario.RssDoc.rss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile feeds next to a good one: each is recorded with a clear error, in bounded time, and the good feed's new
 * story still arrives.
 */
class HostileFeedScenarioTest {
  private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      + "<rss version=\"2.0\"><channel><title>t</title><item><guid>x1</guid><title>&xxe;</title>"
      + "<link>https://n.example/x</link></item></channel></rss>";
  private static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
      + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
      + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
      + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
      + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
      + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
      + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
      + "<rss version=\"2.0\"><channel><title>t</title><item><guid>l1</guid><title>&lol9;</title></item></channel></rss>";

  FakeFeedServer server;
  BotHarness bot;

  @BeforeEach
  void start() {
    server = FakeFeedServer.start();
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
    server.close();
  }

  @Test
  void hostileFeedsFailClearlyAndTheGoodFeedKeepsFlowing() {
    server.feed("/good.xml", rss().item("1", "One", "https://n.example/1", null).xml());
    server.feed("/xxe.xml", XXE);
    server.feed("/laughs.xml", LAUGHS);
    server.gzipBomb("/bomb.xml", 1L << 30);
    server.hugeBody("/huge.xml", 64L * 1024 * 1024);
    server.feed("/html.xml", "<!doctype html><html><head><title>Blog</title></head><body><p>hi</p></body></html>")
        .contentType("text/html; charset=utf-8");
    server.redirect("/loop1.xml", 302, "/loop2.xml");
    server.redirect("/loop2.xml", 302, "/loop1.xml");
    server.feed("/slow.xml", rss().item("s", "Slow", "https://n.example/s", null).xml()).drip(Duration.ofSeconds(1));
    server.feed("/latin1.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title>"
        + "<item><guid>c1</guid><title>Caf\u00e9 cr\u00e8me</title></item></channel></rss>").contentType("application/rss+xml");
    List<String> paths = List.of("/good.xml", "/xxe.xml", "/laughs.xml", "/bomb.xml", "/huge.xml", "/html.xml", "/loop1.xml",
        "/slow.xml");
    List<FeedConfig> feeds = paths.stream().map(p -> new FeedConfig(server.url(p).toString(), p, null, true)).toList();
    NetworkConfig network = new NetworkConfig(true, Duration.ofSeconds(2), Duration.ofSeconds(2), 2L * 1024 * 1024, 3, null);
    bot = new BotHarness(feeds, network);

    long start = System.nanoTime();
    bot.poll();
    server.feed("/good.xml", rss().item("2", "Two", "https://n.example/2", null).item("1", "One", "https://n.example/1", null).xml());
    assertThat(titles(bot.poll())).containsExactly("Two");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded time").isLessThan(Duration.ofSeconds(60));

    // The billion-laughs entities are never expanded: whatever was stored stays small.
    assertThat(bot.app().items().count()).isLessThan(10);
    for (Feed f : bot.app().feeds().all()) {
      String error = f.health().lastError();
      String path = f.name();
      switch (path) {
        case "/good.xml" -> assertThat(error).isNull();
        case "/xxe.xml" -> assertThat(bot.app().items().count()).isPositive(); // see below
        case "/html.xml" -> assertThat(error).as(path).containsIgnoringCase("html");
        case "/laughs.xml" -> assertThat(error == null || !error.isBlank()).as(path).isTrue();
        case "/bomb.xml", "/huge.xml" -> assertThat(error).as(path).contains("MiB limit").contains("maxBodyBytes");
        case "/loop1.xml" -> assertThat(error).as(path).containsIgnoringCase("redirect");
        case "/slow.xml" -> assertThat(error).as(path).contains("timed out").contains("readTimeout");
        default -> { }
      }
    }
  }

  @Test
  void xxeNeverReadsLocalFiles() throws Exception {
    server.feed("/xxe.xml", XXE);
    bot = new BotHarness(List.of(new FeedConfig(server.url("/xxe.xml").toString(), "xxe", null, true)));
    bot.poll();
    server.feed("/xxe.xml", XXE.replace("<item>", "<item><guid>x2</guid><title>Second &xxe;</title></item><item>"));
    String out = bot.poll().toString();
    assertThat(out).doesNotContain("root:");
    Feed f = bot.app().feeds().all().get(0);
    // Either the feed is rejected with a reason, or it is read with the entity left unexpanded.
    if (f.health().lastError() == null) assertThat(out).doesNotContain("/bin/");
  }

  @Test
  void loopbackFeedsAreRefusedUnlessAllowed() {
    server.feed("/a.xml", rss().item("1", "One", "https://n.example/1", null).xml());
    bot = new BotHarness(List.of(new FeedConfig(server.url("/a.xml").toString(), "local", null, true)), NetworkConfig.defaults());
    bot.poll();
    Feed f = bot.app().feeds().all().get(0);
    assertThat(f.health().lastError()).containsIgnoringCase("allowPrivateAddresses");
    assertThat(server.requestCount("/a.xml")).isZero();
  }
}
