package dev.newswire.cli;

import dev.newswire.App;
import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import dev.newswire.ops.LoggingSetup;
import dev.newswire.store.jdbc.StorageException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the bot: poll feeds on schedule and post new stories.")
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $NEWSWIRE_CONFIG or config/newswire.yaml)")
  Path config;

  @Option(names = "--once", description = "Poll every enabled feed once, deliver what is due, and exit.")
  boolean once;

  @Option(names = "--json", description = "Console output as one JSON object per delivered card per line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NewswireConfig cfg;
    try {
      ConfigLoader loader = ConfigLoader.fromSystem();
      cfg = loader.load(loader.choosePath(config));
    } catch (ConfigException e) {
      System.err.println("newswire: " + e.getMessage());
      return 2;
    }
    LoggingSetup.apply(cfg.logging(), cfg.secrets());
    App app;
    try {
      app = new App(cfg, System.out, json, Clock.systemUTC());
    } catch (StorageException e) {
      System.err.println("newswire: " + e.getMessage());
      return 2;
    }
    if (once) {
      try (app) {
        app.runOnce();
      }
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "newswire-shutdown"));
    app.start();
    // The benchmark (bench, scenario 6) times start-up to this line.
    log.info("Newswire ready in {} ms since JVM start", ManagementFactory.getRuntimeMXBean().getUptime());
    stopped.await();
    return 0;
  }
}
