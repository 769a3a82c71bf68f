package dev.newswire.platform.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.newswire.config.SlackSettings;

/** Builds the Bolt/SDK {@link Slack} instance for our settings. */
public final class SlackClients {
  private SlackClients() {}

  /**
   * A Slack instance whose Web API calls go to {@code settings.apiBaseUrl()}. Stats are off: they only feed the
   * SDK's metrics and cost an extra auth.test per token.
   */
  public static Slack create(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis(15_000);
    config.setHttpClientWriteTimeoutMillis(15_000);
    return Slack.getInstance(config);
  }
}
