package dev.newswire.search;

import dev.newswire.store.ItemStore;
import dev.newswire.store.StoredItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lucene index of title and summary, fed from new item rows (by id) after each poll commit. Ranked by BM25
 * relevance with the title boosted, newer first on ties.
 *
 * <p>On disk (the default beside an H2 file database) the last indexed item id is kept in the index's commit data,
 * so a restart indexes only what is new; in memory it is rebuilt from the items table. Either way indexing runs on
 * one background thread: the bot is ready before a large index is built, and a poll commit never waits for it. A
 * search waits briefly for pending rows so that a story just committed is found.
 */
public final class LuceneStoryIndex implements StoryIndex, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LuceneStoryIndex.class);
  private static final int PAGE = 500;
  private static final String LAST_ID = "lastItemId";
  /** How long a search waits for rows committed just before it; after that it answers from what is indexed. */
  private static final Duration SEARCH_WAIT = Duration.ofSeconds(2);

  private final ItemStore items;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final Directory dir;
  private final String where;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "search-index");
    t.setDaemon(true);
    return t;
  });
  private final Object progress = new Object();
  private long requested;
  private long completed;
  private boolean queued;
  private long lastId;
  private volatile boolean closing;

  /** An in-memory index. */
  public LuceneStoryIndex(ItemStore items) {
    this(items, Optional.empty());
  }

  /** @param onDisk the index directory, or empty for memory */
  public LuceneStoryIndex(ItemStore items, Optional<Path> onDisk) {
    this.items = items;
    Directory d = null;
    IndexWriter w = null;
    String at = "memory";
    if (onDisk.isPresent()) {
      try {
        Files.createDirectories(onDisk.get());
        d = FSDirectory.open(onDisk.get());
        w = openOrRecreate(d, onDisk.get());
        at = onDisk.get().toString();
      } catch (LockObtainFailedException e) {
        log.warn("The search index {} is in use by another process (another Newswire instance with the same"
            + " storage.searchIndex?); this instance keeps its index in memory. Give each instance its own"
            + " storage.searchIndex directory.", onDisk.get());
        closeQuietly(d);
        d = null;
      } catch (IOException e) {
        log.warn("Cannot use the search index directory {} ({}); keeping the index in memory", onDisk.get(),
            e.toString());
        closeQuietly(d);
        d = null;
      }
    }
    try {
      if (d == null) {
        d = new ByteBuffersDirectory();
        w = new IndexWriter(d, new IndexWriterConfig(analyzer));
      }
      this.dir = d;
      this.writer = w;
      this.where = at;
      this.lastId = committedLastId(w);
      if (lastId > 0 && items.find(lastId).isEmpty()) {
        // The index is ahead of the database (restored or replaced): its ids mean other stories now.
        log.info("Search index {} does not match the database (item {} is unknown); rebuilding it", at, lastId);
        w.deleteAll();
        lastId = 0;
      }
      this.searchers = new SearcherManager(w, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IndexWriter openOrRecreate(Directory d, Path path) throws IOException {
    try {
      return new IndexWriter(d, new IndexWriterConfig(analyzer));
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      log.warn("The search index {} is unreadable ({}); rebuilding it from the database", path, e.toString());
      return new IndexWriter(d, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }
  }

  private static long committedLastId(IndexWriter w) {
    Iterable<Map.Entry<String, String>> data = w.getLiveCommitData();
    if (data == null) return 0;
    for (Map.Entry<String, String> e : data) {
      if (LAST_ID.equals(e.getKey())) return Long.parseLong(e.getValue());
    }
    return 0;
  }

  /** Where the index lives: a directory, or "memory". */
  public String location() {
    return where;
  }

  /**
   * Indexes new rows on the background thread and returns at once; calls made while one is queued are folded into
   * it, so a burst of poll commits costs one pass.
   */
  public void catchUpSoon() {
    synchronized (progress) {
      requested++;
      if (queued) return;
      queued = true;
    }
    try {
      background.execute(this::backgroundPass);
    } catch (RejectedExecutionException closed) {
      synchronized (progress) {
        queued = false;
      }
    }
  }

  private void backgroundPass() {
    long upTo;
    synchronized (progress) {
      queued = false;
      upTo = requested;
    }
    try {
      long started = System.nanoTime();
      int added = catchUpNow();
      if (added > 1000) {
        log.info("Search index ({}): {} stories added in {} ms, {} in all", where, added,
            (System.nanoTime() - started) / 1_000_000, size());
      }
    } catch (RuntimeException e) {
      log.error("Search index ({}): indexing new stories failed; search may miss them until the next poll", where, e);
    } finally {
      synchronized (progress) {
        completed = Math.max(completed, upTo);
        progress.notifyAll();
      }
    }
  }

  @Override
  public boolean catchingUp() {
    synchronized (progress) {
      return completed < requested;
    }
  }

  @Override
  public void catchUp() {
    catchUpNow();
  }

  private synchronized int catchUpNow() {
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
        if (page.size() < PAGE || closing) break;
      }
      if (added > 0) {
        writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastId)).entrySet());
        writer.commit();
        searchers.maybeRefresh();
        log.debug("Search index: {} stories added, {} in all", added, size());
      }
      return added;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until every catch-up requested so far is done; false when the time ran out first. */
  public boolean awaitCaughtUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = requested;
      while (completed < target) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) return false;
        try {
          progress.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private static Instant time(StoredItem s) {
    Instant best = s.item().bestTime();
    return best != null ? best : s.firstSeenAt();
  }

  @Override
  public List<Long> search(String query, Instant since, int limit) {
    awaitCaughtUp(SEARCH_WAIT);
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
  public int size() {
    return writer.getDocStats().numDocs;
  }

  @Override
  public void close() {
    closing = true; // an interrupt could break the index files mid-write, so the pass stops between pages
    background.shutdown();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      searchers.close();
      writer.close();
      dir.close();
    } catch (IOException e) {
      log.warn("Closing the search index", e);
    }
  }

  private static void closeQuietly(Directory d) {
    if (d == null) return;
    try {
      d.close();
    } catch (IOException ignored) {
      // nothing was written through it
    }
  }
}
