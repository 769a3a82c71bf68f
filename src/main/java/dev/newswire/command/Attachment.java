package dev.newswire.command;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file handed to a command: where to download it and what the platform says about it. The adapter never downloads;
 * the command fetches {@code url} through the guarded fetcher (address rules, size cap), so a user-supplied link gets
 * the same SSRF protection as a feed.
 *
 * @param url      http(s) URL of the file (Discord: the attachment's CDN URL; Slack: the link the user typed)
 * @param filename the file's name as uploaded, or the last segment of the link
 * @param size     size in bytes as the platform reports it, or -1 when unknown
 * @param headers  extra request headers for the URL's own origin only (Slack: the bot token for files.slack.com)
 */
public record Attachment(String url, String filename, long size, Map<String, String> headers) {
  public Attachment {
    url = url == null ? "" : url.strip();
    filename = filename == null || filename.isBlank() ? nameOf(url) : filename;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A link typed as text: no known size, no headers. */
  public static Attachment link(String url) {
    return new Attachment(url, null, -1, Map.of());
  }

  public Attachment withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Attachment(url, filename, size, h);
  }

  /** The host of {@code url}, lower case, or "" when it has none. */
  public String host() {
    try {
      String h = new URI(url).getHost();
      return h == null ? "" : h.toLowerCase(java.util.Locale.ROOT);
    } catch (Exception e) {
      return "";
    }
  }

  private static String nameOf(String url) {
    if (url == null) return "";
    String path = url;
    try {
      String p = new URI(url).getPath();
      if (p != null) path = p;
    } catch (Exception ignored) {
      // keep the raw text
    }
    int slash = path.lastIndexOf('/');
    String name = slash >= 0 ? path.substring(slash + 1) : path;
    return name.isBlank() ? url : name;
  }

  /** The URL, never the headers (they may hold a token). */
  @Override
  public String toString() {
    return url;
  }
}
