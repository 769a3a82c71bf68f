package dev.newswire.pipeline.fetch;

import java.net.URI;
import java.util.Map;

/**
 * What the fetcher needs to make a conditional GET.
 *
 * @param url             the feed URL (http or https)
 * @param etag            ETag from the last 200, or null
 * @param lastModified    Last-Modified from the last 200, or null
 * @param lastBodyHash    SHA-256 hex of the last body we parsed, or null
 * @param headers         extra request headers (for example Authorization), sent only to the scheme, host and port of
 *                        {@code url}: a redirect to another origin drops them
 * @param maxBytes        a cap on the body below the configured maxBodyBytes, or 0 for the configured cap
 */
public record FetchRequest(URI url, String etag, String lastModified, String lastBodyHash, Map<String, String> headers,
    long maxBytes) {
  public FetchRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public FetchRequest(URI url, String etag, String lastModified, String lastBodyHash) {
    this(url, etag, lastModified, lastBodyHash, Map.of(), 0);
  }

  public static FetchRequest fresh(URI url) {
    return new FetchRequest(url, null, null, null);
  }

  /** A plain download of at most {@code maxBytes}, with extra headers for the URL's own origin. */
  public static FetchRequest download(URI url, Map<String, String> headers, long maxBytes) {
    return new FetchRequest(url, null, null, null, headers, maxBytes);
  }

  /** Never prints header values: they may hold tokens. */
  @Override
  public String toString() {
    return "FetchRequest[" + url + (headers.isEmpty() ? "" : ", headers " + headers.keySet()) + "]";
  }
}
