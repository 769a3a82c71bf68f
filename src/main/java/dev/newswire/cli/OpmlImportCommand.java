package dev.newswire.cli;

import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.Feed;
import dev.newswire.ops.Opml;
import dev.newswire.ops.OpmlImport;
import dev.newswire.ops.ProgressReporter;
import dev.newswire.store.NewFeed;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Adds the feeds of an OPML file (Feedly, Inoreader, NetNewsWire, Miniflux, ... exports).",
        "Folders become categories. Feeds already stored and repeats within the file are skipped and reported.",
        "Any invalid URL stops the import: nothing is written, and every problem is listed with its line.",
        "Exit status: 0 imported (or nothing to do), 2 problems found or the file cannot be read."})
public final class OpmlImportCommand implements Callable<Integer> {
  static final String ORIGIN = "opml";
  /** Imports of at least this many feeds show progress (a bar on a terminal, else periodic lines). */
  static final int PROGRESS_MIN = 100;

  @Parameters(index = "0", paramLabel = "FILE.opml", description = "The OPML file")
  Path file;

  @Option(names = "--dry-run", description = "Report what would be imported; write nothing.")
  boolean dryRun;

  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $NEWSWIRE_CONFIG or config/newswire.yaml)")
  Path config;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<Opml.Entry> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = Opml.read(in);
    } catch (NoSuchFileException e) {
      err.println("newswire: " + file + " does not exist");
      return 2;
    } catch (IOException e) {
      err.println("newswire: cannot read " + file + ": " + e.getMessage());
      return 2;
    } catch (Opml.OpmlException e) {
      err.println(file + ": " + e.getMessage());
      return 2;
    }
    NewswireConfig cfg;
    try {
      ConfigLoader loader = ConfigLoader.fromSystem();
      cfg = loader.load(loader.choosePath(config));
    } catch (ConfigException e) {
      err.println("newswire: " + e.getMessage());
      return 2;
    }
    try (Database db = Database.open(cfg.storage(), cfg.secrets().dbPassword())) {
      JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
      List<String> stored = feeds.all().stream().map(Feed::url).toList();
      int total = entries.size();
      ProgressReporter checking = total >= PROGRESS_MIN * 10 ? ProgressReporter.onStream(err, "checking", total) : null;
      OpmlImport.Plan plan = OpmlImport.plan(entries, stored, n -> {
        if (checking != null) checking.update(n);
      });
      if (checking != null) checking.update(total);
      for (OpmlImport.Note n : plan.duplicates()) err.println(file + ":" + n);
      if (!plan.ok()) {
        for (OpmlImport.Note n : plan.problems()) err.println(file + ":" + n);
        err.println("Nothing imported: " + plan.problems().size() + " problem" + (plan.problems().size() == 1 ? "" : "s")
            + " in " + file + ". Fix or remove those outlines and run again.");
        return 2;
      }
      if (dryRun) {
        for (NewFeed f : plan.toAdd()) {
          out.println("would add: " + f.url() + "  " + f.name() + (f.category() == null ? "" : "  [" + f.category() + "]"));
        }
        out.println("Dry run: would import " + plan.toAdd().size() + " feeds, skip " + plan.duplicates().size()
            + " duplicates. Nothing was written.");
        return 0;
      }
      ProgressReporter importing = plan.toAdd().size() >= PROGRESS_MIN
          ? ProgressReporter.onStream(err, "importing (one transaction)", plan.toAdd().size()) : null;
      int added;
      try {
        added = plan.toAdd().isEmpty() ? 0 : feeds.addAll(plan.toAdd(), ORIGIN, n -> {
          if (importing != null) importing.update(n);
        });
      } finally {
        if (importing != null) importing.finish();
      }
      out.println("Imported " + added + " feeds from " + file + ", skipped " + plan.duplicates().size()
          + " duplicates. They are polled from the next start of `newswire run`; the first poll of each is a silent"
          + " baseline.");
      return 0;
    } catch (StorageException e) {
      err.println("newswire: " + e.getMessage() + " Nothing was imported.");
      return 2;
    }
  }
}
