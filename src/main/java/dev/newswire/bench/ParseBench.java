package dev.newswire.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newswire.news.ParsedFeed;
import dev.newswire.pipeline.parse.FeedParseException;
import dev.newswire.pipeline.parse.FeedParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/** Scenario 2: MB/s and items/s of the real corpus through FeedParser, next to plain Rome and a bare StAX pass. */
public final class ParseBench {

  static final String CONTENT_TYPE = "application/xml";

  /** One contestant's figures. */
  public record Result(String name, double mbPerSecond, double itemsPerSecond, int feedsParsed, int items) {}

  /** Everything scenario 2 measured. */
  public record Report(List<Result> results, long corpusBytes, int feeds, int sameAsRome, List<String> worseThanRome) {
    Result get(String name) {
      return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
  }

  interface Contestant {
    /** Parses one feed; returns its item count, or -1 when it cannot. */
    int parse(byte[] bytes) throws Exception;
  }

  private static final URI BASE = URI.create("https://example.com/feed");
  private static final XMLInputFactory STAX = staxFactory();

  public static final String OURS = "FeedParser (Woodstox StAX → JDOM → Rome; decode, clean, normalise)";
  public static final String OURS_SAX = "FeedParser, before (Rome's SAX → JDOM, Rome's stock date masks; decode, clean, normalise)";
  public static final String ROME = "plain Rome (SyndFeedInput over XmlReader, stock date masks)";
  public static final String BARE_STAX = "bare StAX pass (Woodstox XMLStreamReader, every event)";

  public Report run(BenchCorpus corpus, int warmup, int iterations) throws Exception {
    FeedParser fast = new FeedParser();
    FeedParser sax = FeedParser.withRomeSaxBuilder();
    List<Contestant> contestants = List.of(b -> items(fast, b), b -> items(sax, b), ParseBench::plainRome,
        ParseBench::bareStax);
    List<String> names = List.of(OURS, OURS_SAX, ROME, BARE_STAX);

    // Correctness first: every feed plain Rome reads, ours must read with at least as many items.
    int same = 0;
    List<String> worse = new ArrayList<>();
    for (BenchCorpus.Feed f : corpus.feeds()) {
      int rome = safe(contestants.get(2), f.bytes());
      int ours = safe(contestants.get(0), f.bytes());
      if (rome < 0 || ours >= rome) {
        same++;
      } else {
        worse.add(f.name() + " (ours " + ours + " items, Rome " + rome + ")");
      }
    }

    // Ours runs with our rome.properties (RFC 822 date mask first); "before" and plain Rome with Rome's stock masks.
    boolean[] stockDates = {false, true, true, false};
    for (int i = 0; i < warmup; i++) {
      for (int c = 0; c < contestants.size(); c++) {
        RomeDateMasks.stock(stockDates[c]);
        pass(contestants.get(c), corpus);
      }
    }
    // Measured passes are interleaved, so a change in machine load hits every contestant alike.
    long[] nanos = new long[contestants.size()];
    long[] bytes = new long[contestants.size()];
    long[] items = new long[contestants.size()];
    int[] parsed = new int[contestants.size()];
    try {
      for (int i = 0; i < iterations; i++) {
        for (int c = 0; c < contestants.size(); c++) {
          RomeDateMasks.stock(stockDates[c]);
          long t0 = System.nanoTime();
          for (BenchCorpus.Feed f : corpus.feeds()) {
            int n = safe(contestants.get(c), f.bytes());
            if (n >= 0) {
              bytes[c] += f.bytes().length;
              items[c] += n;
              parsed[c]++;
            }
          }
          nanos[c] += System.nanoTime() - t0;
        }
      }
    } finally {
      RomeDateMasks.stock(false);
    }
    List<Result> results = new ArrayList<>();
    for (int c = 0; c < contestants.size(); c++) {
      double seconds = nanos[c] / 1e9;
      results.add(new Result(names.get(c), bytes[c] / 1e6 / seconds, items[c] / seconds,
          parsed[c] / Math.max(1, iterations), (int) (items[c] / Math.max(1, iterations))));
    }
    return new Report(results, corpus.totalBytes(), corpus.feeds().size(), same, worse);
  }

  private static void pass(Contestant c, BenchCorpus corpus) {
    for (BenchCorpus.Feed f : corpus.feeds()) {
      safe(c, f.bytes());
    }
  }

  private static int safe(Contestant c, byte[] bytes) {
    try {
      return c.parse(bytes);
    } catch (Exception e) {
      return -1;
    }
  }

  private static int items(FeedParser parser, byte[] bytes) throws FeedParseException {
    ParsedFeed feed = parser.parse(bytes, CONTENT_TYPE, BASE);
    return feed.items().size();
  }

  static int plainRome(byte[] bytes) throws Exception {
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), CONTENT_TYPE, true)) {
      SyndFeed feed = new SyndFeedInput().build(reader);
      return feed.getEntries().size();
    }
  }

  /** Every event, text included; leading whitespace skipped (a strict parser refuses it before the prolog). */
  static int bareStax(byte[] bytes) throws Exception {
    int start = 0;
    while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\n' || bytes[start] == '\r'
        || bytes[start] == '\t')) {
      start++;
    }
    XMLStreamReader r = STAX.createXMLStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start));
    int items = 0;
    long chars = 0;
    try {
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamReader.START_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("item") || name.equals("entry")) {
            items++;
          }
        } else if (e == XMLStreamReader.CHARACTERS || e == XMLStreamReader.CDATA) {
          chars += r.getTextLength();
        }
      }
    } finally {
      r.close();
    }
    return chars >= 0 ? items : -1;
  }

  private static XMLInputFactory staxFactory() {
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  static String mb(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
