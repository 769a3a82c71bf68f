package dev.newswire.platform.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import dev.newswire.config.SlackSettings;

/** Builds the Bolt/SDK {@link Slack} instance for our settings. */
public final class SlackClients {
  private SlackClients() {}

  /**
   * A Slack instance whose Web API calls go to {@code settings.apiBaseUrl()}. Stats are off: they only feed the
   * SDK's metrics and cost an extra auth.test per token.
   */
  public static Slack create(SlackSettings settings) {
    // -Dnewswire.slack.timeoutMs: read/write timeout (default 15 s); lower only against a fake Slack.
    return create(settings, Integer.getInteger("newswire.slack.timeoutMs", 15_000));
  }

  /** As {@link #create(SlackSettings)} with this read/write timeout (tests against a fake Slack use a short one). */
  public static Slack create(SlackSettings settings, int timeoutMillis) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis(timeoutMillis);
    config.setHttpClientWriteTimeoutMillis(timeoutMillis);
    // No silent retries: OkHttp re-sends a request whose pooled connection dropped before the answer, even a POST
    // that Slack already executed, so a chat.postMessage could be posted twice. A dropped connection is reported to
    // the caller instead (the Dispatcher marks the delivery in doubt and checks the channel history before resending).
    okhttp3.OkHttpClient ok = SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .retryOnConnectionFailure(false)
        .build();
    return Slack.getInstance(config, new SlackHttpClient(ok));
  }
}
