package dev.newswire.platform.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Turns DiscordRenderer's create-message JSON into JDA message data, with mentions off but those it allows. */
final class DiscordMessages {
  private DiscordMessages() {}

  static List<MessageEmbed> embeds(ObjectNode payload) {
    List<MessageEmbed> embeds = new ArrayList<>();
    JsonNode array = payload.path("embeds");
    for (JsonNode e : array) {
      if (embeds.size() == Message.MAX_EMBED_COUNT) break;
      embeds.add(EmbedBuilder.fromData(DataObject.fromJson(e.toString())).build());
    }
    return embeds;
  }

  static String content(ObjectNode payload) {
    String content = payload.path("content").asText("");
    return content.length() <= Message.MAX_CONTENT_LENGTH ? content : content.substring(0, Message.MAX_CONTENT_LENGTH);
  }

  /**
   * Mentions stay off except the role and user ids the renderer listed in allowed_mentions (a topic mention an
   * admin set up): JDA then sends {@code {"parse":[],"roles":[…],"users":[…]}}, so nothing else can ping.
   */
  static MessageCreateData create(ObjectNode payload) {
    JsonNode allowed = payload.path("allowed_mentions");
    return new MessageCreateBuilder()
        .setContent(content(payload))
        .setEmbeds(embeds(payload))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionRoles(ids(allowed.path("roles")))
        .mentionUsers(ids(allowed.path("users")))
        .mentionRepliedUser(false)
        .build();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    for (JsonNode id : array) ids.add(id.asText());
    return ids;
  }

  static MessageCreateData text(String text) {
    return new MessageCreateBuilder().setContent(fit(text))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionRepliedUser(false).build();
  }

  static MessageEditData edit(MessageCreateData create) {
    return new MessageEditBuilder().applyCreateData(create)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionRepliedUser(false).build();
  }

  static String fit(String text) {
    if (text == null || text.isBlank()) return "(no answer)";
    return text.length() <= Message.MAX_CONTENT_LENGTH ? text : text.substring(0, Message.MAX_CONTENT_LENGTH - 1) + "…";
  }
}
