package dev.newswire.platform.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Digest;
import dev.newswire.delivery.Story;
import dev.newswire.delivery.TextRenderer;
import java.io.PrintStream;

/**
 * Prints stories on stdout: the platform of a run without chat tokens, and a way to watch the pipeline.
 * Its one channel, "console", receives every new story of every feed.
 */
public final class ConsolePlatform implements ChatPlatform {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final boolean json;
  private final TextRenderer renderer = new TextRenderer();

  public ConsolePlatform(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  @Override
  public String id() {
    return ChannelRef.CONSOLE.platform();
  }

  @Override
  public DeliveryResult deliver(Story story, ChannelRef channel) {
    String text = json ? jsonLine(story, channel) : renderer.render(story.card());
    synchronized (out) {
      out.println(text);
      out.flush();
      if (out.checkError()) return new DeliveryResult.RetryLater("stdout is not writable", null);
    }
    return new DeliveryResult.Sent("console-" + story.deliveryId());
  }

  @Override
  public DeliveryResult deliverDigest(Digest digest, ChannelRef channel) {
    String text;
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("channel", channel.channel());
      o.put("digest", digest.heading());
      var titles = o.putArray("stories");
      digest.cards().forEach(c -> titles.add(c.title()));
      // How many outlets ran each story, by position: what the rendered digest says as "covered by N sources".
      var sources = o.putArray("sources");
      digest.cards().forEach(c -> sources.add(1 + c.alsoCoveredBy().size()));
      text = o.toString();
    } else {
      text = renderer.digest(digest.heading(), digest.cards());
    }
    synchronized (out) {
      out.println(text);
      out.flush();
    }
    return new DeliveryResult.Sent("console-digest-" + digest.key());
  }

  /** Prints an "updated:" line (JSON mode: {"updated": messageId, ...}) with the outlets now covering the story. */
  @Override
  public DeliveryResult edit(ChannelRef channel, String messageId, Story updated) {
    String others = updated.card().alsoCoveredBy().stream().map(l -> l.name() + " " + l.url())
        .collect(java.util.stream.Collectors.joining(", "));
    String text;
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("updated", messageId);
      o.put("channel", channel.channel());
      o.put("title", updated.item().title());
      var arr = o.putArray("alsoCoveredBy");
      updated.card().alsoCoveredBy().forEach(l -> arr.addObject().put("name", l.name()).put("url", l.url()));
      text = o.toString();
    } else {
      text = "updated: " + updated.item().title() + " (also covered by " + others + ")";
    }
    synchronized (out) {
      out.println(text);
      out.flush();
      if (out.checkError()) return new DeliveryResult.RetryLater("stdout is not writable", null);
    }
    return new DeliveryResult.Sent(messageId);
  }

  static String jsonLine(Story story, ChannelRef channel) {
    ObjectNode o = JSON.createObjectNode();
    o.put("channel", channel.channel());
    o.put("feed", story.feedUrl());
    o.put("id", story.item().displayId());
    o.put("title", story.item().title());
    o.put("link", story.item().link());
    o.put("published", story.item().published() == null ? null : story.item().published().toString());
    return o.toString();
  }
}
