package dev.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.fakes.FakeFeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.newswire.support.CapturedConsole;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user types it: arguments in, stdout lines and exit status out. */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension final CapturedConsole console = new CapturedConsole();

  @TempDir Path dir;

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : console.stdout.toString(StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) out.add(JSON.readTree(l));
    console.stdout.reset();
    return out;
  }

  private static String rss(String... guidTitle) {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>T</title>");
    for (int i = 0; i < guidTitle.length; i += 2) {
      sb.append("<item><guid>").append(guidTitle[i]).append("</guid><title>").append(guidTitle[i + 1])
          .append("</title><link>https://n.example/").append(guidTitle[i]).append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Test
  void runOnceJsonPostsExactlyTheNewStoriesAcrossPolls() throws Exception {
    try (FakeFeedServer server = FakeFeedServer.start()) {
      server.feed("/f.xml", rss("1", "One"));
      Path cfg = dir.resolve("nw.yaml");
      Files.writeString(cfg, "storage:\n  url: jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "\n"
          + "network:\n  allowPrivateAddresses: true\n"
          + "feeds:\n  - { name: Local, url: '" + server.url("/f.xml") + "' }\n");
      assertThat(NewswireCli.execute("run", "--once", "--json", "--config", cfg.toString())).isZero();
      assertThat(lines()).as("baseline").isEmpty();

      server.feed("/f.xml", rss("2", "Two", "1", "One"));
      assertThat(NewswireCli.execute("run", "--once", "--json", "--config", cfg.toString())).isZero();
      List<JsonNode> posted = lines();
      assertThat(posted).hasSize(1);
      assertThat(posted.get(0).get("title").asText()).isEqualTo("Two");
      assertThat(posted.get(0).get("published").isNull()).isTrue();

      assertThat(NewswireCli.execute("run", "--once", "--json", "--config", cfg.toString())).isZero();
      assertThat(lines()).isEmpty();
    }
  }

  @Test
  void badConfigExitsWithTheKeyNamed() throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "polling:\n  intervall: 5m\n");
    assertThat(NewswireCli.execute("run", "--once", "--config", cfg.toString())).isEqualTo(2);
    assertThat(console.stderr.toString(StandardCharsets.UTF_8)).contains("polling.intervall");
  }

  @Test
  void previewJsonOneLinePerSourceAndExit2WhenOneFails() throws Exception {
    Path good = dir.resolve("good.xml");
    Files.writeString(good, rss("a", "Alpha &amp;amp; &lt;b&gt;Beta&lt;/b&gt;"));
    Path html = dir.resolve("page.html");
    Files.writeString(html, "<!doctype html><html><body>hello</body></html>");
    int code = NewswireCli.execute("preview", "--json", good.toString(), html.toString(), dir.resolve("missing.xml").toString());
    assertThat(code).isEqualTo(2);
    List<JsonNode> out = lines();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).get("ok").asBoolean()).isTrue();
    assertThat(out.get(0).get("feed").get("title").asText()).isEqualTo("T");
    JsonNode item = out.get(0).get("items").get(0);
    assertThat(item.get("id").asText()).isEqualTo("a");
    assertThat(item.get("title").asText()).isEqualTo("Alpha & Beta");
    assertThat(item.has("summary")).isTrue();
    assertThat(item.get("categories").isArray()).isTrue();
    assertThat(item.get("topics").isArray()).isTrue();
    assertThat(out.get(1).get("ok").asBoolean()).isFalse();
    assertThat(out.get(1).get("error").asText()).isNotBlank();
    assertThat(out.get(1).get("items")).isEmpty();
    assertThat(out.get(2).get("error").asText()).contains("does not exist");
  }

  @Test
  void previewRefusesPrivateUrlsByDefault() throws Exception {
    try (FakeFeedServer server = FakeFeedServer.start()) {
      server.feed("/f.xml", rss("1", "One"));
      Path cfg = dir.resolve("nw.yaml");
      Files.writeString(cfg, "feeds: []\n");
      int code = NewswireCli.execute("preview", "--json", "--config", cfg.toString(), server.url("/f.xml").toString());
      assertThat(code).isEqualTo(2);
      assertThat(lines().get(0).get("error").asText()).contains("allowPrivateAddresses");
    }
  }
}
