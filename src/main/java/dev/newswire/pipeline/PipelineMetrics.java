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

  /** A chat command was invoked. */
  void command(String name);

  PipelineMetrics NOOP = new PipelineMetrics() {
    @Override
    public void pollFinished(PollOutcome outcome, Duration fetchTime) {}

    @Override
    public void delivery(String platform, String result) {}

    @Override
    public void command(String name) {}
  };
}
