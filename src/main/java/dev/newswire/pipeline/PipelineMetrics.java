package dev.newswire.pipeline;

import java.time.Duration;

/**
 * What the core reports for monitoring. The core knows only this interface; the Micrometer implementation lives in
 * dev.newswire.ops, so no core class depends on a metrics library.
 */
public interface PipelineMetrics {

  /**
   * One poll of one feed ended.
   *
   * @param fetchTime how long the HTTP fetch took, or null when no fetch was made (paused, disabled, backing off)
   */
  void pollFinished(PollOutcome outcome, Duration fetchTime);

  /** @param result "sent", "retried" or "failed" */
  void delivery(String platform, String result);

  /**
   * A chat command was invoked.
   *
   * @param name    "news latest", "news-admin mention add"; "unknown" for commands that do not exist, so what users
   *                mistype cannot grow the number of series
   * @param outcome "ok", "error" (bad input, refused by the command), "denied" (not an admin), "rate_limited",
   *                "unknown" or "crashed"
   */
  void command(String name, String outcome);

  PipelineMetrics NOOP = new PipelineMetrics() {
    @Override
    public void pollFinished(PollOutcome outcome, Duration fetchTime) {}

    @Override
    public void delivery(String platform, String result) {}

    @Override
    public void command(String name, String outcome) {}
  };
}
