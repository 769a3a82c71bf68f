package dev.newswire.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback feed server for the benchmark (JDK HttpServer). Feed {@code /f/N} answers with a corpus body and an
 * ETag; a request carrying the current ETag gets 304. Every fifth feed (N % 5 == 0) is "changing": each request
 * moves it to a new version with the next corpus body, so 20% of conditional GETs are 200 and 80% are 304.
 */
public final class BenchFeedServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool;
  private final List<BenchCorpus.Feed> bodies;
  private final AtomicIntegerArray versions;
  private final AtomicLong handlerCpuNanos = new AtomicLong();
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger ok = new AtomicInteger();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private final boolean changing;

  /**
   * @param changing false: no feed ever changes (every conditional GET after the first is 304)
   */
  public BenchFeedServer(List<BenchCorpus.Feed> bodies, int feeds, int threads, boolean changing) throws IOException {
    this.bodies = bodies;
    this.changing = changing;
    this.versions = new AtomicIntegerArray(feeds);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/f/", this::handle);
    server.start();
  }

  public URI feedUri(int n) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/f/" + n);
  }

  public boolean isChanging(int n) {
    return changing && n % 5 == 0;
  }

  /** The body feed n serves before its first change. */
  public BenchCorpus.Feed firstBody(int n) {
    return bodies.get(Math.floorMod(n, bodies.size()));
  }

  /** CPU spent inside the request handler (the server's own work, excluding the JDK's socket threads). */
  public long handlerCpuNanos() {
    return handlerCpuNanos.get();
  }

  public int okCount() {
    return ok.get();
  }

  public int notModifiedCount() {
    return notModified.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    long cpu0 = threads.getCurrentThreadCpuTime();
    try (ex) {
      int n;
      try {
        n = Integer.parseInt(ex.getRequestURI().getPath().substring(3));
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0 || n >= versions.length()) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
      int version = isChanging(n) ? versions.incrementAndGet(n) : versions.get(n);
      String etag = "\"" + n + "-" + version + "\"";
      if (etag.equals(ifNoneMatch)) {
        notModified.incrementAndGet();
        ex.getResponseHeaders().set("ETag", etag);
        ex.sendResponseHeaders(304, -1);
        return;
      }
      BenchCorpus.Feed body = bodies.get(Math.floorMod(n + version, bodies.size()));
      ex.getResponseHeaders().set("ETag", etag);
      ex.getResponseHeaders().set("Content-Type", "application/xml");
      ex.sendResponseHeaders(200, body.bytes().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body.bytes());
      }
      ok.incrementAndGet();
    } finally {
      handlerCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
