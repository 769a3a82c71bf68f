package dev.newswire.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.Story;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.support.Cards;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real JDA 6.5 against {@link FakeDiscord}: one bot for the class; each test uses fresh delivery ids. */
class DiscordPlatformTest {
  static final String MESSAGES = "/channels/\\d+/messages";
  static FakeDiscord discord;
  static DiscordBot bot;
  static DiscordPlatform platform;
  static final AtomicLong deliveryIds = new AtomicLong();
  static final ChannelRef NEWS = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

  @BeforeAll
  static void start() throws Exception {
    discord = FakeDiscord.start();
    bot = DiscordBot.start(FakeDiscord.TOKEN, discord.config(), Duration.ofSeconds(20));
    platform = new DiscordPlatform(bot.jda(), new DiscordRenderer(), Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    if (bot != null) bot.close();
    if (discord != null) discord.close();
  }

  static Story story() {
    return new Story(deliveryIds.incrementAndGet(), "https://openai.com/news/rss.xml", "OpenAI News", null,
        Cards.full());
  }

  private int posted() {
    return discord.messagesIn(FakeDiscord.CHANNEL_ID).size();
  }

  @Test
  void storyArrivesAsOneEmbedWithNoMentions() {
    int before = posted();
    Story story = story();
    DeliveryResult result = platform.deliver(story, NEWS);

    assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(((DeliveryResult.Sent) result).messageId()).matches("\\d+");
    JsonNode body = discord.messagesIn(FakeDiscord.CHANNEL_ID).get(before);
    assertThat(discord.messagesIn(FakeDiscord.CHANNEL_ID)).hasSize(before + 1);
    assertThat(body.path("embeds")).hasSize(1);
    JsonNode embed = body.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("OpenAI releases GPT-4.5 to Pro users");
    assertThat(embed.path("url").asText()).isEqualTo("https://openai.com/index/introducing-gpt-4-5/");
    assertThat(embed.path("description").asText()).startsWith("OpenAI released GPT-4.5");
    assertThat(embed.path("fields").findValuesAsText("name"))
        .containsExactly("Why it matters", "Who should care", "What to do next");
    assertThat(embed.path("author").path("name").asText()).isEqualTo("OpenAI News");
    assertThat(embed.path("image").path("url").asText()).isEqualTo("https://images.example.com/gpt45.png");
    assertThat(embed.path("color").asInt()).isEqualTo(0x5865F2);
    assertThat(embed.path("timestamp").asText()).startsWith("2025-02-27T20:00");
    // Nothing in the message may ping: parse is present and empty.
    assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
    assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
    // Idempotency key derived from the delivery id.
    assertThat(body.path("nonce").asText()).isEqualTo("nw" + story.deliveryId());
    assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
  }

  @Test
  void aResentDeliveryAfterACrashReturnsTheFirstMessageThanksToEnforceNonce() {
    int before = posted();
    Story story = story();
    DeliveryResult first = platform.deliver(story, NEWS);
    // The process "died" before recording the result; the restarted dispatcher sends the same delivery again.
    DeliveryResult again = platform.deliver(story, NEWS);
    assertThat(again).isEqualTo(first);
    assertThat(posted()).isEqualTo(before + 1);
    assertThat(discord.duplicateNonces()).isPositive();
  }

  @Test
  void channelUnknownToTheBotFailsWithAReadableReason() {
    DeliveryResult result = platform.deliver(story(), new ChannelRef("discord", FakeDiscord.GUILD_ID, "601"));
    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) result).reason()).contains("Channel 601 does not exist")
        .contains("unsubscribe");
  }

  @Test
  void guildWithoutTheBotFailsWithInviteLink() {
    DeliveryResult result = platform.deliver(story(), new ChannelRef("discord", "777", "778"));
    assertThat(((DeliveryResult.Failed) result).reason()).contains("not in server 777")
        .contains("https://discord.com/oauth2/authorize?client_id=111");
  }

  @Test
  void channelDeletedSinceStartupFailsWithUnknownChannel() {
    discord.errorCodeNext("POST", MESSAGES, 404, 10003, "Unknown Channel");
    DeliveryResult result = platform.deliver(story(), NEWS);
    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) result).reason()).contains("#news (600) in Newsroom no longer exists");
  }

  @Test
  void permissionsRemovedServerSideFailWithAReadableReason() {
    discord.errorCodeNext("POST", MESSAGES, 403, 50013, "Missing Permissions");
    DeliveryResult result = platform.deliver(story(), NEWS);
    assertThat(((DeliveryResult.Failed) result).reason()).startsWith("The bot cannot post in channel #news")
        .contains("Embed Links").contains("or unsubscribe");

    discord.errorCodeNext("POST", MESSAGES, 403, 50001, "Missing Access");
    assertThat(((DeliveryResult.Failed) platform.deliver(story(), NEWS)).reason()).contains("missing access");
  }

  @Test
  void rateLimitIsWaitedOutByJdaAndPostsExactlyOnce() {
    int before = posted();
    int postsBefore = discord.requests("POST", MESSAGES).size();
    discord.rateLimitNext("POST", MESSAGES, 0.5);
    long start = System.nanoTime();
    DeliveryResult result = platform.deliver(story(), NEWS);
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(posted()).isEqualTo(before + 1);
    assertThat(discord.requests("POST", MESSAGES)).hasSize(postsBefore + 2); // the 429, then the retry
    assertThat(tookMs).isGreaterThanOrEqualTo(400);
    System.err.println("429 with retry_after 0.5 s (Retry-After: 1) → Sent after " + tookMs + " ms");
  }

  @Test
  void http500IsRetryLaterAndTheNextAttemptPosts() {
    int before = posted();
    discord.serverErrorNext("POST", MESSAGES, 500);
    DeliveryResult first = platform.deliver(story(), NEWS);
    assertThat(first).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(((DeliveryResult.RetryLater) first).reason()).contains("500");
    assertThat(posted()).isEqualTo(before);

    assertThat(platform.deliver(story(), NEWS)).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(posted()).isEqualTo(before + 1);
  }

  @Test
  void http503IsRetriedInsideJdaAndPostsOnce() {
    int before = posted();
    discord.serverErrorNext("POST", MESSAGES, 503);
    long start = System.nanoTime();
    DeliveryResult result = platform.deliver(story(), NEWS);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
    assertThat(posted()).isEqualTo(before + 1);
    System.err.println("503 once → JDA retried itself, Sent after " + tookMs + " ms");
  }

  @Test
  void gatewayDropIsResumedAndTheBotStillPosts() throws Exception {
    int identifies = discord.identifies();
    discord.dropGateway();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (discord.resumes() + discord.identifies() - identifies == 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(discord.resumes() + discord.identifies() - identifies).isPositive();
    assertThat(platform.deliver(story(), NEWS)).isInstanceOf(DeliveryResult.Sent.class);
    System.err.println("gateway drop → resumes=" + discord.resumes() + " identifies=" + discord.identifies());
  }

  @Test
  void tokenNeverReachesTheLogOrErrors() {
    assertThat(DiscordBot.inviteUrl("111")).doesNotContain(FakeDiscord.TOKEN);
    assertThat(platform.deliver(story(), new ChannelRef("discord", "777", "778")).toString())
        .doesNotContain(FakeDiscord.TOKEN);
  }

  static Map<String, Object> none() {
    return Map.of();
  }
}
