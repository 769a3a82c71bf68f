package dev.newswire.pipeline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.config.NetworkConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.pipeline.fetch.FetchResult.Status;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>AI news</title>
      <item><title>Model released</title><link>https://example.org/1</link></item>
      </channel></rss>
      """;
  private static final long MIB = 1024 * 1024;
  private static final Duration GENEROUS = Duration.ofSeconds(20);

  private FakeFeedServer server;

  @BeforeEach
  void startServer() {
    server = FakeFeedServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** Loopback is where the fake server lives, so these tests allow private addresses. */
  private static NetworkConfig config() {
    return new NetworkConfig(true, Duration.ofSeconds(2), Duration.ofSeconds(5), MIB, 5, "NewswireTest/1");
  }

  private static FeedFetcher fetcher() {
    return new FeedFetcher(config());
  }

  private static FeedFetcher fetcher(NetworkConfig config) {
    return new FeedFetcher(config);
  }

  /** A resolver that knows only the given names; "127.0.0.1" can be mapped too, to pretend the fake server is elsewhere. */
  private static AddressResolver resolver(Map<String, String> hosts) {
    return host -> {
      String ip = hosts.get(host);
      if (ip == null) throw new UnknownHostException(host);
      return List.of(InetAddress.getByName(ip)); // IP literals only: no DNS
    };
  }

  private static NetworkConfig publicOnly() {
    return new NetworkConfig(false, Duration.ofSeconds(2), Duration.ofSeconds(5), MIB, 5, "NewswireTest/1");
  }

  private static String text(FetchResult result) {
    return new String(result.body(), StandardCharsets.UTF_8);
  }

  @Nested
  class ConditionalGet {

    @Test
    void fetchesThenGets304WithEtag() {
      server.feed("/a.xml", RSS).etag("\"v1\"");
      FeedFetcher fetcher = fetcher();

      FetchResult first = fetcher.fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(first.status()).isEqualTo(Status.FETCHED);
      assertThat(text(first)).isEqualTo(RSS);
      assertThat(first.etag()).isEqualTo("\"v1\"");
      assertThat(first.contentType()).isEqualTo(FakeFeedServer.RSS_CONTENT_TYPE);
      assertThat(first.finalUri()).isEqualTo(server.url("/a.xml"));
      assertThat(first.bodyHash()).hasSize(64);

      FetchResult second = fetcher.fetch(new FetchRequest(server.url("/a.xml"), first.etag(), null, first.bodyHash()));

      assertThat(second.status()).isEqualTo(Status.NOT_MODIFIED);
      assertThat(second.etag()).isEqualTo("\"v1\"");
      assertThat(second.body()).isNull();
      assertThat(server.lastRequest("/a.xml").header("If-None-Match")).isEqualTo("\"v1\"");
      assertThat(server.requestCount("/a.xml")).isEqualTo(2);
    }

    @Test
    void sendsFeedHeaders() {
      server.feed("/a.xml", RSS);

      fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      FakeFeedServer.RecordedRequest request = server.lastRequest("/a.xml");
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.header("User-Agent")).isEqualTo("NewswireTest/1");
      assertThat(request.header("Accept")).contains("application/rss+xml", "application/atom+xml");
      assertThat(request.header("Accept-Encoding")).contains("gzip");
      assertThat(request.header("If-None-Match")).isNull();
      assertThat(request.header("If-Modified-Since")).isNull();
    }

    @Test
    void usesLastModifiedWhenThereIsNoEtag() {
      String date = FakeFeedServer.httpDate(Instant.parse("2024-06-03T10:15:30Z"));
      server.feed("/a.xml", RSS).etag(null).lastModified(date);
      FeedFetcher fetcher = fetcher();

      FetchResult first = fetcher.fetch(FetchRequest.fresh(server.url("/a.xml")));
      assertThat(first.lastModified()).isEqualTo("Mon, 03 Jun 2024 10:15:30 GMT");
      assertThat(first.etag()).isNull();

      FetchResult second = fetcher.fetch(new FetchRequest(server.url("/a.xml"), null, first.lastModified(), null));

      assertThat(second.status()).isEqualTo(Status.NOT_MODIFIED);
      assertThat(second.lastModified()).isEqualTo(date);
      assertThat(server.lastRequest("/a.xml").header("If-Modified-Since")).isEqualTo(date);
    }

    @Test
    void takesNewValidatorsFromA304() {
      String date = FakeFeedServer.httpDate(Instant.parse("2024-06-03T10:15:30Z"));
      server.feed("/a.xml", RSS).etag("\"fresh\"").lastModified(date);

      // We only know the date; the 304 also tells us the ETag.
      FetchResult result = fetcher().fetch(new FetchRequest(server.url("/a.xml"), null, date, null));

      assertThat(result.status()).isEqualTo(Status.NOT_MODIFIED);
      assertThat(result.etag()).isEqualTo("\"fresh\"");
      assertThat(result.lastModified()).isEqualTo(date);
    }

    @Test
    void keepsOldValidatorsWhenA304CarriesNone() {
      server.status("/a.xml", 304);

      FetchResult result = fetcher().fetch(new FetchRequest(server.url("/a.xml"), "\"old\"", "old date", null));

      assertThat(result.status()).isEqualTo(Status.NOT_MODIFIED);
      assertThat(result.etag()).isEqualTo("\"old\"");
      assertThat(result.lastModified()).isEqualTo("old date");
    }

    @Test
    void a304ToAnUnconditionalRequestIsAFailure() {
      server.status("/a.xml", 304);

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("304", "no ETag or Last-Modified was sent");
    }

    @Test
    void sameBodyWithoutValidatorsIsUnchanged() {
      server.feed("/a.xml", RSS).withoutValidators();
      FeedFetcher fetcher = fetcher();
      FetchResult first = fetcher.fetch(FetchRequest.fresh(server.url("/a.xml")));

      FetchResult second = fetcher.fetch(new FetchRequest(server.url("/a.xml"), null, null, first.bodyHash()));

      assertThat(second.status()).isEqualTo(Status.UNCHANGED);
      assertThat(second.bodyHash()).isEqualTo(first.bodyHash());
      assertThat(second.body()).isNull();
    }

    @Test
    void replacedBodyIsFetchedAgainWithNewValidators() {
      server.feed("/a.xml", RSS);
      FeedFetcher fetcher = fetcher();
      FetchResult first = fetcher.fetch(FetchRequest.fresh(server.url("/a.xml")));

      server.feed("/a.xml", RSS.replace("Model released", "Another model released"));
      FetchResult second = fetcher.fetch(
          new FetchRequest(server.url("/a.xml"), first.etag(), first.lastModified(), first.bodyHash()));

      assertThat(second.status()).isEqualTo(Status.FETCHED);
      assertThat(text(second)).contains("Another model released");
      assertThat(second.etag()).isNotEqualTo(first.etag());
      assertThat(second.bodyHash()).isNotEqualTo(first.bodyHash());
    }

    @Test
    void htmlIsJustFetched() {
      server.feed("/page.html", "<!doctype html><html><body>not a feed</body></html>").contentType("text/html");

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/page.html")));

      assertThat(result.status()).isEqualTo(Status.FETCHED);
      assertThat(result.contentType()).isEqualTo("text/html");
      assertThat(text(result)).contains("not a feed");
    }
  }

  @Nested
  class Compression {

    @Test
    void inflatesGzip() {
      server.feed("/a.xml", RSS).gzip();

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.status()).isEqualTo(Status.FETCHED);
      assertThat(text(result)).isEqualTo(RSS);
      assertThat(result.bodyHash()).isEqualTo(BodyHash.sha256Hex(RSS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void inflatesDeflate() {
      server.feed("/a.xml", RSS).deflate();

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(text(result)).isEqualTo(RSS);
    }

    @Test
    void refusesAGzipBombWithoutInflatingIt() {
      server.gzipBomb("/bomb.xml", 1024 * MIB); // about 1 MiB on the wire
      NetworkConfig config = new NetworkConfig(true, Duration.ofSeconds(2), Duration.ofSeconds(10), 2 * MIB, 5, "t");

      FetchResult result = assertTimeoutPreemptively(GENEROUS,
          () -> fetcher(config).fetch(FetchRequest.fresh(server.url("/bomb.xml"))));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("unpacks (gzip) to more than the 2.0 MiB limit", "decompression bomb");
    }
  }

  @Nested
  class SizeLimits {

    @Test
    void refusesEarlyOnContentLength() {
      server.hugeBody("/big.xml", 50 * MIB);

      FetchResult result = assertTimeoutPreemptively(GENEROUS,
          () -> fetcher().fetch(FetchRequest.fresh(server.url("/big.xml"))));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("50.0 MiB (Content-Length)", "over the 1.0 MiB limit", "maxBodyBytes");
    }

    @Test
    void stopsAChunkedBodyAtTheCap() {
      server.hugeBody("/big.xml", 50 * MIB).chunked();

      FetchResult result = assertTimeoutPreemptively(GENEROUS,
          () -> fetcher().fetch(FetchRequest.fresh(server.url("/big.xml"))));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("larger than the 1.0 MiB limit", "download stopped");
    }

    @Test
    void acceptsABodyExactlyAtTheCap() {
      server.hugeBody("/exact.xml", MIB).chunked();

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/exact.xml")));

      assertThat(result.status()).isEqualTo(Status.FETCHED);
      assertThat(result.body()).hasSize((int) MIB);
    }
  }

  @Nested
  class Deadlines {

    @Test
    void cutsOffASlowDripAtTheDeadline() {
      server.feed("/slow.xml", RSS).drip(Duration.ofMillis(500));
      NetworkConfig config = new NetworkConfig(true, Duration.ofSeconds(2), Duration.ofSeconds(2), MIB, 5, "t");

      FetchResult result = assertTimeoutPreemptively(GENEROUS,
          () -> fetcher(config).fetch(FetchRequest.fresh(server.url("/slow.xml"))));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("timed out", "body was still arriving after 2 s", "readTimeout");
    }

    @Test
    void cutsOffSlowHeaders() {
      server.feed("/slow.xml", RSS).delayHeaders(Duration.ofSeconds(30));
      NetworkConfig config = new NetworkConfig(true, Duration.ofSeconds(2), Duration.ofSeconds(1), MIB, 5, "t");

      FetchResult result = assertTimeoutPreemptively(GENEROUS,
          () -> fetcher(config).fetch(FetchRequest.fresh(server.url("/slow.xml"))));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("timed out", "no response within 1 s");
    }
  }

  @Nested
  class Redirects {

    @Test
    void followsAChainAndRecordsTheFinalUri() {
      server.redirect("/old.xml", 301, server.url("/moved.xml").toString());
      server.redirect("/moved.xml", 302, "/again.xml");
      server.redirect("/again.xml", 307, "final.xml");
      server.feed("/final.xml", RSS);

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/old.xml")));

      assertThat(result.status()).isEqualTo(Status.FETCHED);
      assertThat(result.finalUri()).isEqualTo(server.url("/final.xml"));
      assertThat(text(result)).isEqualTo(RSS);
      assertThat(server.lastRequest("/final.xml").header("User-Agent")).isEqualTo("NewswireTest/1");
    }

    @Test
    void detectsALoop() {
      server.redirect("/a.xml", 302, "/b.xml");
      server.redirect("/b.xml", 302, "/a.xml");

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).startsWith("redirect loop: " + server.url("/a.xml") + " -> " + server.url("/b.xml"));
      assertThat(server.requestCount("/a.xml")).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxRedirects() {
      for (int i = 0; i < 10; i++) server.redirect("/r" + i, 302, "/r" + (i + 1));

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/r0")));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("more than 5 redirects", "maxRedirects");
      assertThat(server.requestCount("/r5")).isEqualTo(1);
      assertThat(server.requestCount("/r6")).isZero();
    }

    @Test
    void refusesARedirectToAPrivateAddress() {
      // The guard believes the fake server is public; the redirect target resolves to a private address.
      AddressResolver resolver = resolver(Map.of("127.0.0.1", "198.51.100.7", "intranet.example", "10.1.2.3"));
      server.redirect("/start.xml", 302, "http://intranet.example/admin");
      server.feed("/direct.xml", RSS);
      FeedFetcher fetcher = new FeedFetcher(publicOnly(), resolver);

      assertThat(fetcher.fetch(FetchRequest.fresh(server.url("/direct.xml"))).status()).isEqualTo(Status.FETCHED);
      FetchResult result = fetcher.fetch(FetchRequest.fresh(server.url("/start.xml")));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("redirect from " + server.url("/start.xml"),
          "intranet.example resolves to 10.1.2.3", "private network", "allowPrivateAddresses");
      assertThat(result.finalUri()).isEqualTo(URI.create("http://intranet.example/admin"));
    }

    @Test
    void redirectWithoutLocationFails() {
      server.status("/a.xml", 302);

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.error()).contains("without a Location header");
    }
  }

  @Nested
  class AddressGuarding {

    @Test
    void refusesLoopbackByDefault() {
      server.feed("/a.xml", RSS);

      FetchResult result = new FeedFetcher(publicOnly()).fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("127.0.0.1 is a loopback address", "allowPrivateAddresses");
      assertThat(server.requestCount("/a.xml")).isZero();
    }

    @Test
    void refusesInternalAddressesBehindAName() {
      server.feed("/a.xml", RSS);
      Map<String, String> internal = Map.of(
          "10.0.0.8", "private network", "172.20.1.1", "private network", "192.168.1.1", "private network",
          "100.64.0.1", "carrier-grade NAT", "169.254.10.10", "link-local", "fe80::1", "link-local",
          "fd12::1", "unique-local", "::1", "loopback", "0.0.0.0", "'this network'", "224.0.0.1", "multicast");
      internal.forEach((ip, kind) -> {
        // The guard sees the fake server's address as `ip`; if it let the request through, the server would count it.
        FeedFetcher fetcher = new FeedFetcher(publicOnly(), resolver(Map.of("127.0.0.1", ip)));

        FetchResult result = fetcher.fetch(FetchRequest.fresh(server.url("/a.xml")));

        assertThat(result.error()).as(ip).contains("resolves to", kind, "allowPrivateAddresses");
      });
      assertThat(server.requestCount("/a.xml")).isZero();
    }

    @Test
    void refusesMetadataEvenWhenPrivateAddressesAreAllowed() {
      server.feed("/latest/meta-data/", "secret");
      for (String ip : List.of("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "::ffff:169.254.169.254")) {
        FeedFetcher fetcher = new FeedFetcher(config(), resolver(Map.of("127.0.0.1", ip)));

        FetchResult result = fetcher.fetch(FetchRequest.fresh(server.url("/latest/meta-data/")));

        assertThat(result.error()).as(ip).contains("cloud metadata endpoint", "never fetches");
      }
      assertThat(server.requestCount("/latest/meta-data/")).isZero();
    }

    @Test
    void refusesMetadataHostNamesWithoutLookingThemUp() {
      AddressResolver mustNotBeCalled = host -> {
        throw new AssertionError("looked up " + host);
      };
      FeedFetcher fetcher = new FeedFetcher(config(), mustNotBeCalled);

      FetchResult result = fetcher.fetch(FetchRequest.fresh(URI.create("http://metadata.google.internal/computeMetadata/v1/")));

      assertThat(result.error()).contains("metadata.google.internal is a cloud metadata endpoint");
    }

    @Test
    void refusesNonHttpSchemes() {
      for (String url : List.of("ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "jar:file:/x.jar!/a")) {
        FetchResult result = fetcher().fetch(FetchRequest.fresh(URI.create(url)));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.error()).as(url).contains("only http and https");
      }
    }

    @Test
    void reportsUnknownHosts() {
      FeedFetcher fetcher = new FeedFetcher(config(), resolver(Map.of()));

      FetchResult result = fetcher.fetch(FetchRequest.fresh(URI.create("http://no-such-feed.example/rss")));

      assertThat(result.error()).contains("could not resolve host no-such-feed.example", "typos");
    }
  }

  @Nested
  class HttpErrors {

    @Test
    void notFound() {
      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/missing.xml")));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).isEqualTo("HTTP 404 Not Found from " + server.url("/missing.xml")
          + ": the feed is gone or moved; check the URL or remove the feed");
      assertThat(result.retryAfter()).isNull();
    }

    @Test
    void serverError() {
      server.status("/a.xml", 500).body("<html>stack trace</html>");

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.error()).startsWith("HTTP 500 Internal Server Error from").contains("usually temporary");
    }

    @Test
    void tooManyRequestsWithRetryAfterSeconds() {
      server.status("/a.xml", 429).header("Retry-After", "120");

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
      assertThat(result.error()).contains("HTTP 429 Too Many Requests", "wait 2 min", "longer poll interval");
    }

    @Test
    void unavailableWithRetryAfterDate() {
      server.status("/a.xml", 503).header("Retry-After", FakeFeedServer.httpDate(Instant.now().plusSeconds(3600)));

      FetchResult result = fetcher().fetch(FetchRequest.fresh(server.url("/a.xml")));

      assertThat(result.retryAfter()).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(61));
      assertThat(result.error()).contains("HTTP 503 Service Unavailable", "temporarily unavailable");
    }

    @Test
    void connectionRefused() throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }

      FetchResult result = assertTimeoutPreemptively(GENEROUS,
          () -> fetcher().fetch(FetchRequest.fresh(URI.create("http://127.0.0.1:" + port + "/feed.xml"))));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).contains("could not connect to 127.0.0.1:" + port, "check the host and port");
    }
  }
}
