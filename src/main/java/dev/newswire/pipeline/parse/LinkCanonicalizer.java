package dev.newswire.pipeline.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an absolute link into the one form we store and compare, so the same story reached through a newsletter,
 * a social share or the feed is recognised as one story. Only http(s) links survive: anything else cannot be shown
 * safely in a chat message.
 */
public final class LinkCanonicalizer {

  /** Parameters that only say who sent the click; they never select content. */
  private static final Set<String> TRACKING_PARAMS = Set.of(
      "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
      "mc_cid", "mc_eid", "ref_src", "ref_url", "igshid", "igsh", "_hsenc", "_hsmi", "mkt_tok", "vero_id", "vero_conv",
      "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "wt.mc_id", "cmpid", "ncid", "sr_share", "spm");

  /**
   * @return the canonical link, or null when the input is not an absolute http(s) URL we can make sense of
   */
  public String canonicalize(String link) {
    if (link == null) {
      return null;
    }
    URI uri = parse(link.strip());
    if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
      return null;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return null;
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(link.length());
    out.append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(host.toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    if (!defaultPort) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : path);
    String query = withoutTracking(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /** Whether a query parameter only identifies the campaign or the click. */
  public boolean isTrackingParameter(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("utm_") || TRACKING_PARAMS.contains(n);
  }

  private String withoutTracking(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!isTrackingParameter(decodeName(name))) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }

  private static String decodeName(String raw) {
    try {
      return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** Feeds carry links with spaces, pipes and other characters java.net.URI refuses; escape those instead of dropping the link. */
  private static URI parse(String link) {
    try {
      return new URI(link);
    } catch (URISyntaxException e) {
      try {
        return new URI(escapeIllegal(link));
      } catch (URISyntaxException again) {
        return null;
      }
    }
  }

  static String escapeIllegal(String link) {
    StringBuilder out = new StringBuilder(link.length() + 16);
    for (byte b : link.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean legal = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
      if (legal || c == '%') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
