package dev.newswire.config;

/** The configuration cannot be used. The message names the file and the key and says how to fix it. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
