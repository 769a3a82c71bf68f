package dev.newswire.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Progress of a long job (an OPML import, the first poll of many feeds) on the command line. With a terminal it
 * redraws one line with {@code \r}: {@code first poll [#######.............] 120/500 (24%)}. Without one (a service,
 * a pipe, a log file) it writes a whole line at most every {@code every} or each time another 10% is done, whichever
 * comes first, plus a last line when finished.
 *
 * <p>Thread-safe: workers may call {@link #advance()} concurrently.
 */
public final class ProgressReporter {
  static final int BAR_WIDTH = 24;

  private final Consumer<String> sink;
  private final boolean terminal;
  private final String label;
  private final int total;
  private final LongSupplier nanos;
  private final long everyNanos;
  private final long startNanos;
  private int done;
  private String lastDrawn = "";
  private long lastLineNanos;
  private int lastLinePercent;
  private boolean finished;

  /**
   * @param sink     receives raw text: in terminal mode {@code "\r..."} redraws (and a final {@code "\n"}), otherwise
   *                 whole lines without a line break (log lines)
   * @param terminal true to draw a bar, false for periodic lines
   * @param nanos    a monotonic clock in nanoseconds (tests pass a fake one)
   * @param every    the longest time between two lines in line mode
   */
  public ProgressReporter(Consumer<String> sink, boolean terminal, String label, int total, LongSupplier nanos,
      Duration every) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.terminal = terminal;
    this.label = label;
    this.total = Math.max(0, total);
    this.nanos = nanos;
    this.everyNanos = every.toNanos();
    this.startNanos = nanos.getAsLong();
    this.lastLineNanos = startNanos;
  }

  /** True when a person is watching: a console is attached and TERM is not "dumb". */
  public static boolean terminalAttached() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /** On {@code err}: a bar when a terminal is attached, otherwise a line every 10 seconds or 10%. */
  public static ProgressReporter onStream(PrintStream err, String label, int total) {
    boolean tty = terminalAttached();
    return new ProgressReporter(s -> {
      if (tty) err.print(s);
      else err.println(s);
      err.flush();
    }, tty, label, total, System::nanoTime, Duration.ofSeconds(10));
  }

  /**
   * For the bot: a bar on {@code err} when a terminal is attached, otherwise INFO lines through {@code log} every
   * 30 seconds or 10%, so a service's log shows how far the first poll is.
   */
  public static ProgressReporter forBot(Logger log, PrintStream err, String label, int total) {
    if (terminalAttached()) return onStream(err, label, total);
    return new ProgressReporter(log::info, false, label, total, System::nanoTime, Duration.ofSeconds(30));
  }

  public int total() {
    return total;
  }

  /** One more item done. */
  public synchronized void advance() {
    update(done + 1);
  }

  /** {@code n} items done in all. */
  public synchronized void update(int n) {
    if (finished) return;
    done = Math.max(0, Math.min(n, total));
    if (terminal) {
      String line = bar();
      if (!line.equals(lastDrawn)) {
        lastDrawn = line;
        sink.accept("\r" + line);
      }
      if (done == total) finish();
      return;
    }
    if (done == total) {
      finish();
      return;
    }
    long now = nanos.getAsLong();
    int percent = percent();
    if (now - lastLineNanos >= everyNanos || percent / 10 > lastLinePercent / 10) {
      lastLineNanos = now;
      lastLinePercent = percent;
      sink.accept(label + ": " + done + "/" + total + " (" + percent + "%)");
    }
  }

  /** Ends the report (also when stopped early): the bar gets its line break, line mode a last line. */
  public synchronized void finish() {
    if (finished) return;
    finished = true;
    long seconds = Math.max(0, (nanos.getAsLong() - startNanos) / 1_000_000_000L);
    if (terminal) {
      sink.accept("\r" + bar() + " in " + seconds + " s\n");
    } else {
      sink.accept(label + ": " + done + "/" + total + " (" + percent() + "%), " + (done == total ? "done" : "stopped")
          + " in " + seconds + " s");
    }
  }

  private int percent() {
    return total == 0 ? 100 : (int) (100L * done / total);
  }

  String bar() {
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
    return String.format(Locale.ROOT, "%s [%s%s] %d/%d (%d%%)", label, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
        done, total, percent());
  }
}
