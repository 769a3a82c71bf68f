package dev.newswire.pipeline.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The display name inside an author field. RSS asks for "email (Name)", people also write "Name (email)" and
 * "Name &lt;email&gt;"; a chat message should show the name, and an address only when nothing else is given.
 */
final class AuthorName {

  private static final Pattern EMAIL = Pattern.compile("[^\\s()<>@,;:\"]+@[^\\s()<>@,;:\"]+");
  private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^(" + EMAIL.pattern() + ")\\s*\\((.+)\\)$");
  private static final Pattern NAME_THEN_EMAIL = Pattern.compile("^(.+?)\\s*[(<]\\s*(?:mailto:)?(" + EMAIL.pattern() + ")\\s*[)>]$");

  /** @return the name, or null for a blank input */
  String displayName(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    Matcher m = EMAIL_THEN_NAME.matcher(s);
    if (m.matches()) {
      return m.group(2).strip();
    }
    m = NAME_THEN_EMAIL.matcher(s);
    if (m.matches()) {
      return m.group(1).strip();
    }
    return s;
  }
}
