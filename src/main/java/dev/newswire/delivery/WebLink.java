package dev.newswire.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a feed-supplied URL may be shown as a link, and makes it safe to embed.
 *
 * <p>Only absolute http(s) URLs with a host pass: javascript:, data:, file: and relative links are
 * dropped, and so are links with user info ("https://bank.com@evil.example"), a classic way to
 * disguise the real host. Characters outside RFC 3986 are percent-encoded, so a URL can never carry
 * a space, "|" or "&gt;" that would end a Slack {@code <url|label>} or a Discord masked link early.
 */
public final class WebLink {

  private WebLink() {}

  public static Optional<String> sanitize(String raw, int maxLength) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (trimmed.isEmpty() || trimmed.length() > maxLength) {
      return Optional.empty();
    }
    String encoded = encodeUnsafe(trimmed);
    if (encoded.length() > maxLength) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(encoded);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    return Optional.of(encoded);
  }

  private static String encodeUnsafe(String url) {
    StringBuilder out = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 128 && isAllowed((char) cp)) {
        out.append((char) cp);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xFF));
        }
      }
    }
    return out.toString();
  }

  private static boolean isAllowed(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
  }
}
