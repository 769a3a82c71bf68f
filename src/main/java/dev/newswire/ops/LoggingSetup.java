package dev.newswire.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.newswire.config.LoggingConfig;
import dev.newswire.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Switches the stderr log to text or JSON lines (logging.format) at start, and masks every configured secret value in
 * whatever is written, message or stack trace alike.
 */
public final class LoggingSetup {
  static final String APPENDER = "STDERR";
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
  static final String MASK = "[REDACTED]";
  /** Values shorter than this are not masked: they would blank out ordinary words. */
  static final int MIN_SECRET_LENGTH = 6;

  private LoggingSetup() {}

  public static void apply(LoggingConfig logging, Secrets secrets) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return;
    Encoder<ILoggingEvent> inner;
    if (logging.json()) {
      JsonEncoder json = new JsonEncoder();
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithFormattedMessage(true);
      inner = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(TEXT_PATTERN);
      inner = text;
    }
    inner.setContext(ctx);
    inner.start();
    RedactingEncoder encoder = new RedactingEncoder(inner, secretValues(secrets));
    encoder.setContext(ctx);
    encoder.start();

    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(ctx);
    appender.setName(APPENDER);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();

    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> old = root.getAppender(APPENDER);
    root.addAppender(appender);
    if (old != null && old != appender) {
      root.detachAppender(old);
      old.stop();
    }
  }

  static List<String> secretValues(Secrets s) {
    List<String> out = new ArrayList<>();
    Stream.of(s.discordToken(), s.slackBotToken(), s.slackSigningSecret(), s.slackAppToken(), s.dbPassword())
        .filter(v -> v != null && v.length() >= MIN_SECRET_LENGTH)
        .forEach(v -> {
          out.add(v);
          String jsonEscaped = v.replace("\\", "\\\\").replace("\"", "\\\"");
          if (!jsonEscaped.equals(v)) out.add(jsonEscaped);
        });
    out.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(out);
  }

  /** Wraps an encoder and replaces secret values in its output. */
  static final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> inner;
    private final List<String> secrets;

    RedactingEncoder(Encoder<ILoggingEvent> inner, List<String> secrets) {
      this.inner = inner;
      this.secrets = secrets;
    }

    @Override
    public byte[] headerBytes() {
      return inner.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
      byte[] bytes = inner.encode(event);
      if (secrets.isEmpty() || bytes == null) return bytes;
      String s = new String(bytes, StandardCharsets.UTF_8);
      String masked = redact(s, secrets);
      return masked == s ? bytes : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
      return inner.footerBytes();
    }

    @Override
    public void stop() {
      inner.stop();
      super.stop();
    }
  }

  static String redact(String s, List<String> secrets) {
    String out = s;
    for (String secret : secrets) {
      if (out.contains(secret)) out = out.replace(secret, MASK);
    }
    return out;
  }
}
