package dev.newswire.platform.discord;

import org.slf4j.LoggerFactory;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Digest;
import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.RequestPacer;
import dev.newswire.delivery.Story;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Posts story cards to Discord channels through JDA. JDA waits out 429s per rate-limit bucket and retries
 * 502/503/504/52x a few times itself; it does not pace the global limit ahead of time (it only reacts to a global
 * 429, which stops every request for a second), so posts and edits first take a slot from a {@link RequestPacer}
 * just under Discord's 50 requests/s. What is left is mapped to a {@link DeliveryResult}.
 */
public final class DiscordPlatform implements ChatPlatform {
  public static final String ID = "discord";
  /** What the bot needs in a channel to post a card. */
  static final EnumSet<Permission> NEEDED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
      Permission.MESSAGE_EMBED_LINKS);

  private final JDA jda;
  private final DiscordRenderer renderer;
  private final Duration timeout;
  private final java.util.function.Predicate<ChannelRef> threadPerStory;
  private final RequestPacer globalPacer;

  /** Discord's global limit is 50 requests/s per bot; 48 leaves room for command replies and thread creation. */
  public static final double GLOBAL_REQUESTS_PER_SECOND = 48;

  public DiscordPlatform(JDA jda, DiscordRenderer renderer, Duration timeout) {
    this(jda, renderer, timeout, channel -> false);
  }

  /** @param threadPerStory channels where each posted story gets a public discussion thread */
  public DiscordPlatform(JDA jda, DiscordRenderer renderer, Duration timeout,
      java.util.function.Predicate<ChannelRef> threadPerStory) {
    this(jda, renderer, timeout, threadPerStory, RequestPacer.perSecond(GLOBAL_REQUESTS_PER_SECOND));
  }

  public DiscordPlatform(JDA jda, DiscordRenderer renderer, Duration timeout,
      java.util.function.Predicate<ChannelRef> threadPerStory, RequestPacer globalPacer) {
    this.jda = jda;
    this.renderer = renderer;
    this.timeout = timeout;
    this.threadPerStory = threadPerStory;
    this.globalPacer = globalPacer;
  }

  /** False when interrupted while waiting: the caller answers RetryLater. */
  private boolean awaitGlobalSlot() {
    try {
      globalPacer.acquire();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public DeliveryResult deliver(Story story, ChannelRef channel) {
    DeliveryResult result = send(renderer.render(story.card(), story.mentions()), nonce(story.deliveryId()), channel);
    if (result instanceof DeliveryResult.Sent sent && threadPerStory.test(channel)) {
      openThread(channel, sent.messageId(), story.card().title());
    }
    return result;
  }

  /**
   * A thread is a convenience: the story is posted either way, so a failure here is logged, never a failed delivery.
   */
  private void openThread(ChannelRef channel, String messageId, String title) {
    try {
      var container = jda.getChannelById(net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer.class,
          channel.channel());
      if (container == null) return;
      String name = title == null || title.isBlank() ? "Discussion" : title.strip();
      if (name.length() > 100) name = name.substring(0, 99) + "…";
      container.createThreadChannel(name, messageId).queue(
          t -> { },
          e -> LoggerFactory.getLogger(DiscordPlatform.class)
              .warn("Could not open a thread on {} in {}: {}", messageId, channel, e.getMessage()));
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(DiscordPlatform.class).warn("Could not open a thread in {}: {}", channel, e.getMessage());
    }
  }

  @Override
  public DeliveryResult deliverDigest(Digest digest, ChannelRef channel) {
    return send(renderer.digest(digest.heading(), digest.cards()), digestNonce(digest.key()), channel);
  }

  private DeliveryResult send(com.fasterxml.jackson.databind.node.ObjectNode payload, String nonce, ChannelRef channel) {
    String channelId = channel.channel();
    GuildMessageChannel target;
    try {
      target = jda.getChannelById(GuildMessageChannel.class, channelId);
    } catch (NumberFormatException e) {
      return new DeliveryResult.Failed("Channel " + channelId + " is not a Discord channel id. Unsubscribe it.");
    }
    if (target == null) {
      return new DeliveryResult.Failed(missingChannel(channel));
    }
    Member self = target.getGuild().getSelfMember();
    List<Permission> missing = new ArrayList<>();
    for (Permission p : NEEDED) {
      if (!self.hasPermission(target, p)) missing.add(p);
    }
    if (!missing.isEmpty()) {
      return new DeliveryResult.Failed(noPermission(target, missing));
    }
    if (!awaitGlobalSlot()) return new DeliveryResult.RetryLater("interrupted while posting to Discord", null);
    CompletableFuture<Message> sent;
    try {
      sent = target.sendMessage(DiscordMessages.create(payload))
          .setNonce(nonce)
          .submit();
    } catch (InsufficientPermissionException e) {
      return new DeliveryResult.Failed(noPermission(target, List.of(e.getPermission())));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return new DeliveryResult.Failed("The card cannot be sent to Discord: " + e.getMessage());
    }
    try {
      Message message = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new DeliveryResult.Sent(message.getId());
    } catch (TimeoutException e) {
      sent.cancel(false);
      // The nonce lets Discord drop the duplicate if the first attempt did get through.
      return new DeliveryResult.RetryLater("Discord did not answer within " + timeout, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.RetryLater("interrupted while posting to Discord", null);
    } catch (ExecutionException e) {
      return failure(e.getCause(), target);
    }
  }

  /**
   * Replaces the message's embeds with the updated card (JDA editMessageEmbedsById). The content, and with it a
   * topic mention, is left as posted; mentions stay off, so an edit never pings again.
   */
  @Override
  public DeliveryResult edit(ChannelRef channel, String messageId, Story updated) {
    GuildMessageChannel target;
    try {
      target = jda.getChannelById(GuildMessageChannel.class, channel.channel());
    } catch (NumberFormatException e) {
      return new DeliveryResult.Failed("Channel " + channel.channel() + " is not a Discord channel id.");
    }
    if (target == null) return new DeliveryResult.Failed(missingChannel(channel));
    if (!awaitGlobalSlot()) return new DeliveryResult.RetryLater("interrupted while editing on Discord", null);
    CompletableFuture<Message> edited;
    try {
      edited = target.editMessageEmbedsById(messageId, DiscordMessages.embeds(renderer.render(updated.card())))
          .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
          .submit();
    } catch (InsufficientPermissionException e) {
      return new DeliveryResult.Failed(noPermission(target, List.of(e.getPermission())));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return new DeliveryResult.Failed("The updated card cannot be sent to Discord: " + e.getMessage());
    }
    try {
      Message message = edited.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new DeliveryResult.Sent(message.getId());
    } catch (TimeoutException e) {
      edited.cancel(false);
      return new DeliveryResult.RetryLater("Discord did not answer the edit within " + timeout, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.RetryLater("interrupted while editing on Discord", null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ErrorResponseException err && err.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
        return new DeliveryResult.Failed("The message " + messageId + " in " + describe(target) + " was deleted.");
      }
      return failure(e.getCause(), target);
    }
  }

  private DeliveryResult failure(Throwable cause, GuildMessageChannel target) {
    String where = describe(target);
    if (cause instanceof ErrorResponseException err) {
      int status = err.getResponse() == null ? 0 : err.getResponse().code;
      if (err.isServerError() || status >= 500) {
        return new DeliveryResult.RetryLater("Discord server error " + status + " posting in " + where, null);
      }
      ErrorResponse code = err.getErrorResponse();
      if (code == ErrorResponse.UNKNOWN_CHANNEL) {
        return new DeliveryResult.Failed("Channel " + where + " no longer exists. Unsubscribe it.");
      }
      if (code == ErrorResponse.MISSING_ACCESS) {
        return new DeliveryResult.Failed("The bot cannot see channel " + where
            + ": missing access. Grant it View Channel there or unsubscribe.");
      }
      if (code == ErrorResponse.MISSING_PERMISSIONS) {
        return new DeliveryResult.Failed("The bot cannot post in channel " + where
            + ": missing permission (Discord said: " + err.getMeaning() + "). Grant it "
            + names(NEEDED) + " or unsubscribe.");
      }
      if (code == ErrorResponse.UNKNOWN_GUILD) {
        return new DeliveryResult.Failed("The bot is no longer in the server of channel " + where
            + ". Invite it again or unsubscribe.");
      }
      return new DeliveryResult.Failed("Discord refused the card for " + where + ": " + err.getMeaning()
          + " (HTTP " + status + ", code " + err.getErrorCode() + ")");
    }
    if (cause instanceof InsufficientPermissionException e) {
      return new DeliveryResult.Failed(noPermission(target, List.of(e.getPermission())));
    }
    if (cause instanceof IOException || cause instanceof TimeoutException) {
      return new DeliveryResult.RetryLater("network error posting in " + where + ": " + cause, null);
    }
    return new DeliveryResult.RetryLater("unexpected error posting in " + where + ": " + cause, null);
  }

  private String missingChannel(ChannelRef ref) {
    String guildId = ref.workspace();
    boolean knownGuildId = guildId != null && guildId.matches("\\d{1,20}");
    if (knownGuildId && jda.getGuildById(guildId) == null) {
      return "The bot is not in server " + guildId + " (channel " + ref.channel() + "). Invite it again with "
          + DiscordBot.inviteUrl(jda.getSelfUser().getApplicationId()) + " or unsubscribe.";
    }
    return "Channel " + ref.channel() + " does not exist or the bot cannot see it. Grant it View Channel there or "
        + "unsubscribe.";
  }

  private static String noPermission(GuildMessageChannel target, List<Permission> missing) {
    return "The bot cannot post in channel " + describe(target) + ": missing permission" + (missing.size() > 1 ? "s " : " ")
        + names(missing) + ". Grant it or unsubscribe.";
  }

  private static String describe(GuildMessageChannel target) {
    Guild g = target.getGuild();
    return "#" + target.getName() + " (" + target.getId() + ") in " + g.getName();
  }

  private static String names(java.util.Collection<Permission> permissions) {
    return permissions.stream().map(Permission::getName).collect(Collectors.joining(", "));
  }

  /** At most 25 characters; the same for every attempt of one delivery, so Discord can drop a duplicate. */
  static String nonce(long deliveryId) {
    return "nw" + deliveryId;
  }

  /** Discord nonces are at most 25 characters: a digest key is hashed into that. */
  static String digestNonce(String key) {
    return "nwd" + Integer.toUnsignedString(key.hashCode(), 36) + Integer.toUnsignedString(key.length(), 36);
  }
}
