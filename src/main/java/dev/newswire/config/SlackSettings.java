package dev.newswire.config;

/**
 * The {@code slack:} section. Tokens are never here: they come from SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and
 * SLACK_APP_TOKEN (see {@link Secrets}).
 *
 * @param apiBaseUrl Web API methods URL prefix, ending in "/" (tests point it at a local fake)
 * @param port       HTTP mode: port of the events endpoint POST /slack/events
 * @param socketMode true: connect out over Socket Mode (needs SLACK_APP_TOKEN) instead of serving HTTP
 */
public record SlackSettings(String apiBaseUrl, Integer port, Boolean socketMode) {
  public static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

  public SlackSettings {
    apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL
        : apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
    port = port == null ? 3000 : port;
    socketMode = socketMode != null && socketMode;
  }

  public static SlackSettings defaults() {
    return new SlackSettings(null, null, null);
  }
}
