package dev.newswire.pipeline.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * Outcome of one fetch. Exactly one of the static factories describes each case.
 *
 * @param status      what happened
 * @param body        the (inflated) body for {@link Status#FETCHED}, else null
 * @param contentType the response Content-Type header or null
 * @param finalUri    the URI after redirects
 * @param etag        validator to store for next time (may be carried over from the request on 304)
 * @param lastModified validator to store for next time
 * @param bodyHash    SHA-256 hex of the body (FETCHED and UNCHANGED)
 * @param error       for FAILED: what went wrong and what the admin can do
 * @param retryAfter  for FAILED: the server's Retry-After, or null
 */
public record FetchResult(
    Status status,
    byte[] body,
    String contentType,
    URI finalUri,
    String etag,
    String lastModified,
    String bodyHash,
    String error,
    Duration retryAfter) {

  public enum Status {
    /** 200 with a body that differs from last time. */
    FETCHED,
    /** 304 Not Modified. */
    NOT_MODIFIED,
    /** 200 but the body hashes the same as last time. */
    UNCHANGED,
    /** Anything else: network error, HTTP error, refused address, too big, too slow. */
    FAILED
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  public static FetchResult fetched(byte[] body, String contentType, URI finalUri, String etag, String lastModified, String bodyHash) {
    return new FetchResult(Status.FETCHED, body, contentType, finalUri, etag, lastModified, bodyHash, null, null);
  }

  public static FetchResult notModified(URI finalUri, String etag, String lastModified) {
    return new FetchResult(Status.NOT_MODIFIED, null, null, finalUri, etag, lastModified, null, null, null);
  }

  public static FetchResult unchanged(URI finalUri, String etag, String lastModified, String bodyHash) {
    return new FetchResult(Status.UNCHANGED, null, null, finalUri, etag, lastModified, bodyHash, null, null);
  }

  public static FetchResult failed(URI uri, String error, Duration retryAfter) {
    return new FetchResult(Status.FAILED, null, null, uri, null, null, null, error, retryAfter);
  }
}
