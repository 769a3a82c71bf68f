package dev.newswire.pipeline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Only IP literals and a fake resolver: nothing here touches DNS or the network. */
class AddressGuardTest {

  private static AddressResolver resolvesTo(String... ips) {
    return host -> {
      List<InetAddress> addresses = new java.util.ArrayList<>();
      for (String ip : ips) addresses.add(InetAddress.getByName(ip));
      return addresses;
    };
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK",
      "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.0.10, PRIVATE",
      "fec0::1, PRIVATE",
      "100.64.0.1, SHARED_CGNAT", "100.127.255.254, SHARED_CGNAT",
      "169.254.1.1, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
      "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
      "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
      "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
      "240.0.0.1, RESERVED", "255.255.255.255, RESERVED",
      "169.254.169.254, METADATA", "169.254.170.2, METADATA", "100.100.100.200, METADATA", "fd00:ec2::254, METADATA",
      "::ffff:10.0.0.1, PRIVATE", "::ffff:169.254.169.254, METADATA", "64:ff9b::7f00:1, LOOPBACK",
      "::10.0.0.1, PRIVATE",
      "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "100.128.0.1, PUBLIC", "198.51.100.7, PUBLIC",
      "2606:4700::1111, PUBLIC", "fe00::1, PUBLIC"
  })
  void classifies(String ip, AddressKind kind) throws Exception {
    assertThat(AddressKind.of(InetAddress.getByName(ip))).isEqualTo(kind);
  }

  @Test
  void classifiesIpv4MappedEvenInSixteenByteForm() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(AddressKind.of(address)).isEqualTo(AddressKind.LOOPBACK);
  }

  @Test
  void allowsPublicAddresses() throws Exception {
    AddressGuard guard = new AddressGuard(false, resolvesTo("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

    assertThat(guard.check(URI.create("https://news.example/feed.xml"))).hasSize(2);
  }

  @Test
  void refusesWhenAnyAddressIsInternal() {
    AddressGuard guard = new AddressGuard(false, resolvesTo("93.184.215.14", "10.0.0.7"));

    assertThatThrownBy(() -> guard.check(URI.create("https://news.example/feed.xml")))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessage("refused to fetch https://news.example/feed.xml: news.example resolves to 10.0.0.7, a private"
            + " network address (RFC 1918 or IPv6 site-local), and feeds must be on the public internet; if this feed"
            + " really is on your own network, set allowPrivateAddresses to true in the network settings");
  }

  @Test
  void allowsPrivateAddressesWhenConfigured() throws Exception {
    AddressGuard guard = new AddressGuard(true, resolvesTo("192.168.1.20"));

    assertThat(guard.check(URI.create("http://nas.local:8080/feed"))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "100.100.100.200", "::ffff:169.254.169.254"})
  void refusesMetadataAddressesEvenWhenPrivateIsAllowed(String ip) {
    AddressGuard guard = new AddressGuard(true, resolvesTo(ip));

    assertThatThrownBy(() -> guard.check(URI.create("http://innocent.example/feed")))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("a cloud metadata endpoint")
        .hasMessageContaining("not even with allowPrivateAddresses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://metadata.google.internal/", "http://METADATA.google.internal./x", "http://metadata.goog/"})
  void refusesMetadataNamesBeforeResolving(String url) {
    AddressGuard guard = new AddressGuard(true, host -> {
      throw new AssertionError("looked up " + host);
    });

    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("cloud metadata endpoint");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://[::1]/feed", "http://[::ffff:127.0.0.1]/feed", "http://0.0.0.0/feed",
      "http://[fe80::1]:8080/feed", "http://127.1.2.3/feed"})
  void refusesInternalIpLiteralsWithTheSystemResolver(String url) {
    // IP literals are parsed, not looked up, so the real resolver is safe to use here.
    AddressGuard guard = new AddressGuard(false, AddressResolver.system());

    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("allowPrivateAddresses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org/feed", "file:///etc/passwd", "gopher://example.org/", "feed.xml"})
  void refusesOtherSchemes(String url) {
    AddressGuard guard = new AddressGuard(true, resolvesTo("93.184.215.14"));

    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("only http and https URLs can be feeds");
  }

  @Test
  void refusesUrlsWithoutHost() {
    AddressGuard guard = new AddressGuard(true, resolvesTo("93.184.215.14"));

    assertThatThrownBy(() -> guard.check(URI.create("http:///feed.xml")))
        .hasMessageContaining("no valid host name");
  }

  @Test
  void passesOnUnknownHosts() {
    AddressGuard guard = new AddressGuard(false, host -> {
      throw new UnknownHostException(host);
    });

    assertThatThrownBy(() -> guard.check(URI.create("https://nowhere.example/")))
        .isInstanceOf(UnknownHostException.class);
  }
}
