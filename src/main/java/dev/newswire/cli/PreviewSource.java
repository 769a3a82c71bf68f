package dev.newswire.cli;

import dev.newswire.config.NetworkConfig;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.fetch.FetchRequest;
import dev.newswire.pipeline.fetch.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads what `preview` was given: a local file, or an http(s) URL through the same guarded fetcher as polling. */
final class PreviewSource {
  /** The bytes of a source and what we know about them. */
  record Loaded(byte[] body, String contentType, URI base) {}

  /** The source cannot be read; the message says why and what to do. */
  static final class UnreadableSource extends Exception {
    UnreadableSource(String message) {
      super(message);
    }
  }

  private final NetworkConfig network;

  PreviewSource(NetworkConfig network) {
    this.network = network;
  }

  Loaded load(String source) throws UnreadableSource {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      URI uri;
      try {
        uri = URI.create(source);
      } catch (IllegalArgumentException e) {
        throw new UnreadableSource("'" + source + "' is not a valid URL: " + e.getMessage());
      }
      FetchResult r = new FeedFetcher(network).fetch(FetchRequest.fresh(uri));
      if (r.status() != FetchResult.Status.FETCHED) {
        throw new UnreadableSource(r.error() != null ? r.error() : "no content from " + source);
      }
      return new Loaded(r.body(), r.contentType(), r.finalUri() != null ? r.finalUri() : uri);
    }
    Path path = Path.of(source);
    try (InputStream in = Files.newInputStream(path)) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, network.maxBodyBytes() + 1));
      if (body.length > network.maxBodyBytes()) {
        throw new UnreadableSource(source + " is larger than network.maxBodyBytes (" + network.maxBodyBytes()
            + " bytes); raise the limit in the config if this feed is really that big.");
      }
      return new Loaded(body, null, path.toAbsolutePath().toUri());
    } catch (NoSuchFileException e) {
      throw new UnreadableSource("File " + source + " does not exist; give a file path or an http(s) URL.");
    } catch (IOException e) {
      throw new UnreadableSource("Cannot read " + source + ": " + e.getMessage());
    }
  }
}
