package dev.newswire.pipeline;

import dev.newswire.config.NetworkConfig;

/** Placeholder until the guarded fetcher lands. */
public class FeedFetcher {
  public FeedFetcher(NetworkConfig config) {}

  public FetchResult fetch(FetchRequest request) {
    return FetchResult.failed(request.url(), "fetcher not built yet", null);
  }
}
