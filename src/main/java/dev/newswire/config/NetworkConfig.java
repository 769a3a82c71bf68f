package dev.newswire.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
    @JsonDeserialize(using = ByteSizeDeserializer.class) Long maxBodyBytes,
    Integer maxRedirects,
    String userAgent) {

  public static final String DEFAULT_USER_AGENT =
      "Newswire/0.1 (self-hosted AI news bot; +https://github.com/newswire-bot/newswire)";

  public NetworkConfig {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    maxBodyBytes = maxBodyBytes == null ? 5L * 1024 * 1024 : maxBodyBytes;
    maxRedirects = maxRedirects == null ? 5 : maxRedirects;
    userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
  }

  public static NetworkConfig defaults() {
    return new NetworkConfig(false, null, null, null, null, null);
  }

  public NetworkConfig withAllowPrivateAddresses(boolean allow) {
    return new NetworkConfig(allow, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, userAgent);
  }
}
