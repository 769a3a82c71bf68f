package dev.newswire.pipeline.parse;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Picks the picture for an entry's chat card. Explicit media metadata beats enclosures, which beat the first
 * picture inside the HTML, because editors choose the former and the latter may be a tracking pixel or an ad.
 */
final class EntryImageFinder {

  private final LinkResolver resolver = new LinkResolver();

  /**
   * @param bases bases for relative image URLs, most specific first
   * @return an absolute http(s) image URL or null
   */
  String find(SyndEntry entry, String... bases) {
    for (String candidate : candidates(entry)) {
      String resolved = resolver.resolve(candidate, bases);
      if (resolved != null && LinkResolver.isAbsoluteHttp(resolved)) {
        return resolved;
      }
    }
    return null;
  }

  private static List<String> candidates(SyndEntry entry) {
    List<String> out = new ArrayList<>();
    if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule media) {
      addThumbnails(media.getMetadata(), out);
      addContents(media.getMediaContents(), out);
      for (MediaGroup group : nonNull(media.getMediaGroups(), new MediaGroup[0])) {
        addThumbnails(group.getMetadata(), out);
        addContents(group.getContents(), out);
      }
    }
    for (SyndEnclosure enclosure : entry.getEnclosures()) {
      if (enclosure.getType() != null && enclosure.getType().toLowerCase(Locale.ROOT).startsWith("image/")) {
        out.add(enclosure.getUrl());
      }
    }
    for (SyndContent content : entry.getContents()) {
      addFirstImg(content, out);
    }
    addFirstImg(entry.getDescription(), out);
    return out;
  }

  private static void addThumbnails(Metadata metadata, List<String> out) {
    if (metadata == null) {
      return;
    }
    for (Thumbnail t : nonNull(metadata.getThumbnail(), new Thumbnail[0])) {
      if (t.getUrl() != null) {
        out.add(t.getUrl().toString());
      }
    }
  }

  private static void addContents(MediaContent[] contents, List<String> out) {
    for (MediaContent c : nonNull(contents, new MediaContent[0])) {
      if (isImage(c) && c.getReference() instanceof UrlReference ref && ref.getUrl() != null) {
        out.add(ref.getUrl().toString());
      }
      addThumbnails(c.getMetadata(), out);
    }
  }

  private static boolean isImage(MediaContent c) {
    String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
    String medium = c.getMedium() == null ? "" : c.getMedium().toLowerCase(Locale.ROOT);
    return type.startsWith("image/") || medium.equals("image");
  }

  private static void addFirstImg(SyndContent content, List<String> out) {
    if (content == null || content.getValue() == null || !content.getValue().contains("<img")) {
      return;
    }
    Element img = HtmlFragments.parse(content.getValue()).selectFirst("img[src]");
    if (img != null) {
      out.add(img.attr("src"));
    }
  }

  private static <T> T[] nonNull(T[] array, T[] empty) {
    return array == null ? empty : array;
  }
}
