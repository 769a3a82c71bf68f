package dev.newswire.pipeline.fetch;

import dev.newswire.config.NetworkConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Downloads one feed with a conditional GET. Every network or HTTP problem becomes {@link FetchResult#failed} with a
 * message for the admin, so one broken feed never breaks a polling run.
 *
 * <p>Safe to share between threads; one instance keeps one connection pool.
 */
public final class FeedFetcher {

  // Feed types first; anything else is still accepted so that sites with odd Content-Types keep working.
  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
      + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final NetworkConfig config;
  private final AddressGuard guard;
  private final Clock clock;
  private final ExecutorService executor;
  private final HttpClient client;

  public FeedFetcher(NetworkConfig config) {
    this(config, AddressResolver.system());
  }

  /**
   * @param resolver how the {@link AddressGuard} resolves host names before each hop; tests pass a fake one. It only
   *                 decides what is checked: the connection itself still goes where the JVM resolves the host.
   */
  public FeedFetcher(NetworkConfig config, AddressResolver resolver) {
    this(config, resolver, Clock.systemUTC());
  }

  FeedFetcher(NetworkConfig config, AddressResolver resolver, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.guard = new AddressGuard(config.allowPrivateAddresses(), Objects.requireNonNull(resolver, "resolver"));
    this.clock = clock;
    // Daemon threads that die when idle: a fetcher nobody closes must not keep the JVM alive.
    this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "newswire-fetch-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder()
        // Manual redirects: each hop must pass the AddressGuard.
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        // HTTP/1.1 avoids the h2c upgrade dance on plain http, and cancelling a body then simply closes the socket.
        .version(HttpClient.Version.HTTP_1_1)
        .executor(executor)
        .build();
  }

  public FetchResult fetch(FetchRequest request) {
    Deadline deadline = Deadline.after(config.readTimeout());
    RedirectTrail trail = new RedirectTrail(request.url(), config.maxRedirects());
    try {
      while (true) {
        URI uri = trail.current();
        checkAddress(trail, deadline);
        HttpResponse<byte[]> response = exchange(uri, request, deadline);
        int status = response.statusCode();
        if (RedirectTrail.isRedirect(status)) {
          trail.follow(status, response.headers().firstValue("Location").orElse(null));
          continue;
        }
        return interpret(uri, request, response);
      }
    } catch (FetchFailure failure) {
      return failure.toResult();
    }
  }

  private void checkAddress(RedirectTrail trail, Deadline deadline) throws FetchFailure {
    URI uri = trail.current();
    // The lookup runs on a pool thread so a hanging DNS server cannot hold the caller past the deadline.
    Future<?> lookup = executor.submit(() -> guard.check(uri));
    try {
      lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RefusedAddressException refused) {
        URI from = trail.previous();
        throw new FetchFailure(uri, from == null ? refused.getMessage()
            : FailureMessages.refusedRedirect(from, refused.getMessage()));
      }
      if (cause instanceof UnknownHostException) {
        throw new FetchFailure(uri, FailureMessages.unknownHost(uri, AddressGuard.hostOf(uri)));
      }
      throw new FetchFailure(uri, FailureMessages.network(uri, cause));
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw new FetchFailure(uri, FailureMessages.timedOut(uri, config.readTimeout(), false, 0));
    } catch (InterruptedException e) {
      lookup.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchFailure(uri, FailureMessages.interrupted(uri));
    }
  }

  private HttpResponse<byte[]> exchange(URI uri, FetchRequest request, Deadline deadline) throws FetchFailure {
    if (deadline.remainingNanos() <= 0) {
      throw new FetchFailure(uri, FailureMessages.timedOut(uri, config.readTimeout(), false, 0));
    }
    HttpRequest httpRequest = buildRequest(uri, request, deadline);
    AtomicReference<CappedBodySubscriber> body = new AtomicReference<>();
    AtomicReference<Long> declaredLength = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      CappedBodySubscriber subscriber;
      if (info.statusCode() / 100 != 2) {
        subscriber = CappedBodySubscriber.skipping();
      } else {
        OptionalLong length = contentLength(info.headers());
        if (length.isPresent() && length.getAsLong() > cap(request)) {
          declaredLength.set(length.getAsLong());
          subscriber = CappedBodySubscriber.rejecting();
        } else {
          subscriber = CappedBodySubscriber.capped(cap(request));
        }
      }
      body.set(subscriber);
      return subscriber;
    };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest, handler);
    try {
      // The request timeout only covers the headers; waiting on the whole response here bounds the body too, so a
      // server dripping one byte a second is cut off at the deadline.
      return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      CappedBodySubscriber subscriber = body.get();
      if (subscriber != null) subscriber.abort(new HttpTimeoutException("fetch deadline passed"));
      future.cancel(true);
      throw new FetchFailure(uri, FailureMessages.timedOut(uri, config.readTimeout(), subscriber != null,
          subscriber == null ? 0 : subscriber.received()));
    } catch (InterruptedException e) {
      CappedBodySubscriber subscriber = body.get();
      if (subscriber != null) subscriber.abort(new IOException("interrupted"));
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchFailure(uri, FailureMessages.interrupted(uri));
    } catch (ExecutionException e) {
      throw translate(uri, e.getCause(), declaredLength.get(), cap(request));
    }
  }

  private HttpRequest buildRequest(URI uri, FetchRequest request, Deadline deadline) throws FetchFailure {
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
          .GET()
          .timeout(Duration.ofNanos(Math.max(deadline.remainingNanos(), 1_000_000)))
          .header("User-Agent", userAgent())
          .header("Accept", ACCEPT)
          .header("Accept-Encoding", ContentDecoding.ACCEPTED);
      if (sameOrigin(uri, request.url())) request.headers().forEach(builder::header);
      if (request.etag() != null) builder.header("If-None-Match", request.etag());
      if (request.lastModified() != null) builder.header("If-Modified-Since", request.lastModified());
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new FetchFailure(uri, FailureMessages.invalidRequest(uri, e));
    }
  }

  private String userAgent() {
    String ua = config.userAgent();
    return ua == null || ua.isBlank() ? NetworkConfig.DEFAULT_USER_AGENT : ua;
  }

  private static OptionalLong contentLength(HttpHeaders headers) {
    try {
      return headers.firstValueAsLong("Content-Length");
    } catch (NumberFormatException garbage) {
      return OptionalLong.empty(); // the wire cap still applies
    }
  }

  /** The body cap for this request: the configured one, or the request's smaller one. */
  private long cap(FetchRequest request) {
    return request.maxBytes() > 0 ? Math.min(request.maxBytes(), config.maxBodyBytes()) : config.maxBodyBytes();
  }

  /** Same scheme, host and port: where a request's extra headers (credentials) may go. */
  static boolean sameOrigin(URI a, URI b) {
    if (a == null || b == null || a.getScheme() == null || a.getHost() == null || b.getHost() == null) return false;
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) return u.getPort();
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private FetchFailure translate(URI uri, Throwable cause, Long declaredLength, long cap) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBodySubscriber.TooLarge && cap < config.maxBodyBytes()) {
        return new FetchFailure(uri, FailureMessages.overRequestCap(uri, declaredLength, cap));
      }
      if (t instanceof CappedBodySubscriber.TooLarge) {
        return new FetchFailure(uri, declaredLength != null
            ? FailureMessages.tooLargeDeclared(uri, declaredLength, cap)
            : FailureMessages.tooLargeOnWire(uri, cap));
      }
      if (t instanceof HttpConnectTimeoutException) {
        return new FetchFailure(uri, FailureMessages.connectTimedOut(uri, config.connectTimeout()));
      }
      if (t instanceof HttpTimeoutException) {
        return new FetchFailure(uri, FailureMessages.timedOut(uri, config.readTimeout(), false, 0));
      }
      if (t instanceof ConnectException) {
        return new FetchFailure(uri, FailureMessages.connectFailed(uri, deepestMessage(t)));
      }
      if (t instanceof SSLException ssl) {
        return new FetchFailure(uri, FailureMessages.tls(uri, ssl));
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new FetchFailure(uri, FailureMessages.unknownHost(uri, AddressGuard.hostOf(uri)));
      }
    }
    return new FetchFailure(uri, FailureMessages.network(uri, cause));
  }

  private static String deepestMessage(Throwable t) {
    String message = null;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) message = c.getMessage();
    }
    return message;
  }

  private FetchResult interpret(URI uri, FetchRequest request, HttpResponse<byte[]> response) throws FetchFailure {
    int status = response.statusCode();
    String etag = response.headers().firstValue("ETag").orElse(null);
    String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    if (status == 304) {
      if (request.etag() == null && request.lastModified() == null) {
        throw new FetchFailure(uri, FailureMessages.notModifiedWithoutValidators(uri));
      }
      // A 304 may refresh the validators; if it does not, the old ones stay valid.
      return FetchResult.notModified(uri, etag != null ? etag : request.etag(),
          lastModified != null ? lastModified : request.lastModified());
    }
    if (status / 100 != 2 || status == 204) {
      Duration retryAfter = status == 429 || status == 503
          ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)
          : null;
      throw new FetchFailure(uri, FailureMessages.httpStatus(uri, status, retryAfter), retryAfter);
    }
    byte[] body = ContentDecoding.decode(response.body(),
        response.headers().firstValue("Content-Encoding").orElse(null), cap(request), uri);
    String hash = BodyHash.sha256Hex(body);
    if (hash.equals(request.lastBodyHash())) {
      return FetchResult.unchanged(uri, etag, lastModified, hash);
    }
    return FetchResult.fetched(body, response.headers().firstValue("Content-Type").orElse(null), uri, etag,
        lastModified, hash);
  }

  /** One deadline for the whole fetch, all redirect hops included, so a poll never outlives readTimeout by much. */
  private record Deadline(long atNanos) {
    static Deadline after(Duration timeout) {
      return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    long remainingNanos() {
      return Math.max(0, atNanos - System.nanoTime());
    }
  }
}
