package dev.newswire.subscription;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Locale;

/**
 * What a channel filter looks for, as typed: {@code keyword}, {@code "a phrase"} or {@code /regex/}.
 *
 * <p>Keywords and phrases match case-insensitively on word boundaries. Regexes run on RE2/J, which matches in linear
 * time, so no pattern a user types can make the bot hang (no catastrophic backtracking).
 */
public record FilterPattern(Kind kind, String pattern) {
  public static final int MAX_LENGTH = 200;

  public enum Kind {
    KEYWORD, PHRASE, REGEX;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  /** Parses the typed form; IllegalArgumentException says what is wrong and how to write it. */
  public static FilterPattern parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the pattern is empty; give a keyword, a \"phrase in quotes\" or a /regex/");
    }
    String t = text.strip();
    if (t.length() > MAX_LENGTH + 2) {
      throw new IllegalArgumentException("the pattern is longer than " + MAX_LENGTH + " characters");
    }
    FilterPattern p;
    if (t.length() >= 2 && t.startsWith("/") && t.endsWith("/")) {
      p = new FilterPattern(Kind.REGEX, t.substring(1, t.length() - 1));
    } else if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("“") && t.endsWith("”"))) {
      p = new FilterPattern(Kind.PHRASE, t.substring(1, t.length() - 1).strip().replaceAll("\\s+", " "));
    } else if (t.matches("\\S+")) {
      p = new FilterPattern(Kind.KEYWORD, t);
    } else {
      throw new IllegalArgumentException("'" + t + "' has spaces; put a phrase in quotes (\"" + t
          + "\") or give one keyword");
    }
    p.compile(); // validates
    return p;
  }

  /** Null when the text is a valid filter, else the reason. */
  public static String problem(String text) {
    try {
      parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Rebuilds a stored pattern, validating it again. */
  public static FilterPattern of(Kind kind, String pattern) {
    FilterPattern p = new FilterPattern(kind, pattern);
    p.compile();
    return p;
  }

  public Pattern compile() {
    if (pattern == null || pattern.isBlank()) throw new IllegalArgumentException("the pattern is empty");
    if (pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the pattern is longer than " + MAX_LENGTH + " characters");
    }
    if (kind == Kind.REGEX) {
      try {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("/" + pattern + "/ is not a valid regex: " + e.getDescription()
            + " (RE2 syntax: no backreferences or lookarounds)");
      }
    }
    String[] words = pattern.strip().split("\\s+");
    StringBuilder re = new StringBuilder("(?:^|[^\\p{L}\\p{N}])");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) re.append("\\s+");
      re.append(Pattern.quote(words[i]));
    }
    re.append("(?:$|[^\\p{L}\\p{N}])");
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }

  /** The typed form. */
  public String display() {
    return switch (kind) {
      case KEYWORD -> pattern;
      case PHRASE -> "\"" + pattern + "\"";
      case REGEX -> "/" + pattern + "/";
    };
  }
}
