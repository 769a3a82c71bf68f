package dev.newswire.pipeline.cluster;

import dev.newswire.config.ClusteringConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds the story an item belongs to among the items of the last {@code window}: an in-memory index, rebuilt from
 * the database at start ({@link #load}).
 *
 * <p>How two items are judged the same story (explainable, see {@link Verdict}):
 * <ol>
 *   <li>the same canonical link → same story;</li>
 *   <li>candidates come from MinHash/LSH over content words (rewritten text) and from buckets of entity pairs
 *       (headlines that share two names);</li>
 *   <li>a candidate is the same story when the Jaccard of title+summary words reaches {@code threshold}, or when
 *       the items share at least {@code minEntityOverlap} entities (names, model names, numbers) <em>and</em>
 *       their titles or texts share words beyond those names ({@link #SUPPORT}), or share three or more entities
 *       and at least one in their titles.</li>
 * </ol>
 * Thread-safe (one lock): polls of different feeds may run in parallel.
 */
public final class StoryClusterer {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoryClusterer.class);
  private static final Duration LOAD_WAIT = Duration.ofMinutes(2);
  /** Open unless a window load is under way. */
  private volatile java.util.concurrent.CountDownLatch loading = new java.util.concurrent.CountDownLatch(0);
  static final int HASHES = 128;
  static final int ROWS = 4;
  static final int BANDS = HASHES / ROWS;
  /** Word overlap (Jaccard) needed besides shared entities. */
  static final double SUPPORT = 0.12;

  private final boolean enabled;
  private final Duration window;
  private final double threshold;
  private final int minEntities;
  private final Supplier<String> ids;
  private static final long[] SEEDS_A = new long[HASHES];
  private static final long[] SEEDS_B = new long[HASHES];

  static {
    java.util.SplittableRandom r = new java.util.SplittableRandom(0x5eedc1L);
    for (int i = 0; i < HASHES; i++) {
      SEEDS_A[i] = r.nextLong() | 1;
      SEEDS_B[i] = r.nextLong();
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private LongMultiMap buckets = new LongMultiMap(1024);
  private final java.util.HashMap<String, Integer> byLink = new java.util.HashMap<>();
  /** In how many live items each entity appears: what makes a name rare. */
  private final java.util.HashMap<String, Integer> entityDf = new java.util.HashMap<>();
  private int dead;

  public StoryClusterer(ClusteringConfig config) {
    this(config, () -> UUID.randomUUID().toString());
  }

  public StoryClusterer(ClusteringConfig config, Supplier<String> ids) {
    this.enabled = config.enabled();
    this.window = config.window();
    this.threshold = config.threshold();
    this.minEntities = config.minEntityOverlap();
    this.ids = ids;
  }

  public boolean enabled() {
    return enabled;
  }

  public Duration window() {
    return window;
  }

  /** An item to place: its feed, canonical link (or null), text and the time that orders it. */
  public record Candidate(long feedId, String link, String title, String summary, Instant time) {}

  /** Where an item went, and why (null verdict: a new story). */
  public record Placement(String clusterId, boolean newCluster, Verdict why) {}

  /** The comparison that joined two items, in words a person can check. */
  public record Verdict(boolean same, String rule, double jaccard, double titleJaccard, Set<String> sharedEntities) {
    @Override
    public String toString() {
      return (same ? "same" : "different") + " (" + rule + ", jaccard " + String.format("%.2f", jaccard)
          + ", title " + String.format("%.2f", titleJaccard) + ", shared " + sharedEntities + ")";
    }
  }

  /** Features of one text, computed once. */
  public static final class Features {
    final int[] words;
    final int[] titleWords;
    final int[] entities;
    final int[] titleEntities;
    final Set<String> entityNames;
    final Set<String> titleEntityNames;
    /** The headline's first word when it reads as a name: capitalised by position, so weak evidence. */
    final String leadWord;
    final String link;

    Features(String link, String title, String summary) {
      this.link = link;
      this.words = StoryText.hashes(StoryText.contentWords(title, summary));
      this.titleWords = StoryText.hashes(new java.util.LinkedHashSet<>(StoryText.words(title)));
      this.titleEntityNames = StoryText.entities(title, "");
      this.entityNames = new java.util.LinkedHashSet<>(titleEntityNames);
      entityNames.addAll(StoryText.entities("", summary));
      this.entities = StoryText.hashes(entityNames);
      java.util.Iterator<String> first = StoryText.entities(firstWord(title), "").iterator();
      this.leadWord = first.hasNext() ? first.next() : null;
      this.titleEntities = StoryText.hashes(titleEntityNames);
    }
  }

  private static String firstWord(String title) {
    String t = title == null ? "" : title.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  public static Features features(String link, String title, String summary) {
    return new Features(link, title, summary);
  }

  /** The pairwise rule, on its own: what the evaluation set measures. */
  public synchronized Verdict compare(Features a, Features b) {
    if (a.link != null && a.link.equals(b.link)) return new Verdict(true, "same link", 1, 1, Set.of());
    double j = StoryText.jaccard(a.words, b.words);
    double jt = StoryText.jaccard(a.titleWords, b.titleWords);
    Set<String> shared = new java.util.LinkedHashSet<>(a.entityNames);
    shared.retainAll(b.entityNames);
    int e = shared.size();
    Set<String> titleShared = new java.util.LinkedHashSet<>(a.titleEntityNames);
    titleShared.retainAll(b.titleEntityNames);
    if (j >= threshold) return new Verdict(true, "text", j, jt, shared);
    // Each headline names something the other story never mentions ("Gemini 2.5 Pro" / "Gemini 2.5 Flash",
    // "Opus 4.1" / "Sonnet 4.5"): different stories about the same thing.
    if (namesOwn(a, b) && namesOwn(b, a)) return new Verdict(false, "each title names what the other lacks", j, jt, shared);
    if (jt >= Math.max(threshold, 0.6) && a.titleWords.length >= 3) return new Verdict(true, "title", j, jt, shared);
    double support = supportBeyondEntities(a, b);
    if (e >= minEntities && !titleShared.isEmpty() && support >= SUPPORT) {
      return new Verdict(true, "entities+words", j, jt, shared);
    }
    if (e >= minEntities + 1 && titleShared.size() >= 2) return new Verdict(true, "entities", j, jt, shared);
    boolean rareInTitles = titleShared.stream().anyMatch(this::rare);
    if (rareInTitles && (j >= RARE_SUPPORT || jt >= 2 * RARE_SUPPORT)) return new Verdict(true, "rare name", j, jt, shared);
    return new Verdict(false, "below thresholds", j, jt, shared);
  }

  /** Minimum word overlap with a shared rare name in both headlines. */
  static final double RARE_SUPPORT = 0.1;

  /** True when a's headline names something absent from all of b's text. */
  private static boolean namesOwn(Features a, Features b) {
    for (String n : a.titleEntityNames) if (!n.equals(a.leadWord) && !b.entityNames.contains(n)) return true;
    return false;
  }

  /** A name few items of the window carry (an "AlphaQubit", not a "Google"). */
  boolean rare(String entity) {
    int df = entityDf.getOrDefault(entity, 0);
    return df <= Math.max(3, live() / 100);
  }

  private int live() {
    return entries.size() - dead;
  }

  /** Jaccard of the words that are not entities: "launches GPT-5" vs "raises $40B" share only the company. */
  private static double supportBeyondEntities(Features a, Features b) {
    int inter = StoryText.overlap(a.words, b.words) - StoryText.overlap(StoryText.overlapArray(a.words, b.words), a.entities);
    int union = a.words.length + b.words.length - StoryText.overlap(a.words, b.words);
    return union == 0 ? 0 : Math.max(0, inter) / (double) union;
  }

  /**
   * Marks a window load as under way (start-up reads the window from the database in the background, so the bot is
   * ready sooner); {@link #place} waits until {@link #endLoad()} so no story is placed against half a window.
   */
  public void beginLoad() {
    loading = new java.util.concurrent.CountDownLatch(1);
  }

  public void endLoad() {
    loading.countDown();
  }

  /** Places one item: joins the best matching story in the window, or starts a new one. */
  public Placement place(Candidate c) {
    try {
      if (!loading.await(LOAD_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        log.warn("The clustering window is still loading after {}; placing without the rest of it", LOAD_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return placeLoaded(c);
  }

  private synchronized Placement placeLoaded(Candidate c) {
    if (!enabled) return new Placement(ids.get(), true, null);
    Features f = new Features(c.link(), c.title(), c.summary());
    Entry best = null;
    Verdict bestWhy = null;
    double bestScore = -1;
    for (int idx : candidates(f)) {
      Entry other = entries.get(idx);
      if (!other.alive || Duration.between(other.time, c.time()).abs().compareTo(window) > 0) continue;
      Verdict v = compare(f, other.features);
      if (!v.same()) continue;
      double score = v.rule().equals("same link") ? 2 : v.jaccard() + 0.05 * v.sharedEntities().size();
      if (score > bestScore) {
        best = other;
        bestWhy = v;
        bestScore = score;
      }
    }
    String cluster = best != null ? best.clusterId : ids.get();
    add(cluster, c.feedId(), f, c.time());
    return new Placement(cluster, best == null, bestWhy);
  }

  /** Adds an item already placed (start-up rebuild from the database). */
  public synchronized void load(String clusterId, long feedId, String link, String title, String summary, Instant time) {
    if (!enabled || clusterId == null) return;
    add(clusterId, feedId, new Features(link, title, summary), time);
  }

  /** Forgets items older than the cutoff; compacts the index when most of it is dead. */
  public synchronized void evictBefore(Instant cutoff) {
    for (Entry e : entries) {
      if (e.alive && e.time.isBefore(cutoff)) {
        e.alive = false;
        if (e.features.link != null) byLink.remove(e.features.link, e.index);
        for (String n : e.features.entityNames) entityDf.computeIfPresent(n, (k, v) -> v <= 1 ? null : v - 1);
        dead++;
      }
    }
    if (dead > 1000 && dead * 2 > entries.size()) rebuild();
  }

  public synchronized int size() {
    return entries.size() - dead;
  }

  private List<Integer> candidates(Features f) {
    Set<Integer> out = new HashSet<>();
    if (f.link != null) {
      Integer same = byLink.get(f.link);
      if (same != null) out.add(same);
    }
    for (long key : bandKeys(f)) buckets.forEach(key, out::add);
    return new ArrayList<>(out);
  }

  private void add(String cluster, long feedId, Features f, Instant time) {
    Entry e = new Entry(entries.size(), cluster, feedId, f, time);
    entries.add(e);
    for (String n : f.entityNames) entityDf.merge(n, 1, Integer::sum);
    index(e);
  }

  private void index(Entry e) {
    if (e.features.link != null) byLink.put(e.features.link, e.index);
    for (long key : bandKeys(e.features)) buckets.put(key, e.index);
  }

  private void rebuild() {
    List<Entry> live = entries.stream().filter(x -> x.alive).toList();
    entries.clear();
    byLink.clear();
    buckets = new LongMultiMap(live.size() * (BANDS + 8));
    dead = 0;
    entityDf.clear();
    for (Entry old : live) add(old.clusterId, old.feedId, old.features, old.time);
  }

  /** LSH band keys over content words, plus one key per pair of entities (two shared names make a candidate). */
  static long[] bandKeys(Features f) {
    int[] ent = f.entities;
    int pairs = Math.min(ent.length, 12);
    long[] keys = new long[(f.words.length == 0 ? 0 : BANDS) + pairs * (pairs - 1) / 2];
    int k = 0;
    if (f.words.length > 0) {
      long[] sig = signature(f.words);
      for (int b = 0; b < BANDS; b++) {
        long h = b * 0x9E3779B97F4A7C15L;
        for (int r = 0; r < ROWS; r++) h = mix64(h ^ sig[b * ROWS + r]);
        keys[k++] = h;
      }
    }
    for (int i = 0; i < pairs; i++) {
      for (int j = i + 1; j < pairs; j++) keys[k++] = mix64(0xE17L ^ ((long) ent[i] << 32) ^ (ent[j] & 0xffffffffL));
    }
    return keys;
  }

  static long[] signature(int[] words) {
    long[] sig = new long[HASHES];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (int w : words) {
      for (int i = 0; i < HASHES; i++) {
        long h = (w * SEEDS_A[i] + SEEDS_B[i]) >>> 1;
        if (h < sig[i]) sig[i] = h;
      }
    }
    return sig;
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static final class Entry {
    final int index;
    final String clusterId;
    final long feedId;
    final Features features;
    final Instant time;
    boolean alive = true;

    Entry(int index, String clusterId, long feedId, Features features, Instant time) {
      this.index = index;
      this.clusterId = clusterId;
      this.feedId = feedId;
      this.features = features;
      this.time = time;
    }
  }
}
