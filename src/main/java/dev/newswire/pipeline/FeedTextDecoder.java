package dev.newswire.pipeline;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text. The charset comes from Rome's RFC 3023 rules (BOM, HTTP charset, XML prolog), and decoding never
 * fails: a feed with a few bad bytes is still worth reading, so bad bytes become U+FFFD.
 */
final class FeedTextDecoder {

  /** What the bytes were decoded as, and the text. */
  record Decoded(String text, Charset charset) {}

  private static final Pattern LATE_PROLOG_ENCODING =
      Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
  private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  Decoded decode(byte[] body, String httpContentType) {
    Charset charset = detect(body, httpContentType);
    String text = decodeLeniently(body, charset);
    if (charset.equals(StandardCharsets.UTF_8) && text.indexOf('\uFFFD') >= 0 && !hasValidMultibyteUtf8(body)) {
      // Declared (or defaulted) UTF-8 without a single UTF-8 sequence: the usual legacy feed in windows-1252.
      charset = WINDOWS_1252;
      text = decodeLeniently(body, charset);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new Decoded(text, charset);
  }

  private Charset detect(byte[] body, String httpContentType) {
    String name;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), emptyToNull(httpContentType), true)) {
      name = reader.getEncoding();
    } catch (IOException | RuntimeException e) {
      // Rome refuses some combinations (e.g. a bogus HTTP charset); fall back to our own reading of the prolog.
      name = lateDeclaredEncoding(body);
    }
    Charset charset = charsetOrNull(name);
    if (!hasBom(body) && !hasHttpCharset(httpContentType) && !startsWithProlog(body)) {
      // Rome only reads a prolog at offset 0; feeds with a comment or blank line first still declare their charset.
      Charset late = charsetOrNull(lateDeclaredEncoding(body));
      if (late != null && !isUtf16(late)) {
        charset = late;
      }
    }
    return charset != null ? charset : StandardCharsets.UTF_8;
  }

  private static String decodeLeniently(byte[] body, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static boolean hasValidMultibyteUtf8(byte[] body) {
    int start = hasBom(body) ? 3 : 0;
    for (int i = start; i < body.length; i++) {
      int b = body[i] & 0xff;
      int len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (len == 0 || i + len > body.length) {
        continue;
      }
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body, i, len));
        return true;
      } catch (CharacterCodingException e) {
        // not a sequence; keep looking
      }
    }
    return false;
  }

  private static String lateDeclaredEncoding(byte[] body) {
    int n = Math.min(body.length, 4096);
    String head = new String(body, 0, n, StandardCharsets.ISO_8859_1);
    Matcher m = LATE_PROLOG_ENCODING.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static Charset charsetOrNull(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hasBom(byte[] b) {
    return (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)
        || (b.length >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)));
  }

  private static boolean startsWithProlog(byte[] b) {
    return b.length >= 5 && b[0] == '<' && b[1] == '?' && (b[2] | 0x20) == 'x' && (b[3] | 0x20) == 'm' && (b[4] | 0x20) == 'l';
  }

  private static boolean hasHttpCharset(String contentType) {
    return contentType != null && CHARSET_PARAM.matcher(contentType).find();
  }

  private static boolean isUtf16(Charset c) {
    return c.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") || c.name().toUpperCase(Locale.ROOT).startsWith("UTF-32");
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
