package dev.newswire.pipeline.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps feed URLs (and every redirect hop) away from the bot's own network, so a feed URL or a redirect cannot be used
 * to reach internal services (SSRF).
 *
 * <p>Residual risk, DNS rebinding: {@code java.net.http.HttpClient} (Java 17) resolves the host again when it connects
 * and offers no hook to connect to the address we checked. Pinning by rewriting the URL to the IP would break TLS
 * (SNI, certificate names) and needs the restricted Host header. What we rely on instead: the JVM caches positive
 * lookups (networkaddress.cache.ttl, 30 s by default), so the connect normally reuses the answer we checked, and we
 * refuse a host if ANY of its addresses is internal. A hostile DNS server that answers with a TTL-expired, different
 * address between our check and the connect can still get through; run the bot without access to sensitive internal
 * services or behind an egress firewall if that matters to you.
 */
public final class AddressGuard {

  private static final Set<String> SCHEMES = Set.of("http", "https");

  // Names of metadata services, refused before any lookup in case the resolver here answers differently from the
  // one the connection ends up using.
  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata");

  private final boolean allowPrivateAddresses;
  private final AddressResolver resolver;

  public AddressGuard(boolean allowPrivateAddresses, AddressResolver resolver) {
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.resolver = resolver;
  }

  /**
   * Refuses the URL unless its scheme is http(s) and every address its host resolves to is allowed.
   *
   * @return the addresses checked
   * @throws RefusedAddressException with a message for the admin
   * @throws UnknownHostException    when the host does not resolve
   */
  public List<InetAddress> check(URI uri) throws RefusedAddressException, UnknownHostException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new RefusedAddressException("refused to fetch " + uri + ": only http and https URLs can be feeds"
          + (scheme.isEmpty() ? " (the URL has no scheme)" : ", not " + scheme + ":") + "; fix the feed URL");
    }
    String host = hostOf(uri);
    if (host == null) {
      throw new RefusedAddressException("refused to fetch " + uri + ": the URL has no valid host name; fix the feed URL");
    }
    if (METADATA_HOSTS.contains(host)) {
      throw new RefusedAddressException("refused to fetch " + uri + ": " + host + " is " + AddressKind.METADATA.description()
          + ", which newswire never fetches (not even with allowPrivateAddresses) because it can leak server credentials");
    }
    List<InetAddress> addresses = resolver.resolve(host);
    if (addresses == null || addresses.isEmpty()) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      refuseIfInternal(uri, host, address);
    }
    return addresses;
  }

  private void refuseIfInternal(URI uri, String host, InetAddress address) throws RefusedAddressException {
    AddressKind kind = AddressKind.of(address);
    String where = "refused to fetch " + uri + ": " + describeHost(host, address) + " " + kind.description();
    if (kind.alwaysRefused()) {
      throw new RefusedAddressException(where
          + ", which newswire never fetches (not even with allowPrivateAddresses) because it can leak server credentials");
    }
    if (kind.internal() && !allowPrivateAddresses) {
      throw new RefusedAddressException(where + ", and feeds must be on the public internet; if this feed really is on"
          + " your own network, set allowPrivateAddresses to true in the network settings");
    }
  }

  private static String describeHost(String host, InetAddress address) {
    String ip = address.getHostAddress();
    return host.equalsIgnoreCase(ip) ? ip + " is" : host + " resolves to " + ip + ",";
  }

  /** Lower-case host without IPv6 brackets or a trailing dot, or null when the URL has none. */
  static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host == null || host.isEmpty()) return null;
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    while (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
  }
}
