package dev.newswire.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/** Lets the YAML say maxBodyBytes: 5MB. */
final class ByteSizeDeserializer extends JsonDeserializer<Long> {
  @Override
  public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    try {
      return ByteSizeText.parse(p.getValueAsString());
    } catch (IllegalArgumentException e) {
      throw ctxt.weirdStringException(p.getValueAsString(), Long.class, e.getMessage());
    }
  }
}
