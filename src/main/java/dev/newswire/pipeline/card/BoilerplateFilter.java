package dev.newswire.pipeline.card;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes the text that feeds wrap around a story but that is not the story: WordPress's "The post …
 * appeared first on …", "Read more" links, bylines, image credits, comment counters, and the metadata
 * that aggregators (hnrss, arXiv, Hugging Face papers) put in the description.
 */
public final class BoilerplateFilter {

  /** Spans removed wherever they occur; they are glued to real text with no sentence break. */
  private static final List<Pattern> INLINE = List.of(
      // WordPress RSS footer
      Pattern.compile("(?is)\\bThe post\\s.{1,600}?\\sappeared first on\\s[^\\n]{1,200}?(?:\\.|$)"),
      // hnrss: "Article URL: … Comments URL: … Points: 12 # Comments: 3"
      Pattern.compile("(?i)Article URL:\\s*\\S*"),
      Pattern.compile("(?i)Comments URL:\\s*\\S*"),
      Pattern.compile("(?i)\\bPoints:\\s*\\d+"),
      Pattern.compile("(?i)#\\s*Comments:\\s*\\d+"),
      // HN best-stories scrapers: "Score: 917 Comments: 780 By: someone Discussion: https://…"
      Pattern.compile("(?i)\\bScore:\\s*\\d+\\s+Comments:\\s*\\d+(?:\\s+By:\\s*\\S+)?(?:\\s+Discussion:\\s*\\S+)?"),
      // arXiv RSS: "arXiv:2501.01234v1 Announce Type: new Abstract: …"
      Pattern.compile("(?i)\\barXiv:\\s*\\d{4}\\.\\d{4,5}(?:v\\d+)?\\s*(?:Announce Type:\\s*[\\w-]+(?:,\\s*[\\w-]+)*)?\\s*(?:Abstract:)?"),
      Pattern.compile("(?i)^\\s*Abstract:\\s*"),
      // Hugging Face daily papers: "… Upvotes: 375 GitHub Stars: 2 Authors: … 🔗 GitHub 🔗 Project Page"
      Pattern.compile("(?is)\\bUpvotes:\\s*\\d+.*$"),
      // Truncation markers and trailing link texts: "[…]", "[...]", "(more…)", "Continue reading →"
      Pattern.compile("\\[\\s*(?:…|\\.\\.\\.)\\s*]"),
      Pattern.compile("(?i)\\((?:read\\s+)?more\\s*(?:…|\\.\\.\\.)?\\)"),
      // only right after a sentence end, so "Readers read more news." survives
      Pattern.compile("(?i)(?:^|(?<=[.!?…\\]]))\\s*(?:continue reading|read more|read the full (?:story|article|post|report)"
          + "|click here to read more|keep reading)(?:\\s+(?:at|on)\\s+[^.!?\\n]{1,60})?[\\s.!?…»›→>:-]*$"));

  /** Whole lines or sentences that are boilerplate on their own. */
  private static final List<Pattern> WHOLE = List.of(
      Pattern.compile("(?i)^(?:continue reading|read more|read the full (?:story|article|post|report)|keep reading"
          + "|click here|full story|view (?:the )?(?:full )?article)\\b.{0,80}$"),
      // bylines: "By Jane Doe", "By Jane Doe and John Smith, Reuters"
      Pattern.compile("^(?:[Bb]y|BY|Written by|Posted by|Reporting by)\\s+\\p{Lu}[\\p{L}.'’-]*"
          + "(?:(?:\\s+|,\\s*|\\s+and\\s+|\\s*&\\s*)\\p{Lu}[\\p{L}.'’-]*){0,6}[.,]?(?:\\s*\\|.*)?$"),
      // image credits: "Image credit: …", "Photo: …", "Illustration by …"
      Pattern.compile("(?i)^(?:image|images|photo|photos|photograph|picture|illustration|video|graphic|header image"
          + "|featured image|cover image)(?:\\s+credits?)?\\s*(?::|by\\b).{0,200}$"),
      Pattern.compile("(?i)^(?:credit|credits|source|via)\\s*:.{0,200}$"),
      // comment counters and share widgets
      Pattern.compile("(?i)^(?:\\d+\\s+)?comments?(?:\\s*\\(\\d+\\))?\\s*[.:]?$"),
      Pattern.compile("(?i)^(?:share|share this|tweet|like this|related|related articles?|advertisement"
          + "|previously on \\S+|subscribe|sign up)\\b.{0,40}:?$"),
      Pattern.compile("^(?:…|\\.\\.\\.|\\[\\s*(?:…|\\.\\.\\.)\\s*])$"));

  /** Text with inline boilerplate removed and boilerplate-only lines dropped; line breaks are kept. */
  public String clean(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String result = text;
    for (Pattern pattern : INLINE) {
      result = pattern.matcher(result).replaceAll(" ");
    }
    return result.lines()
        .map(String::strip)
        .filter(line -> !isBoilerplate(line))
        .collect(Collectors.joining("\n"))
        .strip();
  }

  /** Whether a single sentence or line is boilerplate on its own (e.g. "Read more", "By Jane Doe"). */
  public boolean isBoilerplate(String sentence) {
    String s = sentence == null ? "" : sentence.strip();
    if (s.isEmpty()) {
      return false;
    }
    for (Pattern pattern : WHOLE) {
      if (pattern.matcher(s).matches()) {
        return true;
      }
    }
    return false;
  }
}
