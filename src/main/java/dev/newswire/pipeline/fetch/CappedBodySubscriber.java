package dev.newswire.pipeline.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but stops (and drops the connection) once it passes the cap, so a huge or endless response
 * costs at most the cap in memory. It can also be aborted from outside when the fetch deadline passes, because
 * {@code HttpRequest.timeout} only bounds the wait for headers, not the body.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

  /** The body went over the cap on the wire. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("body over the size cap", null);
    }
  }

  private enum Mode { READ, SKIP, REJECT }

  private final long cap;
  private final Mode mode;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;
  private volatile long received;

  private CappedBodySubscriber(long cap, Mode mode) {
    this.cap = cap;
    this.mode = mode;
  }

  static CappedBodySubscriber capped(long cap) {
    return new CappedBodySubscriber(cap, Mode.READ);
  }

  /**
   * For bodies we do not use (redirects, errors, 304): yields an empty body without reading. Cancelling at once closes
   * the connection instead of draining a possibly large error page.
   */
  static CappedBodySubscriber skipping() {
    return new CappedBodySubscriber(0, Mode.SKIP);
  }

  /** For a Content-Length already over the cap: fails with {@link TooLarge} without downloading anything. */
  static CappedBodySubscriber rejecting() {
    return new CappedBodySubscriber(0, Mode.REJECT);
  }

  long received() {
    return received;
  }

  /** Stops reading; the fetch then fails with whatever the caller decides (used for the deadline). */
  void abort(IOException why) {
    Flow.Subscription s = subscription;
    if (s != null) s.cancel();
    result.completeExceptionally(why);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (mode == Mode.SKIP) {
      subscription.cancel();
      result.complete(new byte[0]);
    } else if (mode == Mode.REJECT) {
      abort(new TooLarge());
    } else if (result.isDone()) {
      subscription.cancel(); // aborted before the body started
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) return;
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      if (received + n > cap) {
        received += n;
        abort(new TooLarge());
        return;
      }
      received += n;
      byte[] chunk = new byte[n];
      buffer.get(chunk);
      bytes.write(chunk, 0, n);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
