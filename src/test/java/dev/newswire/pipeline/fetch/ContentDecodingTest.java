package dev.newswire.pipeline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

  private static final URI URI_ = URI.create("https://news.example/feed");
  private static final byte[] TEXT = "<rss>hello</rss>".repeat(100).getBytes(StandardCharsets.UTF_8);

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      z.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void passesIdentityThrough() throws Exception {
    assertThat(ContentDecoding.decode(TEXT, null, 1 << 20, URI_)).isEqualTo(TEXT);
    assertThat(ContentDecoding.decode(TEXT, "identity", 1 << 20, URI_)).isEqualTo(TEXT);
  }

  @Test
  void inflatesGzipAndBothDeflateFlavours() throws Exception {
    assertThat(ContentDecoding.decode(gzip(TEXT), "x-gzip", 1 << 20, URI_)).isEqualTo(TEXT);
    assertThat(ContentDecoding.decode(deflate(TEXT, false), "deflate", 1 << 20, URI_)).isEqualTo(TEXT);
    assertThat(ContentDecoding.decode(deflate(TEXT, true), "deflate", 1 << 20, URI_)).isEqualTo(TEXT);
  }

  @Test
  void undoesStackedCodingsInReverse() throws Exception {
    assertThat(ContentDecoding.decode(gzip(deflate(TEXT, false)), "deflate, gzip", 1 << 20, URI_)).isEqualTo(TEXT);
  }

  @Test
  void capsTheInflatedSize() throws Exception {
    assertThatThrownBy(() -> ContentDecoding.decode(gzip(TEXT), "gzip", TEXT.length - 1, URI_))
        .isInstanceOf(FetchFailure.class)
        .hasMessageContaining("unpacks (gzip) to more than");
    assertThat(ContentDecoding.decode(gzip(TEXT), "gzip", TEXT.length, URI_)).isEqualTo(TEXT);
  }

  @Test
  void explainsCorruptAndUnknownEncodings() {
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "gzip", 1 << 20, URI_))
        .hasMessageContaining("says it is gzip-compressed but cannot be unpacked");
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "br", 1 << 20, URI_))
        .hasMessageContaining("Content-Encoding 'br'");
  }
}
