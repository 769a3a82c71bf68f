package dev.newswire.pipeline.parse;

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
    Charset charset = byteOrderCharset(body);
    if (charset == null) {
      charset = upgrade(detect(body, normaliseContentType(httpContentType)));
    }
    String text = decodeLeniently(body, charset);
    if (charset.equals(StandardCharsets.UTF_8) && text.indexOf('\uFFFD') >= 0 && !hasValidMultibyteUtf8(body)) {
      // Declared (or defaulted) UTF-8 without a single UTF-8 sequence: the usual legacy feed in windows-1252.
      charset = WINDOWS_1252;
      text = decodeLeniently(body, charset);
    }
    while (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new Decoded(text, charset);
  }

  private Charset detect(byte[] body, String httpContentType) {
    Charset declaredByServer = charsetOrNull(httpCharset(httpContentType));
    if (declaredByServer != null) {
      // RFC 3023 and browsers: an explicit HTTP charset beats the prolog. Rome's lenient mode sometimes prefers the prolog.
      return declaredByServer;
    }
    String name;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), httpContentType, true)) {
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

  /**
   * BOMs and the byte pattern of "&lt;?" in UTF-16/32 (XML 1.0 appendix F). Checked first because Rome's XmlReader
   * knows neither UTF-32 nor BOM-less UTF-16, and a BOM outranks any declared charset.
   */
  private static Charset byteOrderCharset(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    int b2 = b[2] & 0xff;
    int b3 = b[3] & 0xff;
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF || b0 == 0 && b1 == 0 && b2 == 0 && b3 == '<') {
      return charsetOrNull("UTF-32BE");
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 == '<' && b1 == 0 && b2 == 0 && b3 == 0) {
      return charsetOrNull("UTF-32LE");
    }
    if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<' && b2 == 0 && b3 == '?') {
      return StandardCharsets.UTF_16BE;
    }
    if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0 && b2 == '?' && b3 == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** Servers quote the charset (charset="utf-8", charset= 'us-ascii'); Rome's XmlReader then ignores it. */
  static String normaliseContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String part : contentType.split(";")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq > 0) {
        String value = p.substring(eq + 1).strip().replace("\"", "").replace("'", "").strip();
        p = p.substring(0, eq).strip().toLowerCase(Locale.ROOT) + "=" + value;
      }
      if (!p.isEmpty()) {
        out.append(out.length() == 0 ? "" : "; ").append(p);
      }
    }
    return out.toString();
  }

  /** Legacy Chinese feeds declare GB2312 but use GBK/GB18030 characters; the superset decodes both (as browsers do). */
  private static Charset upgrade(Charset charset) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    if (name.equals("GB2312") || name.equals("GBK")) {
      Charset gb18030 = charsetOrNull("GB18030");
      return gb18030 != null ? gb18030 : charset;
    }
    return charset;
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

  private static String httpCharset(String normalisedContentType) {
    if (normalisedContentType == null) {
      return null;
    }
    for (String part : normalisedContentType.split(";")) {
      String p = part.strip();
      if (p.startsWith("charset=")) {
        return p.substring("charset=".length());
      }
    }
    return null;
  }

  private static boolean hasHttpCharset(String contentType) {
    return contentType != null && CHARSET_PARAM.matcher(contentType).find();
  }

  private static boolean isUtf16(Charset c) {
    return c.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") || c.name().toUpperCase(Locale.ROOT).startsWith("UTF-32");
  }
}
