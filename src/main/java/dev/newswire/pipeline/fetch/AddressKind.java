package dev.newswire.pipeline.fetch;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Set;

/** What kind of network an address belongs to, as far as fetching feeds from it is concerned. */
public enum AddressKind {
  PUBLIC("a public address", false, false),
  LOOPBACK("a loopback address", true, false),
  PRIVATE("a private network address (RFC 1918 or IPv6 site-local)", true, false),
  SHARED_CGNAT("a carrier-grade NAT address (100.64.0.0/10)", true, false),
  LINK_LOCAL("a link-local address", true, false),
  UNIQUE_LOCAL("an IPv6 unique-local address (fc00::/7)", true, false),
  UNSPECIFIED("a 'this network' address (0.0.0.0/8 or ::)", true, false),
  MULTICAST("a multicast address", true, false),
  RESERVED("a reserved or broadcast address (240.0.0.0/4)", true, false),
  METADATA("a cloud metadata endpoint", true, true);

  // Exact addresses of cloud instance-metadata services: they hand out credentials to anyone on the host who asks.
  private static final Set<String> METADATA_V4 = Set.of(
      "169.254.169.254", // AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack
      "169.254.170.2",   // AWS ECS task credentials
      "100.100.100.200"  // Alibaba Cloud
  );
  private static final byte[] METADATA_V6_AWS = v6(0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54);

  private final String description;
  private final boolean internal;
  private final boolean alwaysRefused;

  AddressKind(String description, boolean internal, boolean alwaysRefused) {
    this.description = description;
    this.internal = internal;
    this.alwaysRefused = alwaysRefused;
  }

  /** Wording for admin messages, e.g. "a loopback address". */
  public String description() {
    return description;
  }

  /** True for everything that is not the public internet. */
  public boolean internal() {
    return internal;
  }

  /** True for addresses refused even when the admin allows private addresses. */
  public boolean alwaysRefused() {
    return alwaysRefused;
  }

  public static AddressKind of(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 ? ofV4(b) : ofV6(b);
  }

  private static AddressKind ofV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    if (METADATA_V4.contains(dotted(b))) return METADATA;
    if (a0 == 0) return UNSPECIFIED;
    if (a0 == 127) return LOOPBACK;
    if (a0 == 10) return PRIVATE;
    if (a0 == 172 && (a1 & 0xf0) == 16) return PRIVATE;
    if (a0 == 192 && a1 == 168) return PRIVATE;
    if (a0 == 100 && (a1 & 0xc0) == 64) return SHARED_CGNAT;
    if (a0 == 169 && a1 == 254) return LINK_LOCAL;
    if ((a0 & 0xf0) == 224) return MULTICAST;
    if ((a0 & 0xf0) == 240) return RESERVED;
    return PUBLIC;
  }

  private static AddressKind ofV6(byte[] b) {
    if (Arrays.equals(b, METADATA_V6_AWS)) return METADATA;
    // IPv4 hidden inside IPv6 reaches the IPv4 host, so judge the IPv4 part. Java already turns "::ffff:a.b.c.d" literals
    // into Inet4Address, but a resolver may hand us the 16-byte form.
    byte[] embedded = embeddedV4(b);
    if (embedded != null) return ofV4(embedded);
    if (allZero(b, 0, 16)) return UNSPECIFIED;
    if (allZero(b, 0, 15) && b[15] == 1) return LOOPBACK;
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0xff) return MULTICAST;
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) return LINK_LOCAL;
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) return PRIVATE; // deprecated site-local fec0::/10, still routed internally
    if ((b0 & 0xfe) == 0xfc) return UNIQUE_LOCAL;
    return PUBLIC;
  }

  /** The IPv4 address inside IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96) or NAT64 (64:ff9b::/96) forms. */
  private static byte[] embeddedV4(byte[] b) {
    boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1)); // not :: or ::1
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
        && allZero(b, 4, 12);
    return mapped || compatible || nat64 ? Arrays.copyOfRange(b, 12, 16) : null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) return false;
    }
    return true;
  }

  private static String dotted(byte[] b) {
    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
  }

  private static byte[] v6(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
    return b;
  }
}
