package dev.newswire.ops;

import dev.newswire.store.NewFeed;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Decides what an OPML import would do: which feeds to add, which are duplicates (skipped, reported), which are
 * invalid (reported; any invalid entry means nothing is imported).
 */
public final class OpmlImport {
  private OpmlImport() {}

  /** A note about one outline, with its line. */
  public record Note(int line, String title, String message) {
    @Override
    public String toString() {
      return "line " + line + (title.isBlank() ? "" : " ('" + title + "')") + ": " + message;
    }
  }

  /**
   * @param toAdd      feeds to add, in file order
   * @param problems   invalid entries: when any, the import must write nothing
   * @param duplicates entries skipped because the feed is already stored or appears earlier in the file
   */
  public record Plan(List<NewFeed> toAdd, List<Note> problems, List<Note> duplicates) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Plan plan(List<Opml.Entry> entries, Collection<String> storedUrls, IntConsumer progress) {
    Set<String> stored = new HashSet<>();
    for (String u : storedUrls) stored.add(Opml.urlKey(u));
    Map<String, Integer> firstLine = new HashMap<>();
    List<NewFeed> toAdd = new ArrayList<>();
    List<Note> problems = new ArrayList<>();
    List<Note> duplicates = new ArrayList<>();
    int i = 0;
    for (Opml.Entry e : entries) {
      if (++i % 100 == 0) progress.accept(i);
      String url = e.url() == null ? "" : e.url().strip();
      String invalid = invalid(url);
      if (invalid != null) {
        problems.add(new Note(e.line(), e.title(), invalid));
        continue;
      }
      String key = Opml.urlKey(url);
      Integer earlier = firstLine.putIfAbsent(key, e.line());
      if (earlier != null) {
        duplicates.add(new Note(e.line(), e.title(), "skipped: same feed as line " + earlier + " (" + url + ")"));
      } else if (stored.contains(key)) {
        duplicates.add(new Note(e.line(), e.title(), "skipped: already subscribed (" + url + ")"));
      } else {
        String name = e.title().isBlank() ? url : e.title();
        toAdd.add(new NewFeed(url, name.length() > 300 ? name.substring(0, 300) : name, e.category()));
      }
    }
    return new Plan(List.copyOf(toAdd), List.copyOf(problems), List.copyOf(duplicates));
  }

  /** Why the URL cannot be a feed, or null when it can. */
  static String invalid(String url) {
    if (url.isEmpty()) return "xmlUrl is empty; give the http(s) URL of the feed";
    if (url.length() > 2048) return "the URL is longer than 2048 characters";
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException ex) {
      return "'" + url + "' is not a well-formed URL (" + ex.getReason() + ")";
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "'" + url + "' is not an http(s) URL" + (scheme.equals("feed") ? " (replace feed:// with https://)" : "");
    }
    if (u.getHost() == null || u.getHost().isBlank()) return "'" + url + "' has no host name";
    return null;
  }
}
