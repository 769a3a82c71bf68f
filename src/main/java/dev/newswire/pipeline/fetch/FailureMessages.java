package dev.newswire.pipeline.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wording of fetch failures. Each message says what failed and what the admin can do about it, because it ends up in
 * logs and status commands read by people who did not write this code.
 */
final class FailureMessages {

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
      Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
      Map.entry(451, "Unavailable For Legal Reasons"), Map.entry(500, "Internal Server Error"),
      Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"), Map.entry(300, "Multiple Choices"), Map.entry(305, "Use Proxy"),
      Map.entry(204, "No Content"));

  private FailureMessages() {}

  static String httpStatus(URI uri, int status, Duration retryAfter) {
    String head = "HTTP " + status + reason(status) + " from " + uri + ": ";
    return head + switch (status) {
      case 404, 410 -> "the feed is gone or moved; check the URL or remove the feed";
      case 401, 403 -> "the server refuses access; the feed may need a login or block bots; open the URL in a browser"
          + " and check the site's terms";
      case 429 -> "the server is rate limiting us; " + retryHint(retryAfter) + ", and consider a longer poll interval";
      case 503 -> "the server is temporarily unavailable; " + retryHint(retryAfter);
      case 500, 502, 504 -> "the server had an error; this is usually temporary and the feed will be retried; if it"
          + " persists, check the site";
      case 300, 305, 306 -> "the server answered with a redirect newswire cannot follow; open the URL in a browser and use"
          + " the address it ends up at";
      case 204 -> "the server sent no content; check the URL points at the feed itself";
      default -> status >= 500
          ? "the server had an error; the feed will be retried; if it persists, check the site"
          : "the server rejected the request; check the feed URL in a browser";
    };
  }

  static String notModifiedWithoutValidators(URI uri) {
    return "HTTP 304 Not Modified from " + uri + " although no ETag or Last-Modified was sent: the server is misbehaving;"
        + " the feed will be retried, and if it persists, report it to the site";
  }

  private static String retryHint(Duration retryAfter) {
    return retryAfter == null ? "it will be retried later" : "it asked us to wait " + duration(retryAfter);
  }

  private static String reason(int status) {
    String reason = REASONS.get(status);
    return reason == null ? "" : " " + reason;
  }

  static String tooLargeDeclared(URI uri, long declared, long cap) {
    // Rounded sizes can look equal ("1.0 MiB over the 1.0 MiB limit"); then show the exact byte counts.
    boolean sameRounded = size(declared).equals(size(cap));
    String is = sameRounded ? declared + " bytes" : size(declared);
    String limit = sameRounded ? cap + "-byte" : size(cap);
    return "response from " + uri + " is " + is + " (Content-Length), over the " + limit
        + " limit; check the URL points at a feed and not a file download, or raise maxBodyBytes";
  }

  /** Over a cap the caller set for one download (not the configured maxBodyBytes, so no advice to raise it). */
  static String overRequestCap(URI uri, Long declared, long cap) {
    return "response from " + uri + (declared == null ? " is larger than" : " is " + size(declared) + ", over")
        + " the " + size(cap) + " limit for this download; download stopped";
  }

  static String tooLargeOnWire(URI uri, long cap) {
    return "response from " + uri + " is larger than the " + size(cap) + " limit; download stopped; check the URL points"
        + " at a feed and not a file download, or raise maxBodyBytes";
  }

  static String inflatesTooLarge(URI uri, String encoding, long cap) {
    return "response from " + uri + " unpacks (" + encoding + ") to more than the " + size(cap)
        + " limit; download stopped. This may be a decompression bomb; check the URL, or raise maxBodyBytes if the"
        + " feed is really that big";
  }

  static String corruptEncoding(URI uri, String encoding, Exception cause) {
    return "response from " + uri + " says it is " + encoding + "-compressed but cannot be unpacked (" + detail(cause)
        + "); the server is misconfigured; it will be retried, and if it persists, report it to the site";
  }

  static String unsupportedEncoding(URI uri, String encoding) {
    return "response from " + uri + " uses Content-Encoding '" + encoding + "' which newswire did not ask for and cannot"
        + " unpack; the server is misconfigured; report it to the site";
  }

  static String timedOut(URI uri, Duration timeout, boolean bodyStarted, long bytesSoFar) {
    String what = bodyStarted
        ? "the body was still arriving after " + duration(timeout) + " (" + size(bytesSoFar) + " received)"
        : "no response within " + duration(timeout);
    return "timed out fetching " + uri + ": " + what + "; the server is too slow or stalled; it will be retried; if it"
        + " persists, check the site or raise readTimeout";
  }

  static String connectTimedOut(URI uri, Duration connectTimeout) {
    return "could not connect to " + hostPort(uri) + " for " + uri + " within " + duration(connectTimeout)
        + "; the server may be down or a firewall drops the traffic; it will be retried; if it persists, check the site"
        + " is reachable from this machine";
  }

  static String connectFailed(URI uri, String detail) {
    return "could not connect to " + hostPort(uri) + " for " + uri + (detail == null ? "" : " (" + detail + ")")
        + ": nothing is listening there or the site is down; check the host and port in the URL; it will be retried";
  }

  static String unknownHost(URI uri, String host) {
    return "could not resolve host " + host + " for " + uri + ": check the URL for typos, or the DNS settings of this"
        + " machine";
  }

  static String tls(URI uri, Exception cause) {
    return "TLS (https) handshake with " + hostPort(uri) + " failed for " + uri + " (" + detail(cause) + "); the site's"
        + " certificate may be expired, self-signed or for another name; check the URL in a browser";
  }

  static String network(URI uri, Throwable cause) {
    return "network error fetching " + uri + " (" + detail(cause) + "); it will be retried; if it persists, check the"
        + " site and this machine's network";
  }

  static String invalidRequest(URI uri, Exception cause) {
    return "cannot build a request for " + uri + " (" + detail(cause) + "); fix the feed URL";
  }

  static String interrupted(URI uri) {
    return "fetch of " + uri + " was interrupted because newswire is shutting down; it will be retried on the next run";
  }

  static String redirectWithoutLocation(URI uri, int status) {
    return "HTTP " + status + " redirect from " + uri + " without a Location header: the server is misconfigured;"
        + " open the URL in a browser and use the address it ends up at";
  }

  static String badRedirectLocation(URI uri, String location) {
    return "redirect from " + uri + " points to an invalid URL '" + location + "': the server is misconfigured;"
        + " open the URL in a browser and use the address it ends up at";
  }

  static String redirectDowngrade(URI from, URI to) {
    return "refused redirect from " + from + " to " + to + ": it would downgrade https to unencrypted http; if the site"
        + " really moved, update the feed URL yourself";
  }

  static String redirectLoop(List<URI> trail, URI repeated) {
    return "redirect loop: " + arrows(trail) + " -> " + repeated + "; the site is misconfigured; check the URL in a"
        + " browser and use the address the content is really at";
  }

  static String tooManyRedirects(List<URI> trail, int max) {
    return "more than " + max + " redirects: " + arrows(trail) + "; use the final address as the feed URL, or raise"
        + " maxRedirects";
  }

  static String refusedRedirect(URI from, String guardMessage) {
    return "redirect from " + from + " " + guardMessage;
  }

  private static String arrows(List<URI> trail) {
    return trail.stream().map(URI::toString).collect(Collectors.joining(" -> "));
  }

  private static String hostPort(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  private static String detail(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  static String duration(Duration d) {
    if (d.toMillis() % 1000 != 0 && d.toSeconds() < 10) return d.toMillis() + " ms";
    long s = d.toSeconds();
    if (s < 120) return s + " s";
    if (s < 7200) return (s / 60) + " min";
    return (s / 3600) + " h";
  }

  static String size(long bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
