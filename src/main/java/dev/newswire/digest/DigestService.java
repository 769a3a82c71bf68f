package dev.newswire.digest;

import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Digest;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.news.SourceLink;
import dev.newswire.pipeline.card.StoryEnricher;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.store.DigestCandidate;
import dev.newswire.store.DigestStore;
import dev.newswire.store.StoredItem;
import dev.newswire.store.SubscriptionStore;
import dev.newswire.subscription.ChannelFilter;
import dev.newswire.subscription.ChannelFilters;
import dev.newswire.subscription.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends daily and weekly digests when they are due, and on demand. Subscriptions of one channel with the same
 * schedule are folded into one message; the stories are those first seen since that schedule's last digest, one
 * entry per story cluster, ranked by how many outlets covered the story, topic match, then recency. Each entry is
 * the story's first report with its other outlets ("covered by N sources").
 */
public final class DigestService {
  private static final Logger log = LoggerFactory.getLogger(DigestService.class);
  static final int MAX_STORIES = 10;
  private static final int CANDIDATES = 2_000;

  private final SubscriptionStore subscriptions;
  private final DigestStore store;
  private final Map<String, ChatPlatform> platforms;
  private final TopicClassifier classifier;
  private final StoryEnricher enricher;
  private final Clock clock;
  private final ChannelFilters filters = new ChannelFilters();

  public DigestService(SubscriptionStore subscriptions, DigestStore store, Map<String, ChatPlatform> platforms,
      TopicClassifier classifier, StoryEnricher enricher, Clock clock) {
    this.subscriptions = subscriptions;
    this.store = store;
    this.platforms = Map.copyOf(platforms);
    this.classifier = classifier;
    this.enricher = enricher;
    this.clock = clock;
  }

  /** One schedule of one channel: the subscriptions that share it. */
  record Group(ChannelRef channel, String mode, String time, String timezone, List<Subscription> members) {
    String key() {
      return channel + "|" + mode + "|" + time + "|" + timezone;
    }
  }

  /** Sends every digest that is due now. Returns how many were sent. Called every minute by the scheduler. */
  public synchronized int runDue() {
    Instant now = clock.instant();
    int sent = 0;
    for (Group g : groups()) {
      Instant last = lastDigest(g);
      Instant due = DigestSchedule.nextAfter(g.members().get(0), last);
      if (due.isAfter(now)) continue;
      DeliveryResult r = send(g, last, now, due);
      if (r instanceof DeliveryResult.Sent) sent++;
    }
    return sent;
  }

  /** /news-admin digest now: this channel's digest of everything since its last one (or the last day). */
  public synchronized DigestOutcome sendNow(ChannelRef channel) {
    Instant now = clock.instant();
    List<Group> mine = groups().stream().filter(g -> g.channel().equals(channel)).toList();
    if (mine.isEmpty()) {
      List<Subscription> any = subscriptions.forChannel(channel).stream().filter(s -> !s.paused()).toList();
      if (any.isEmpty()) return new DigestOutcome(0, "This channel has no subscriptions; add one with /news subscribe.");
      mine = List.of(new Group(channel, "daily", null, null, any));
    }
    int stories = 0;
    for (Group g : mine) {
      Instant last = g.members().stream().allMatch(s -> s.id() > 0) ? lastDigest(g) : now.minus(Duration.ofDays(1));
      Composed composed = composeWithTopics(g, last, now);
      List<Card> cards = composed.cards();
      if (cards.isEmpty()) continue;
      DeliveryResult r = deliver(g, new Digest("now|" + g.key() + "|" + now, heading(g, cards.size(), last), cards,
          composed.topicIds()));
      if (r instanceof DeliveryResult.Failed f) return new DigestOutcome(0, "The digest could not be posted: " + f.reason());
      if (r instanceof DeliveryResult.RetryLater rl) return new DigestOutcome(0, "The platform is busy (" + rl.reason() + "); try again in a minute.");
      stories += cards.size();
    }
    return stories == 0
        ? new DigestOutcome(0, "No new stories for this channel's subscriptions since the last digest.")
        : new DigestOutcome(stories, "Posted a digest of " + stories + " " + (stories == 1 ? "story" : "stories") + ".");
  }

  /** What digest now did, in words for the caller. */
  public record DigestOutcome(int stories, String message) {}

  private DeliveryResult send(Group g, Instant last, Instant now, Instant due) {
    Composed composed = composeWithTopics(g, last, now);
    List<Card> cards = composed.cards();
    DeliveryResult r = cards.isEmpty()
        ? new DeliveryResult.Sent("empty")
        : deliver(g, new Digest(g.key() + "|" + due, heading(g, cards.size(), last), cards, composed.topicIds()));
    if (r instanceof DeliveryResult.Sent || r instanceof DeliveryResult.Failed) {
      // Failed digests are not retried forever: the reason is logged and the next one comes at its time.
      store.markDigested(g.members().stream().map(Subscription::id).toList(), now);
    }
    if (r instanceof DeliveryResult.Failed f) log.warn("Digest for {} failed: {}", g.channel(), f.reason());
    else if (!cards.isEmpty()) log.info("Digest of {} stories sent to {}", cards.size(), g.channel());
    return r;
  }

  private DeliveryResult deliver(Group g, Digest digest) {
    ChatPlatform platform = platforms.get(g.channel().platform());
    if (platform == null) return new DeliveryResult.RetryLater(g.channel().platform() + " is not configured", null);
    try {
      return platform.deliverDigest(digest, g.channel());
    } catch (RuntimeException e) {
      return new DeliveryResult.RetryLater("unexpected error: " + e, null);
    }
  }

  /** The cards of a digest and each card's primary topic id ("" when none), in the same order. */
  record Composed(List<Card> cards, List<String> topicIds) {
    boolean isEmpty() {
      return cards.isEmpty();
    }
  }

  List<Card> compose(Group g, Instant since, Instant until) {
    return composeWithTopics(g, since, until).cards();
  }

  Composed composeWithTopics(Group g, Instant since, Instant until) {
    List<ChannelFilter> channelFilters = subscriptions.filters(g.channel());
    List<Ranked> ranked = new ArrayList<>();
    for (DigestCandidate c : store.announcedBetween(since, until, CANDIDATES)) {
      NewsItem item = c.story().item();
      NewsItem classified = item.withTopics(classifier.classify(item));
      int topicMatch = 0;
      boolean matches = false;
      for (Subscription s : g.members()) {
        switch (s.kind()) {
          case Subscription.ALL -> matches = true;
          case Subscription.FEED -> matches |= s.target().equals(c.story().feedUrl());
          default -> {
            if (classified.topics().contains(s.target())) {
              matches = true;
              topicMatch++;
            }
          }
        }
      }
      if (!matches || !filters.passes(classified, channelFilters)) continue;
      ranked.add(new Ranked(c, classified, topicMatch));
    }
    List<Entry> top = stories(ranked).stream().sorted(Entry.ORDER).limit(MAX_STORIES).toList();
    return new Composed(
        top.stream().map(this::card).toList(),
        top.stream().map(st -> st.shown().topics().isEmpty() ? "" : st.shown().topics().get(0)).toList());
  }

  private record Ranked(DigestCandidate candidate, NewsItem item, int topicMatch) {
    String storyKey() {
      // Unclustered items (clustering off, or stored before it) still fold by title, as before clustering.
      return candidate.coverage() != null ? "cluster:" + candidate.coverage().clusterId()
          : "title:" + dev.newswire.pipeline.identity.ItemKeys.normalisedTitle(item.title());
    }
  }

  /**
   * One digest entry: the matching items of one story, newest first.
   *
   * @param others the story's other outlets than the shown item's feed
   */
  private record Entry(List<Ranked> items, List<SourceLink> others) {
    /** Most outlets first (what many covered matters most), then topic match, then the most recent. */
    static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::sources).reversed()
        .thenComparing(Comparator.comparingInt(Entry::topicMatch).reversed())
        .thenComparing(Entry::latest, Comparator.reverseOrder());

    /** The first report: channels got it as a post, and the later outlets as "also covered by". */
    Ranked first() {
      return items.get(items.size() - 1);
    }

    NewsItem shown() {
      return first().item();
    }

    int sources() {
      return 1 + others.size();
    }

    int topicMatch() {
      return items.stream().mapToInt(Ranked::topicMatch).max().orElse(0);
    }

    Instant latest() {
      return items.get(0).candidate().story().firstSeenAt();
    }
  }

  private static List<Entry> stories(List<Ranked> ranked) {
    Map<String, List<Ranked>> byStory = new LinkedHashMap<>();
    for (Ranked r : ranked) byStory.computeIfAbsent(r.storyKey(), k -> new ArrayList<>()).add(r);
    List<Entry> out = new ArrayList<>();
    for (List<Ranked> items : byStory.values()) {
      Ranked first = items.get(items.size() - 1);
      long feedId = first.candidate().story().feedId();
      List<SourceLink> others;
      if (first.candidate().coverage() != null) {
        others = first.candidate().coverage().others(feedId);
      } else {
        // Title fallback: the other feeds among this window's items, one link each.
        Set<Long> feeds = new HashSet<>(Set.of(feedId));
        others = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0; i--) {
          StoredItem s = items.get(i).candidate().story();
          if (feeds.add(s.feedId())) others.add(new SourceLink(s.feedName(), s.item().link()));
        }
      }
      out.add(new Entry(items, others));
    }
    return out;
  }

  private Card card(Entry story) {
    Card card = enricher.enrich(story.shown(), story.first().candidate().story().feedName(), null);
    return story.others().isEmpty() ? card : card.withAlsoCoveredBy(story.others());
  }

  private Instant lastDigest(Group g) {
    Function<Subscription, Instant> last = s -> store.lastDigestAt(s.id()).orElse(s.createdAt());
    return g.members().stream().map(last).filter(Objects::nonNull).max(Instant::compareTo)
        .orElse(clock.instant().minus(Duration.ofDays(1)));
  }

  private List<Group> groups() {
    Map<String, Group> out = new LinkedHashMap<>();
    for (Subscription s : subscriptions.all()) {
      if (s.paused() || Subscription.INSTANT.equals(s.mode())) continue;
      Group probe = new Group(s.channel(), s.mode(), s.time(), s.timezone(), new ArrayList<>());
      out.computeIfAbsent(probe.key(), k -> probe).members().add(s);
    }
    return List.copyOf(out.values());
  }

  private static String heading(Group g, int count, Instant since) {
    String kind = "weekly".equals(g.mode()) ? "Weekly" : "Daily";
    return kind + " AI news digest: top " + count + " " + (count == 1 ? "story" : "stories") + " since "
        + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
            .format(since);
  }
}
