package dev.newswire.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake must behave like the real servers it stands in for, or the fetcher tests prove little. */
class FakeFeedServerTest {

  private final FakeFeedServer server = FakeFeedServer.start();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (headers.length > 0) request.headers(headers);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void reallyCompressesWhenAsked() throws Exception {
    server.feed("/a.xml", "<rss/>".repeat(1000)).gzip();

    HttpResponse<byte[]> plain = get(server.url("/a.xml"));
    HttpResponse<byte[]> gzipped = get(server.url("/a.xml"), "Accept-Encoding", "gzip");

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.body().length).isLessThan(plain.body().length);
  }

  @Test
  void answers304ToMatchingValidatorsAndMovesThemOnWhenTheBodyChanges() throws Exception {
    server.feed("/a.xml", "v1");
    HttpResponse<byte[]> first = get(server.url("/a.xml"));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

    assertThat(get(server.url("/a.xml"), "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(server.url("/a.xml"), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);

    server.feed("/a.xml", "v2");

    HttpResponse<byte[]> changed = get(server.url("/a.xml"), "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
    assertThat(get(server.url("/a.xml"), "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
    assertThat(server.requestCount("/a.xml")).isEqualTo(5);
    assertThat(server.requestCount("/other.xml")).isZero();
  }

  @Test
  void gzipBombIsValidGzipOfTheStatedSize() throws Exception {
    long size = 3L * 1024 * 1024 + 5;
    byte[] bomb = FakeFeedServer.gzipOfZeros(size);

    long total = 0;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bomb))) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) assertThat(buffer[i]).isZero();
        total += n;
      }
    } // GZIPInputStream checks the CRC and length trailer on close of the member

    assertThat(total).isEqualTo(size);
    assertThat(bomb.length).isLessThan(10_000);
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertThat(get(server.url("/nope")).statusCode()).isEqualTo(404);
    assertThat(server.lastRequest("/nope").uri().getPath()).isEqualTo("/nope");
  }
}
