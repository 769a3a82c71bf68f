package dev.newswire.pipeline.identity;

import dev.newswire.news.NewsItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity of an item within its feed. Keys are hashed so that any guid or link length fits one column.
 *
 * <p>Guid first, because publishers change links (tracking parameters, http to https) more often than guids; but a
 * guid that repeats inside one document is no identity at all (Microsoft's blog sends empty ones), so then the
 * canonical link; with neither, the title plus the date (day only, since feeds re-stamp times).
 */
public final class ItemKeys {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private ItemKeys() {}

  public static String stableKey(NewsItem item, boolean guidUniqueInDocument) {
    if (guidUniqueInDocument && hasText(item.guid())) return "g:" + item.guid().trim();
    if (hasText(item.link())) return "l:" + item.link();
    String day = item.bestTime() == null ? "" : LocalDate.ofInstant(item.bestTime(), ZoneOffset.UTC).toString();
    return "t:" + normalisedTitle(item.title()) + "|" + day;
  }

  /** Case, accents, punctuation and spacing removed: "OpenAI's GPT-5 — out now!" and "openai s gpt 5 out now" agree. */
  public static String normalisedTitle(String title) {
    if (title == null) return "";
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
    String noMarks = MARKS.matcher(decomposed).replaceAll("");
    return NON_WORD.matcher(noMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  public static String linkHash(NewsItem item) {
    return hasText(item.link()) ? sha256(item.link()) : null;
  }

  public static String titleHash(NewsItem item) {
    String t = normalisedTitle(item.title());
    return t.isEmpty() ? null : sha256(t);
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
