package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import dev.newswire.config.SlackSettings;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Story;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.fakes.FakeSlack.Answer;
import dev.newswire.fakes.FakeSlack.Call;
import dev.newswire.news.Card;
import dev.newswire.support.Cards;
import dev.newswire.support.SlackLimits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackPlatformTest {

  FakeSlack fake;
  Slack slack;
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  SlackPlatform platform;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeSlack();
    slack = SlackClients.create(new SlackSettings(fake.methodsUrlPrefix(), 0, false));
    platform = new SlackPlatform(slack, FakeSlack.BOT_TOKEN, Duration.ofSeconds(1), Duration.ofMillis(1500), nanos::get);
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  static Story story(long id, Card card) {
    return new Story(id, "https://feed.example/rss", "Feed", null, card);
  }

  static ChannelRef channel(String id) {
    return new ChannelRef("slack", "T1", id);
  }

  @Test
  void aConnectionDroppedAfterThePostIsReportedNotSilentlyResent() {
    // A first post opens a keep-alive connection; the next one reuses it, and the fake closes it after posting.
    assertThat(platform.deliver(story(1, Cards.full()), channel("C1"))).isInstanceOf(DeliveryResult.Sent.class);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    fake.randomFaults(1.0).faultKinds(FakeSlack.Fault.DROP_AFTER);
    DeliveryResult r = platform.deliver(story(2, Cards.full()), channel("C1"));
    // OkHttp's default retryOnConnectionFailure used to re-send the POST on a fresh connection (two more times):
    // story 2 was in the channel three times. Now the one attempt is reported as in doubt.
    assertThat(fake.calls("chat.postMessage").size()).as("posts").isEqualTo(2);
    assertThat(fake.history("C1").size()).as("messages in the channel").isEqualTo(2);
    assertThat(r).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(((DeliveryResult.RetryLater) r).after()).as("no Retry-After: the next attempt checks history").isNull();
  }

  @Test
  void postsOnceWithValidBlocksTextFallbackAndMetadata() {
    DeliveryResult r = platform.deliver(story(42, Cards.full()), channel("C1"));
    assertThat(r).isInstanceOf(DeliveryResult.Sent.class);
    List<Call> posts = fake.calls("chat.postMessage");
    assertThat(posts).hasSize(1);
    Call post = posts.get(0);
    assertThat(((DeliveryResult.Sent) r).messageId()).isNotBlank();
    assertThat(post.authorization()).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);
    assertThat(post.params().get("channel")).isEqualTo("C1");
    assertThat(post.params().get("text")).isNotBlank().contains("GPT-4.5");
    assertThat(post.params().get("unfurl_links")).isIn("0", "false");
    JsonNode blocks = post.json("blocks");
    assertThat(blocks.isArray()).isTrue();
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    com.fasterxml.jackson.databind.node.ObjectNode args = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    args.put("text", post.params().get("text"));
    args.set("blocks", blocks);
    SlackLimits.assertValid(args);
    // the story's feed URL rides on the "Mute source" button (no NewsItem here, so no "More like this")
    assertThat(blocks.findValuesAsText("action_id")).contains("newswire_read", "newswire_mute")
        .doesNotContain("newswire_more");
    assertThat(blocks.findValuesAsText("value")).contains("https://feed.example/rss");
    JsonNode metadata = post.json("metadata");
    assertThat(metadata.path("event_type").asText()).isEqualTo("newswire_delivery");
    assertThat(metadata.path("event_payload").path("delivery_id").asLong()).isEqualTo(42);
  }

  @Test
  void feedMentionsArriveEscaped() {
    Card card = new Card("Breaking <!channel> news <@U999>", "https://a.example/x", "Src", null, null, null,
        "Everyone look <!here> & <http://evil|click>", List.of(), null, null, List.of(), 0, List.of(), null);
    assertThat(platform.deliver(story(1, card), channel("C1"))).isInstanceOf(DeliveryResult.Sent.class);
    Call post = fake.calls("chat.postMessage").get(0);
    String wire = post.params().get("blocks") + post.params().get("text");
    assertThat(wire).doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<@U999>")
        .doesNotContain("<http://evil");
    assertThat(post.params().get("blocks")).contains("&lt;!channel&gt;").contains("&lt;!here&gt;");
    assertThat(post.params().get("text")).contains("&lt;!channel&gt;");
  }

  @Test
  void rateLimitReturnsRetryAfterThenPostsOnce() {
    fake.enqueue("chat.postMessage", Answer.rateLimited(7));
    DeliveryResult first = platform.deliver(story(5, Cards.full()), channel("C1"));
    assertThat(first).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(((DeliveryResult.RetryLater) first).after()).isEqualTo(Duration.ofSeconds(7));
    // the channel stays paced until Retry-After has passed, without calling Slack
    DeliveryResult early = platform.deliver(story(5, Cards.full()), channel("C1"));
    assertThat(early).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    // other channels are not held up
    assertThat(platform.deliver(story(6, Cards.full()), channel("C2"))).isInstanceOf(DeliveryResult.Sent.class);
    nanos.addAndGet(Duration.ofSeconds(7).toNanos());
    assertThat(platform.deliver(story(5, Cards.full()), channel("C1"))).isInstanceOf(DeliveryResult.Sent.class);
    List<Call> posts = fake.calls("chat.postMessage");
    assertThat(posts.stream().filter(c -> c.params().get("channel").equals("C1"))).hasSize(2); // 429 + success
  }

  @Test
  void serverErrorsAndTransientErrorsRetryWithBackoff() {
    fake.enqueue("chat.postMessage", Answer.status(503));
    DeliveryResult r = platform.deliver(story(5, Cards.full()), channel("C1"));
    assertThat(r).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(((DeliveryResult.RetryLater) r).after()).isNull();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    fake.enqueue("chat.postMessage", Answer.error("internal_error"));
    assertThat(platform.deliver(story(5, Cards.full()), channel("C1"))).isInstanceOf(DeliveryResult.RetryLater.class);
  }

  @Test
  void unreachableSlackRetries() throws Exception {
    try (Slack dead = SlackClients.create(new SlackSettings("http://127.0.0.1:1/api/", 0, false))) {
      DeliveryResult r = new SlackPlatform(dead, "xoxb-x").deliver(story(1, Cards.full()), channel("C1"));
      assertThat(r).isInstanceOf(DeliveryResult.RetryLater.class);
      assertThat(((DeliveryResult.RetryLater) r).after()).isNull();
    }
  }

  @Test
  void notInChannelJoinsThenPosts() {
    fake.botNotInChannel("C7");
    DeliveryResult r = platform.deliver(story(9, Cards.full()), channel("C7"));
    assertThat(r).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(fake.calls().stream().map(Call::method).filter(m -> !m.equals("auth.test")).toList())
        .containsExactly("chat.postMessage", "conversations.join", "chat.postMessage");
    assertThat(fake.calls("conversations.join").get(0).params().get("channel")).isEqualTo("C7");
  }

  @Test
  void notInChannelAndCannotJoinFails() {
    fake.channelNotJoinable("G7");
    DeliveryResult r = platform.deliver(story(9, Cards.full()), channel("G7"));
    assertThat(r).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) r).reason()).contains("G7").contains("invite the bot")
        .contains("method_not_supported_for_channel_type");
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void permanentErrorsFailWithReadableReasons() {
    fake.enqueue("chat.postMessage", Answer.error("channel_not_found"));
    DeliveryResult r = platform.deliver(story(1, Cards.full()), channel("C404"));
    assertThat(r).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) r).reason()).contains("C404").contains("not found")
        .contains("invite the bot to #channel or unsubscribe");
    assertThat(((DeliveryResult.Failed) SlackPlatform.fromError("C1", "is_archived", null)).reason()).contains("archived");
    assertThat(((DeliveryResult.Failed) SlackPlatform.fromError("C1", "invalid_auth", null)).reason())
        .contains("SLACK_BOT_TOKEN");
    assertThat(((DeliveryResult.Failed) SlackPlatform.fromError("C1", "account_inactive", null)).reason())
        .contains("SLACK_BOT_TOKEN");
    assertThat(((DeliveryResult.Failed) SlackPlatform.fromError("C1", "missing_scope", "chat:write")).reason())
        .contains("chat:write");
  }

  @Test
  void pacesOneMessagePerSecondPerChannel() {
    // real clock: the second post to C1 waits ~1 s, a post to C2 in between does not
    SlackPlatform real = new SlackPlatform(slack, FakeSlack.BOT_TOKEN);
    long t0 = System.nanoTime();
    assertThat(real.deliver(story(1, Cards.minimal()), channel("C1"))).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(real.deliver(story(2, Cards.minimal()), channel("C2"))).isInstanceOf(DeliveryResult.Sent.class);
    long afterOther = System.nanoTime();
    assertThat(Duration.ofNanos(afterOther - t0)).isLessThan(Duration.ofMillis(900));
    assertThat(real.deliver(story(3, Cards.minimal()), channel("C1"))).isInstanceOf(DeliveryResult.Sent.class);
    List<Call> c1 = fake.calls("chat.postMessage").stream().filter(c -> c.params().get("channel").equals("C1")).toList();
    assertThat(Duration.between(c1.get(0).at(), c1.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }
}
