package dev.newswire.pipeline;

import java.net.URI;

/**
 * What the fetcher needs to make a conditional GET.
 *
 * @param url             the feed URL (http or https)
 * @param etag            ETag from the last 200, or null
 * @param lastModified    Last-Modified from the last 200, or null
 * @param lastBodyHash    SHA-256 hex of the last body we parsed, or null
 */
public record FetchRequest(URI url, String etag, String lastModified, String lastBodyHash) {
  public static FetchRequest fresh(URI url) {
    return new FetchRequest(url, null, null, null);
  }
}
