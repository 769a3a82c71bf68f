package dev.newswire.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Lets the YAML say interval: 15m. */
final class DurationDeserializer extends JsonDeserializer<Duration> {
  @Override
  public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    try {
      return DurationText.parse(p.getValueAsString());
    } catch (IllegalArgumentException e) {
      throw ctxt.weirdStringException(p.getValueAsString(), Duration.class, e.getMessage());
    }
  }
}
