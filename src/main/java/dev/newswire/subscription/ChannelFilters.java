package dev.newswire.subscription;

import com.google.re2j.Pattern;
import dev.newswire.news.NewsItem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a story passes one channel's filters: an exclude match always drops it; when the channel has include
 * filters, at least one must match.
 */
public final class ChannelFilters {
  /** Long bodies are cut before matching: the filters are about what a story is, and RE2 is linear anyway. */
  static final int MAX_TEXT = 20_000;
  private final Map<FilterPattern, Pattern> compiled = new ConcurrentHashMap<>();

  public boolean passes(NewsItem item, List<ChannelFilter> filters) {
    boolean hasInclude = false;
    boolean included = false;
    for (ChannelFilter f : filters) {
      boolean match = matches(f, item);
      if (ChannelFilter.EXCLUDE.equals(f.action())) {
        if (match) return false;
      } else {
        hasInclude = true;
        included |= match;
      }
    }
    return !hasInclude || included;
  }

  public boolean matches(ChannelFilter f, NewsItem item) {
    String text = switch (f.field()) {
      case "title" -> item.title();
      case "summary" -> item.summary();
      default -> item.title() + "\n" + item.summary();
    };
    if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
    Pattern p = compiled.computeIfAbsent(f.pattern(), FilterPattern::compile);
    return p.matcher(text).find();
  }
}
