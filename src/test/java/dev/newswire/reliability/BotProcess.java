package dev.newswire.reliability;

import dev.newswire.App;
import dev.newswire.config.ClusterConfig;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.OpsConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.config.Secrets;
import dev.newswire.config.SlackSettings;
import dev.newswire.config.StorageConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole bot in a child JVM, so tests can SIGKILL it: the real App (Flyway, Quartz, dispatcher, SlackPlatform) with
 * its database and Slack pointed at what the parent test runs. Arguments: jdbcUrl dbUser slackApiPrefix
 * claimLeaseMillis clusterEnabled feedsFile(one URL a line, or "-") pollSeconds [name: sent in the feed requests'
 * User-Agent as "newswire-test-NAME", so a feed server can tell instances apart].
 */
public final class BotProcess {
  /** The child's Slack read timeout; FakeSlack's timeout faults hold their answer longer than this. */
  static final int SLACK_TIMEOUT_MS = 2000;

  private BotProcess() {}

  public static void main(String[] args) throws Exception {
    List<FeedConfig> feeds = new ArrayList<>();
    if (!"-".equals(args[5])) {
      for (String url : Files.readAllLines(Path.of(args[5]))) {
        if (!url.isBlank()) feeds.add(new FeedConfig(url.trim(), url.trim(), null, true));
      }
    }
    NewswireConfig config = NewswireConfig.defaults()
        .withStorage(new StorageConfig(args[0], args[1], 6))
        .withSecrets(new Secrets(null, "xoxb-fake-token", null, null, System.getenv("NEWSWIRE_DB_PASSWORD"), null))
        .withSlack(new SlackSettings(args[2], 0, false))
        .withOps(new OpsConfig(0, "127.0.0.1", false))
        .withNetwork(new NetworkConfig(true, null, null, null, null, args.length > 7 ? userAgent(args[7]) : null))
        .withPolling(new PollingConfig(Duration.ofSeconds(Long.parseLong(args[6])), 4, 100, null, null))
        .withFeeds(feeds)
        .withCluster(new ClusterConfig(Boolean.parseBoolean(args[4]), null, Duration.ofMillis(Long.parseLong(args[3]))));
    App app = new App(config, new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true), true,
        Clock.systemUTC());
    app.start();
    System.out.println("BOT STARTED");
    Thread.sleep(Long.MAX_VALUE);
  }

  static String userAgent(String name) {
    return "newswire-test-" + name;
  }

  /** Starts one in a child JVM with the test's classpath; output goes to {@code log}. */
  static Process launch(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Dnewswire.slack.spacingMs=0");
    cmd.add("-Dnewswire.slack.timeoutMs=" + SLACK_TIMEOUT_MS);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BotProcess.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  static Path logFile(String name) throws IOException {
    Path dir = Path.of("target", "bot-processes");
    Files.createDirectories(dir);
    Path f = dir.resolve(name + ".log");
    Files.deleteIfExists(f);
    return f;
  }

  static String classpathSeparator() {
    return File.pathSeparator;
  }
}
