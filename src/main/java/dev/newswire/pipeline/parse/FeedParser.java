package dev.newswire.pipeline.parse;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.Atom10Parser;
import com.ctc.wstx.stax.WstxInputFactory;
import dev.newswire.news.NewsItem;
import dev.newswire.news.ParsedFeed;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.StAXStreamBuilder;
import org.xml.sax.InputSource;

/**
 * Feed body to {@link ParsedFeed}. Order matters: decode (so we control charsets and bad bytes), clean (so the
 * DOCTYPE and HTML entities never reach the XML parser), then let Rome handle the format differences. Thread-safe.
 */
public final class FeedParser {

  static {
    // Rome leaves Atom hrefs as written unless told to apply xml:base; the switch is JVM-wide and we want it everywhere.
    Atom10Parser.setResolveURIs(true);
  }

  /**
   * Woodstox, created directly (not through XMLInputFactory.newFactory) so no other code changes parser. No DTD
   * support and no external entities: the same boundary as Rome's disallow-doctype setting on the SAX path.
   */
  private static final XMLInputFactory STAX = staxFactory();

  /** How the JDOM document that Rome reads is built. */
  enum DocumentBuilder {
    /** Woodstox StAX events into JDOM (fast); falls back to {@link #ROME_SAX} when Woodstox refuses a document. */
    STAX,
    /** Rome's own JDK SAX parser into JDOM (the original path). */
    ROME_SAX
  }

  private final DocumentBuilder documentBuilder;
  private final FeedTextDecoder decoder = new FeedTextDecoder();
  private final XmlCleaner cleaner = new XmlCleaner();
  private final NonFeedExplainer explainer = new NonFeedExplainer();
  private final EntryMapper mapper = new EntryMapper();
  private final HtmlText html = new HtmlText();
  private final LinkResolver resolver = new LinkResolver();

  public FeedParser() {
    this(DocumentBuilder.STAX);
  }

  FeedParser(DocumentBuilder documentBuilder) {
    this.documentBuilder = documentBuilder;
  }

  /** The original path (Rome's SAX parser builds the document); for benchmarks and equivalence checks only. */
  public static FeedParser withRomeSaxBuilder() {
    return new FeedParser(DocumentBuilder.ROME_SAX);
  }

  private static XMLInputFactory staxFactory() {
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_VALIDATING, false);
    return f;
  }

  /**
   * @param body            the response body as received (already inflated)
   * @param httpContentType the Content-Type header, or null; its charset wins over the XML prolog (RFC 3023)
   * @param baseUri         where the body came from, for relative links; may be null
   * @throws FeedParseException when the body is not an RSS/Atom feed; the message tells the admin what to do
   */
  public ParsedFeed parse(byte[] body, String httpContentType, URI baseUri) throws FeedParseException {
    HtmlFragments.open();
    try {
      return parseAndMap(body, httpContentType, baseUri);
    } finally {
      HtmlFragments.clear();
    }
  }

  private ParsedFeed parseAndMap(byte[] body, String httpContentType, URI baseUri) throws FeedParseException {
    String text = decoder.decode(body == null ? new byte[0] : body, httpContentType).text();
    Optional<String> notAFeed = explainer.beforeParsing(text);
    if (notAFeed.isPresent()) {
      throw new FeedParseException(notAFeed.get());
    }
    String xml = cleaner.clean(text);
    if (isRssWithoutChannel(xml)) {
      // Some servers answer "no items" with a bare <rss/>; Rome trips over it, but it is a valid empty feed.
      return new ParsedFeed("", null, "rss", List.of());
    }
    SyndFeed feed = build(xml);
    String base = baseUri == null ? null : baseUri.toString();
    String feedLink = resolver.resolve(siteLink(feed), base);
    EntryMapper.FeedContext context =
        new EntryMapper.FeedContext(feed.getFeedType(), LinkResolver.isAbsoluteHttp(feedLink) ? feedLink : null, base);
    List<NewsItem> items = new ArrayList<>(feed.getEntries().size());
    for (SyndEntry entry : feed.getEntries()) {
      items.add(mapper.map(entry, context));
    }
    return new ParsedFeed(feedTitle(feed), feedLink, feed.getFeedType(), items);
  }

  private String feedTitle(SyndFeed feed) {
    SyndContent title = feed.getTitleEx();
    String text = title != null && "text".equalsIgnoreCase(title.getType()) ? html.plainLine(title.getValue()) : html.toLine(feed.getTitle());
    if (text.isEmpty() && feed.getModule(DCModule.URI) instanceof DCModule dc) {
      text = html.toLine(dc.getTitle());
    }
    return text;
  }

  private static boolean isRssWithoutChannel(String xml) {
    return "rss".equals(NonFeedExplainer.rootElement(xml)) && !xml.contains("<channel");
  }

  /** Rome reports an Atom feed's self link as its link; the site (alternate) link is the one worth keeping. */
  private static String siteLink(SyndFeed feed) {
    if (feed.originalWireFeed() instanceof Feed atom) {
      for (Link link : atom.getAlternateLinks()) {
        String href = link.getHrefResolved() != null ? link.getHrefResolved() : link.getHref();
        if (href != null && !href.isBlank()) {
          return href;
        }
      }
    }
    return feed.getLink();
  }

  private SyndFeed build(String xml) throws FeedParseException {
    if (documentBuilder == DocumentBuilder.STAX) {
      SyndFeed fast = buildWithStax(xml);
      if (fast != null) {
        return fast;
      }
      // Woodstox refused the document (or Rome refused its tree): the SAX path decides, with its own error message.
    }
    return buildWithSax(xml);
  }

  /** The fast path: null when it cannot read the document, so that the SAX path gets the final word. */
  private static SyndFeed buildWithStax(String xml) {
    XMLStreamReader reader = null;
    try {
      reader = STAX.createXMLStreamReader(new StringReader(xml));
      Document document = new StAXStreamBuilder().build(reader);
      if (document.getDocType() != null) {
        return null; // never here (the cleaner drops it); let the SAX path refuse it as before
      }
      return input().build(document);
    } catch (XMLStreamException | JDOMException | FeedException | RuntimeException e) {
      return null;
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing held
        }
      }
    }
  }

  private static SyndFeedInput input() {
    SyndFeedInput input = new SyndFeedInput();
    input.setPreserveWireFeed(true);
    // Defence in depth: the cleaner already removed any DOCTYPE; should one slip through, Rome must refuse it.
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(false);
    return input;
  }

  private SyndFeed buildWithSax(String xml) throws FeedParseException {
    SyndFeedInput input = input();
    try {
      return input.build(new InputSource(new StringReader(xml)));
    } catch (FeedException | RuntimeException e) {
      // Rome signals "not a feed format I know" with IllegalArgumentException and bugs in converters with others.
      throw new FeedParseException(explainer.afterFailure(e, xml), e);
    }
  }
}
