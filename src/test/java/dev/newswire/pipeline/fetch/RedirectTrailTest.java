package dev.newswire.pipeline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedirectTrailTest {

  private static final URI START = URI.create("https://news.example/feeds/ai.xml");

  @Test
  void resolvesRelativeLocations() throws Exception {
    RedirectTrail trail = new RedirectTrail(START, 5);

    assertThat(trail.follow(301, "rss.xml")).isEqualTo(URI.create("https://news.example/feeds/rss.xml"));
    assertThat(trail.follow(302, "/v2/feed?x=1#top")).isEqualTo(URI.create("https://news.example/v2/feed?x=1"));
    assertThat(trail.follow(308, "//cdn.example/feed")).isEqualTo(URI.create("https://cdn.example/feed"));
    assertThat(trail.previous()).isEqualTo(URI.create("https://news.example/v2/feed?x=1"));
  }

  @Test
  void refusesHttpsToHttpDowngrade() {
    RedirectTrail trail = new RedirectTrail(START, 5);

    assertThatThrownBy(() -> trail.follow(301, "http://news.example/feeds/ai.xml"))
        .isInstanceOf(FetchFailure.class)
        .hasMessageContaining("downgrade https to unencrypted http")
        .hasMessageContaining("update the feed URL yourself");
  }

  @Test
  void allowsHttpToHttpsUpgrade() throws Exception {
    RedirectTrail trail = new RedirectTrail(URI.create("http://news.example/feed"), 5);

    assertThat(trail.follow(301, "https://news.example/feed")).isEqualTo(URI.create("https://news.example/feed"));
  }

  @Test
  void treatsAFragmentOnlyChangeAsALoop() throws Exception {
    RedirectTrail trail = new RedirectTrail(START, 5);

    assertThatThrownBy(() -> trail.follow(302, "#again")).hasMessageStartingWith("redirect loop: ");
  }

  @Test
  void explainsBadLocations() {
    RedirectTrail trail = new RedirectTrail(START, 5);

    assertThatThrownBy(() -> trail.follow(302, "http://bad host/")).hasMessageContaining("invalid URL 'http://bad host/'");
    assertThatThrownBy(() -> trail.follow(302, " ")).hasMessageContaining("without a Location header");
  }
}
