package dev.newswire.pipeline;

import dev.newswire.news.ParsedFeed;
import java.net.URI;

/** Placeholder until the parser lands. */
public class FeedParser {
  public ParsedFeed parse(byte[] body, String httpContentType, URI baseUri) throws FeedParseException {
    throw new FeedParseException("parser not built yet");
  }
}
