package dev.newswire.delivery;

import java.time.Duration;

/** What happened when a platform tried to post. */
public sealed interface DeliveryResult {

  /** Posted; messageId is the platform's id of the message (for edits and for de-duplication after a crash). */
  record Sent(String messageId) implements DeliveryResult {}

  /** Failed for now (rate limit, outage); try again after the given delay, or the dispatcher's backoff when null. */
  record RetryLater(String reason, Duration after) implements DeliveryResult {}

  /** Will never work as is (channel gone, no permission, invalid payload); reason is written for an admin. */
  record Failed(String reason) implements DeliveryResult {}
}
