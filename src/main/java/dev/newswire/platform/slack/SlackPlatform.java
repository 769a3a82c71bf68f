package dev.newswire.platform.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Digest;
import dev.newswire.delivery.SlackRenderer;
import dev.newswire.delivery.Story;
import java.io.IOException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts stories to Slack with chat.postMessage (Block Kit from {@link SlackRenderer}, text fallback, link previews
 * off) and turns every Slack answer into a {@link DeliveryResult}.
 *
 * <p><b>Pacing.</b> Slack allows about one message per second per channel. Each channel has a next-allowed time;
 * a post reserves the next slot atomically and, when that slot is at most {@code maxInlineWait} away, sleeps just
 * that long on the calling thread without holding any lock, so posts to other channels (from other threads) are
 * never held up. We sleep rather than return RetryLater for these sub-second waits because the Dispatcher counts
 * every RetryLater as an attempt and only comes back on its next tick: a burst of ten stories to one channel would
 * take ten ticks and burn ten attempts. Since the Dispatcher interleaves channels, the wait has usually passed by
 * the time it returns to a channel; only a single-channel burst actually sleeps (≈1 s per story, Slack's own
 * limit). Longer waits (a channel under a Slack 429 Retry-After) are returned as RetryLater(remaining).
 *
 * <p><b>Crash de-duplication.</b> Each post carries message metadata {@code newswire_delivery {delivery_id}}, so a
 * later version can look in conversations.history before re-sending a delivery whose "sent" was never recorded.
 */
public final class SlackPlatform implements ChatPlatform {
  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

  public static final String ID = "slack";
  public static final String METADATA_EVENT_TYPE = "newswire_delivery";

  private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
      "request_timeout", "ratelimited", "rate_limited", "team_added_to_org");
  private static final Set<String> BAD_TOKEN = Set.of("invalid_auth", "account_inactive", "token_revoked",
      "token_expired", "not_authed", "no_permission", "org_login_required", "ekm_access_denied");

  private final MethodsClient methods;
  private final SlackRenderer renderer = new SlackRenderer();
  private final Duration spacing;
  private final Duration maxInlineWait;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Long> nextAllowedNanos = new ConcurrentHashMap<>();

  public SlackPlatform(Slack slack, String botToken) {
    this(slack, botToken, Duration.ofSeconds(1), Duration.ofMillis(1500), System::nanoTime);
  }

  SlackPlatform(Slack slack, String botToken, Duration spacing, Duration maxInlineWait, LongSupplier nanoClock) {
    this.methods = slack.methods(botToken);
    this.spacing = spacing;
    this.maxInlineWait = maxInlineWait;
    this.nanoClock = nanoClock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public DeliveryResult deliver(Story story, ChannelRef channel) {
    return send(renderer.render(story), String.valueOf(story.deliveryId()), channel);
  }

  @Override
  public DeliveryResult deliverDigest(Digest digest, ChannelRef channel) {
    return send(renderer.digest(digest.heading(), digest.cards(), digest.primaryTopicIds()), digest.key(), channel);
  }

  private DeliveryResult send(ObjectNode args, String deliveryKey, ChannelRef channel) {
    String ch = channel.channel();
    DeliveryResult paced = awaitSlot(ch);
    if (paced != null) return paced;
    try {
      ChatPostMessageResponse r = post(ch, args, deliveryKey);
      if (!r.isOk() && "not_in_channel".equals(r.getError())) {
        ConversationsJoinResponse join = methods.conversationsJoin(q -> q.channel(ch));
        if (!join.isOk()) {
          return new DeliveryResult.Failed("The Slack bot is not in channel " + ch + " and could not join it ("
              + join.getError() + (join.getNeeded() != null ? ", needs scope " + join.getNeeded() : "")
              + "): invite the bot to #channel (/invite @Newswire) or unsubscribe.");
        }
        log.info("Joined Slack channel {} to post", ch);
        r = post(ch, args, deliveryKey);
      }
      if (r.isOk()) {
        return new DeliveryResult.Sent(r.getTs());
      }
      return fromError(ch, r.getError(), r.getNeeded());
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        Duration after = retryAfter(e.getResponse().header("Retry-After"));
        nextAllowedNanos.merge(ch, nanoClock.getAsLong() + after.toNanos(), Math::max);
        return new DeliveryResult.RetryLater("Slack rate limit (HTTP 429) on channel " + ch, after);
      }
      return new DeliveryResult.RetryLater("Slack answered HTTP " + code + (e.getError() != null && e.getError()
          .getError() != null ? " (" + e.getError().getError() + ")" : ""), null);
    } catch (IOException e) {
      return new DeliveryResult.RetryLater("Slack unreachable: " + e.getMessage(), null);
    }
  }

  /**
   * Looks through the channel's history since the delivery was created for a message carrying our metadata
   * {@code newswire_delivery {delivery_id}} (needs channels:history; groups:history for private channels).
   */
  @Override
  public Optional<String> findDelivered(Story story, ChannelRef channel, Instant since) {
    String oldest = since == null ? null
        : since.minusSeconds(60).getEpochSecond() + ".000000";
    String cursor = null;
    for (int page = 0; page < 20; page++) {
      String c = cursor;
      ConversationsHistoryResponse r;
      try {
        r = methods.conversationsHistory(q -> q.channel(channel.channel()).oldest(oldest).limit(200)
            .includeAllMetadata(true).cursor(c));
      } catch (IOException | SlackApiException e) {
        throw new IllegalStateException("Slack conversations.history failed: " + e.getMessage(), e);
      }
      if (!r.isOk()) {
        throw new IllegalStateException("Slack conversations.history answered " + r.getError()
            + (r.getNeeded() != null ? " (needs " + r.getNeeded() + ")" : ""));
      }
      if (r.getMessages() != null) {
        for (Message m : r.getMessages()) {
          if (m.getMetadata() != null && METADATA_EVENT_TYPE.equals(m.getMetadata().getEventType())
              && m.getMetadata().getEventPayload() != null) {
            Object id = m.getMetadata().getEventPayload().get("delivery_id");
            if (id != null && String.valueOf(story.deliveryId()).equals(stripDecimal(String.valueOf(id)))) {
              return Optional.of(m.getTs());
            }
          }
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (!r.isHasMore() || cursor == null || cursor.isEmpty()) return Optional.empty();
    }
    throw new IllegalStateException("Slack channel " + channel.channel() + " history too long to check");
  }

  /** Gson reads JSON numbers in a Map as doubles ("42.0"). */
  private static String stripDecimal(String n) {
    return n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
  }

  @Override
  public boolean postNotice(ChannelRef channel, String text) {
    try {
      return methods.chatPostMessage(q -> q.channel(channel.channel()).text(text)).isOk();
    } catch (IOException | SlackApiException e) {
      return false;
    }
  }


  /** chat.update with the updated blocks and text fallback; paced like posts. */
  @Override
  public DeliveryResult edit(ChannelRef channel, String messageId, Story updated) {
    String ch = channel.channel();
    DeliveryResult paced = awaitSlot(ch);
    if (paced != null) return paced;
    ObjectNode args = renderer.render(updated);
    JsonNode blocks = args.get("blocks");
    try {
      com.slack.api.methods.response.chat.ChatUpdateResponse r = methods.chatUpdate(q -> q.channel(ch).ts(messageId)
          .text(args.path("text").asText())
          .blocksAsString(blocks == null ? null : blocks.toString()));
      if (r.isOk()) return new DeliveryResult.Sent(r.getTs() != null ? r.getTs() : messageId);
      if ("message_not_found".equals(r.getError()) || "cant_update_message".equals(r.getError())) {
        return new DeliveryResult.Failed("Slack cannot update message " + messageId + " in " + ch + ": " + r.getError());
      }
      return fromError(ch, r.getError(), r.getNeeded());
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        Duration after = retryAfter(e.getResponse().header("Retry-After"));
        nextAllowedNanos.merge(ch, nanoClock.getAsLong() + after.toNanos(), Math::max);
        return new DeliveryResult.RetryLater("Slack rate limit (HTTP 429) on channel " + ch, after);
      }
      return new DeliveryResult.RetryLater("Slack answered HTTP " + code + " to chat.update", null);
    } catch (IOException e) {
      return new DeliveryResult.RetryLater("Slack unreachable: " + e.getMessage(), null);
    }
  }

  private ChatPostMessageResponse post(String ch, ObjectNode args, String deliveryKey)
      throws IOException, SlackApiException {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("event_type", METADATA_EVENT_TYPE);
    ObjectNode payload = metadata.putObject("event_payload");
    if (deliveryKey.chars().allMatch(Character::isDigit)) payload.put("delivery_id", Long.parseLong(deliveryKey));
    else payload.put("digest_key", deliveryKey);
    JsonNode blocks = args.get("blocks");
    return methods.chatPostMessage(q -> q.channel(ch)
        .text(args.path("text").asText())
        .blocksAsString(blocks == null ? null : blocks.toString())
        .unfurlLinks(args.path("unfurl_links").asBoolean(false))
        .unfurlMedia(args.path("unfurl_media").asBoolean(false))
        .metadataAsString(metadata.toString()));
  }

  /**
   * Waits for this channel's next posting slot when it is near; returns null when the caller may post now, or a
   * RetryLater when the slot is too far off (or the wait was interrupted).
   */
  private DeliveryResult awaitSlot(String ch) {
    Duration wait = reserveSlot(ch);
    if (wait.compareTo(maxInlineWait) > 0) {
      return new DeliveryResult.RetryLater("Slack channel " + ch + " is paced (rate limit)", wait);
    }
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis(), (int) (wait.toNanosPart() % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeliveryResult.RetryLater("interrupted while pacing", null);
      }
    }
    return null;
  }

  /** Reserves this channel's next slot; returns how long to wait for it (zero when free now). */
  private Duration reserveSlot(String ch) {
    long now = nanoClock.getAsLong();
    long[] wait = new long[1];
    nextAllowedNanos.compute(ch, (k, next) -> {
      long slot = next == null || next - now <= 0 ? now : next;
      wait[0] = slot - now;
      if (Duration.ofNanos(wait[0]).compareTo(maxInlineWait) > 0) {
        return next; // not reserved: the caller will come back later
      }
      return slot + spacing.toNanos();
    });
    return Duration.ofNanos(wait[0]);
  }

  static DeliveryResult fromError(String ch, String error, String needed) {
    String e = error == null ? "unknown_error" : error;
    if (TRANSIENT.contains(e)) {
      return new DeliveryResult.RetryLater("Slack error " + e, null);
    }
    if (BAD_TOKEN.contains(e)) {
      return new DeliveryResult.Failed("Slack rejected the bot token (" + e + "): check SLACK_BOT_TOKEN or reinstall"
          + " the Slack app.");
    }
    return switch (e) {
      case "channel_not_found" -> new DeliveryResult.Failed("Slack channel " + ch + " was not found (deleted, or"
          + " private without the bot): invite the bot to #channel or unsubscribe.");
      case "is_archived" -> new DeliveryResult.Failed("Slack channel " + ch + " is archived: unarchive it or"
          + " unsubscribe.");
      case "not_in_channel" -> new DeliveryResult.Failed("The Slack bot is not in channel " + ch
          + ": invite the bot to #channel or unsubscribe.");
      case "missing_scope" -> new DeliveryResult.Failed("The Slack app lacks the OAuth scope "
          + (needed == null ? "it needs" : needed) + ": add it (see config/slack-manifest.yaml) and reinstall the app.");
      case "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
          "restricted_action_non_threadable_channel", "ekm_access_denied_channel" ->
          new DeliveryResult.Failed("Slack does not let the bot post in channel " + ch + " (" + e + "): allow it in"
              + " the channel settings or unsubscribe.");
      default -> new DeliveryResult.Failed("Slack refused the message for channel " + ch + " (" + e + ").");
    };
  }

  static Duration retryAfter(String header) {
    if (header != null) {
      try {
        long s = Long.parseLong(header.trim());
        if (s >= 0) {
          return Duration.ofSeconds(Math.min(s, 3600));
        }
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    return Duration.ofSeconds(30);
  }

  /** Channels currently paced; for tests. */
  List<String> pacedChannels() {
    long now = nanoClock.getAsLong();
    return nextAllowedNanos.entrySet().stream().filter(en -> en.getValue() - now > 0).map(java.util.Map.Entry::getKey)
        .toList();
  }
}
