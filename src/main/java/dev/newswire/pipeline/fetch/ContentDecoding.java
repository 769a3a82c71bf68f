package dev.newswire.pipeline.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes Content-Encoding. {@code HttpClient} does not do this itself, and we ask for gzip because feeds compress ~5x.
 * The unpacked size is capped while streaming, so a small body that inflates to gigabytes costs at most the cap in
 * memory.
 */
final class ContentDecoding {

  /** What we send as Accept-Encoding; must match what {@link #decode} can undo. */
  static final String ACCEPTED = "gzip, deflate";

  private ContentDecoding() {}

  static byte[] decode(byte[] wire, String contentEncoding, long maxBytes, URI uri) throws FetchFailure {
    List<String> codings = codings(contentEncoding);
    if (codings.isEmpty()) return wire;
    InputStream in = new ByteArrayInputStream(wire);
    try {
      // Codings are listed in the order they were applied, so undo them last-first.
      for (String coding : codings) {
        in = unwrap(in, coding, uri);
      }
      byte[] body = in.readNBytes(Math.toIntExact(Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
      if (body.length > maxBytes) {
        throw new FetchFailure(uri, FailureMessages.inflatesTooLarge(uri, contentEncoding.trim(), maxBytes));
      }
      return body;
    } catch (IOException e) {
      throw new FetchFailure(uri, FailureMessages.corruptEncoding(uri, contentEncoding.trim(), e));
    }
  }

  private static List<String> codings(String header) {
    List<String> codings = new ArrayList<>();
    if (header == null) return codings;
    for (String part : header.split(",")) {
      String coding = part.trim().toLowerCase(Locale.ROOT);
      if (!coding.isEmpty() && !coding.equals("identity")) codings.add(coding);
    }
    Collections.reverse(codings);
    return codings;
  }

  private static InputStream unwrap(InputStream in, String coding, URI uri) throws IOException, FetchFailure {
    return switch (coding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
      case "deflate" -> deflate(in);
      default -> throw new FetchFailure(uri, FailureMessages.unsupportedEncoding(uri, coding));
    };
  }

  /** "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate; the zlib header tells them apart. */
  private static InputStream deflate(InputStream in) throws IOException {
    InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
    return new InflaterInputStream(buffered, new Inflater(!zlib), 8192);
  }
}
