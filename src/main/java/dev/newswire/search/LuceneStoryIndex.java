package dev.newswire.search;

import dev.newswire.store.ItemStore;
import dev.newswire.store.StoredItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory Lucene index of title and summary, rebuilt from the items table at start and fed incrementally from
 * new rows (by id) after each poll commit. Ranked by BM25 relevance with the title boosted, newer first on ties.
 */
public final class LuceneStoryIndex implements StoryIndex, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LuceneStoryIndex.class);
  private static final int PAGE = 500;

  private final ItemStore items;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private long lastId;
  private int size;

  public LuceneStoryIndex(ItemStore items) {
    this.items = items;
    try {
      writer = new IndexWriter(dir, new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void catchUp() {
    try {
      int added = 0;
      while (true) {
        List<StoredItem> page = items.after(lastId, PAGE);
        for (StoredItem s : page) {
          Document d = new Document();
          d.add(new StringField("id", Long.toString(s.id()), Field.Store.YES));
          d.add(new TextField("title", s.item().title(), Field.Store.NO));
          d.add(new TextField("summary", s.item().summary(), Field.Store.NO));
          long t = time(s).toEpochMilli();
          d.add(new LongPoint("time", t));
          d.add(new NumericDocValuesField("time", t));
          d.add(new StoredField("timeValue", t));
          writer.addDocument(d); // ids only grow past lastId, so a row is never added twice
          lastId = Math.max(lastId, s.id());
          added++;
        }
        if (page.size() < PAGE) break;
      }
      if (added > 0) {
        writer.commit();
        searchers.maybeRefresh();
        size += added;
        log.debug("Search index: {} stories added, {} in all", added, size);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant time(StoredItem s) {
    Instant best = s.item().bestTime();
    return best != null ? best : s.firstSeenAt();
  }

  @Override
  public List<Long> search(String query, Instant since, int limit) {
    Query parsed = parse(query);
    if (parsed == null) return List.of();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST);
    if (since != null) b.add(LongPoint.newRangeQuery("time", since.toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(b.build(), Math.max(1, limit),
            new Sort(SortField.FIELD_SCORE, new SortField("time", SortField.Type.LONG, true)));
        List<Long> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) out.add(Long.parseLong(searcher.storedFields().document(sd.doc).get("id")));
        return out;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query parse(String query) {
    if (query == null || query.isBlank()) return null;
    MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {"title", "summary"}, analyzer,
        Map.of("title", 2.0f, "summary", 1.0f));
    p.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return p.parse(query);
    } catch (ParseException | RuntimeException e) {
      try {
        // Stray symbols (a lone quote, a colon): search the words as typed.
        return p.parse(QueryParser.escape(query));
      } catch (ParseException | RuntimeException again) {
        return null;
      }
    }
  }

  @Override
  public synchronized int size() {
    return size;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      dir.close();
    } catch (IOException e) {
      log.warn("Closing the search index", e);
    }
  }
}
