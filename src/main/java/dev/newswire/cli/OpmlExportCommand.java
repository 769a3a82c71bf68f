package dev.newswire.cli;

import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import dev.newswire.ops.Opml;
import dev.newswire.store.CategorizedFeed;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.StorageException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the enabled feeds as OPML 2.0 (categories as nested outlines) to FILE, or to stdout."})
public final class OpmlExportCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write (default: stdout)")
  Path file;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $NEWSWIRE_CONFIG or config/newswire.yaml)")
  Path config;

  @Override
  public Integer call() {
    NewswireConfig cfg;
    try {
      ConfigLoader loader = ConfigLoader.fromSystem();
      cfg = loader.load(loader.choosePath(config));
    } catch (ConfigException e) {
      System.err.println("newswire: " + e.getMessage());
      return 2;
    }
    List<CategorizedFeed> feeds;
    try (Database db = Database.open(cfg.storage(), cfg.secrets().dbPassword())) {
      feeds = new JdbcFeedStore(db, Clock.systemUTC()).allWithCategories().stream()
          .filter(cf -> cf.feed().enabled()).toList();
    } catch (StorageException e) {
      System.err.println("newswire: " + e.getMessage());
      return 2;
    }
    try {
      if (file == null) {
        Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        Opml.write(feeds, "Newswire feeds", w);
      } else {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          Opml.write(feeds, "Newswire feeds", w);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.println("Exported " + feeds.size() + " feeds to " + file);
      }
      return 0;
    } catch (IOException e) {
      System.err.println("newswire: cannot write " + (file == null ? "stdout" : file) + ": " + e.getMessage());
      return 2;
    }
  }
}
