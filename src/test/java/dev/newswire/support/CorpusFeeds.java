package dev.newswire.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newswire.news.NewsItem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;

/**
 * A deliberately minimal reader of the shared real-feed corpus for enrichment tests: title, description
 * or summary, and content of each item, HTML turned into text. Not a feed parser (that lives elsewhere).
 */
public final class CorpusFeeds {

  public static final Path REAL = Path.of("..", "shared", "corpus", "real");

  private CorpusFeeds() {}

  public static List<NewsItem> realItems() {
    assumeTrue(Files.isDirectory(REAL), "shared corpus not found at " + REAL.toAbsolutePath() + "; skipping");
    List<NewsItem> items = new ArrayList<>();
    try (Stream<Path> files = Files.walk(REAL)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
        items.addAll(read(file));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return items;
  }

  private static List<NewsItem> read(Path file) throws IOException {
    // Some snapshots start with a blank line before <?xml, which strict StAX rejects.
    String xml = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<NewsItem> items = new ArrayList<>();
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
      String title = null;
      String summary = "";
      String content = "";
      boolean inItem = false;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("item") || name.equals("entry")) {
            inItem = true;
            title = null;
            summary = "";
            content = "";
          } else if (inItem && name.equals("title") && title == null) {
            title = text(reader.getElementText());
          } else if (inItem && (name.equals("description") || name.equals("summary"))) {
            summary = text(reader.getElementText());
          } else if (inItem && (name.equals("encoded") || name.equals("content"))) {
            content = text(elementTextOrMarkup(reader));
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && (reader.getLocalName().equals("item") || reader.getLocalName().equals("entry")) && inItem) {
          inItem = false;
          items.add(new NewsItem(null, title, null, summary, content, null, null, null, List.of(), null, List.of()));
        }
      }
    } catch (XMLStreamException e) {
      return items; // a snapshot StAX cannot read (e.g. undeclared HTML entities) just contributes nothing
    }
    return items;
  }

  /** Atom xhtml content is markup, not text; collect its character data. */
  private static String elementTextOrMarkup(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0 && reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        text.append(' ');
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        text.append(' ');
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(reader.getText());
      }
    }
    return text.toString();
  }

  private static String text(String html) {
    return Jsoup.parse(html).text();
  }
}
