package dev.newswire.config;

import java.time.Duration;

/**
 * How feeds are fetched.
 *
 * @param allowPrivateAddresses when false (default) feed URLs resolving to loopback, private, link-local or
 *                              unique-local addresses are refused; metadata addresses are refused always
 * @param connectTimeout        TCP/TLS connect timeout
 * @param readTimeout           whole-response timeout (headers and body)
 * @param maxBodyBytes          cap on the body, applied to the bytes on the wire and again after gunzip
 * @param maxRedirects          redirects followed before giving up
 * @param userAgent             User-Agent header; names the bot
 */
public record NetworkConfig(
    boolean allowPrivateAddresses,
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    int maxRedirects,
    String userAgent) {

  public static final String DEFAULT_USER_AGENT = "Newswire/0.1 (+https://github.com/newswire-bot/newswire; AI news feed bot)";

  public static NetworkConfig defaults() {
    return new NetworkConfig(false, Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024, 5, DEFAULT_USER_AGENT);
  }
}
