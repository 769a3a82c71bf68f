package dev.newswire.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What scheduled digests need: when each subscription last had one, and the stories since. */
public interface DigestStore {

  Optional<Instant> lastDigestAt(long subscriptionId);

  void markDigested(Collection<Long> subscriptionIds, Instant at);

  /** Items announced as news (not baseline) first seen in (since, until], newest first, each with its story's coverage. */
  List<DigestCandidate> announcedBetween(Instant since, Instant until, int limit);
}
