package dev.newswire.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A housekeeping job (dispatch, retention) that must not run twice at once and must not kill its trigger. */
@DisallowConcurrentExecution
final class RunnableJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(RunnableJob.class);
  private final String name;
  private final Runnable work;

  RunnableJob(String name, Runnable work) {
    this.name = name;
    this.work = work;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.error("{} failed; it runs again at its next tick", name, e);
    }
  }
}
