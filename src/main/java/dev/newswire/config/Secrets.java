package dev.newswire.config;

import java.util.Map;

/**
 * Tokens read only from environment variables. toString never shows a value, so a secret cannot leak into a
 * log line by accident.
 */
public record Secrets(
    String discordToken, String slackBotToken, String slackSigningSecret, String slackAppToken, String dbPassword,
    String llmApiKey) {

  public static Secrets none() {
    return new Secrets(null, null, null, null, null, null);
  }

  public static Secrets fromEnvironment(Map<String, String> env) {
    return new Secrets(
        blankToNull(env.get("DISCORD_TOKEN")),
        blankToNull(env.get("SLACK_BOT_TOKEN")),
        blankToNull(env.get("SLACK_SIGNING_SECRET")),
        blankToNull(env.get("SLACK_APP_TOKEN")),
        blankToNull(env.get("NEWSWIRE_DB_PASSWORD")),
        blankToNull(env.get("NEWSWIRE_LLM_API_KEY")));
  }

  public boolean hasDiscord() {
    return discordToken != null;
  }

  public boolean hasSlack() {
    return slackBotToken != null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    return "Secrets[discordToken=" + mask(discordToken) + ", slackBotToken=" + mask(slackBotToken)
        + ", slackSigningSecret=" + mask(slackSigningSecret) + ", slackAppToken=" + mask(slackAppToken)
        + ", dbPassword=" + mask(dbPassword) + ", llmApiKey=" + mask(llmApiKey) + "]";
  }

  private static String mask(String s) {
    return s == null ? "unset" : "set";
  }
}
