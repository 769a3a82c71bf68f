package dev.newswire.pipeline.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name (or IP literal) into addresses for the {@link AddressGuard}.
 *
 * <p>A seam so tests can say "feeds.example resolves to 10.0.0.5" without DNS and without ever connecting there.
 */
@FunctionalInterface
public interface AddressResolver {

  /** Never returns an empty list: throws instead when the name does not resolve. */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * The JVM resolver. It is also what {@code HttpClient} uses to connect, and it caches answers (networkaddress.cache.ttl,
   * 30 s by default), so the connect usually sees the same addresses we checked.
   */
  static AddressResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
