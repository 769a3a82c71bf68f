package dev.newswire.pipeline.parse;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes feed links absolute. Feeds often carry site-relative links ("/blog/post"); without a base they are useless
 * in a chat message, so we try the bases the feed offers, in order of how specific they are.
 */
final class LinkResolver {

  /**
   * @param href  the link as written in the feed (may be relative, may be null)
   * @param bases candidate bases, most specific first; null or non-absolute entries are skipped
   * @return an absolute URI string, or the trimmed href when no base makes it absolute, or null for a blank href
   */
  String resolve(String href, String... bases) {
    if (href == null || href.isBlank()) {
      return null;
    }
    String trimmed = href.strip();
    URI ref = parse(trimmed);
    if (ref == null) {
      return trimmed;
    }
    if (ref.isAbsolute()) {
      return trimmed;
    }
    for (String base : bases) {
      URI baseUri = absoluteHierarchical(base);
      if (baseUri != null) {
        return resolveAgainst(baseUri, ref);
      }
    }
    return trimmed;
  }

  /** Whether the string is an absolute http(s) URL (a usable base or a usable link). */
  static boolean isAbsoluteHttp(String s) {
    URI u = absoluteHierarchical(s);
    return u != null && (u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"));
  }

  private static URI absoluteHierarchical(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    URI u = parse(s.strip());
    return u != null && u.isAbsolute() && !u.isOpaque() && u.getHost() != null ? u : null;
  }

  private static String resolveAgainst(URI base, URI ref) {
    // java.net.URI joins "http://host" + "a" into "http://hosta"; an empty base path must act as "/"
    if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
      base = base.resolve("/");
    }
    // java.net.URI drops the base path for a query-only reference ("?page=2"); RFC 3986 keeps it
    if (ref.getRawPath() != null && ref.getRawPath().isEmpty() && ref.getRawAuthority() == null && ref.getRawQuery() != null) {
      String s = base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + "?" + ref.getRawQuery();
      return ref.getRawFragment() == null ? s : s + "#" + ref.getRawFragment();
    }
    return base.resolve(ref).toString();
  }

  private static URI parse(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      try {
        return new URI(LinkCanonicalizer.escapeIllegal(s));
      } catch (URISyntaxException again) {
        return null;
      }
    }
  }
}
