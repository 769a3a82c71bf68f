package dev.newswire.pipeline.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * Internal short-cut out of the fetch steps; {@link FeedFetcher} turns it into {@link FetchResult#failed}, so callers
 * never see it.
 */
final class FetchFailure extends Exception {
  private final URI uri;
  private final Duration retryAfter;

  FetchFailure(URI uri, String message) {
    this(uri, message, null);
  }

  FetchFailure(URI uri, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.uri = uri;
    this.retryAfter = retryAfter;
  }

  URI uri() {
    return uri;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  FetchResult toResult() {
    return FetchResult.failed(uri, getMessage(), retryAfter);
  }
}
