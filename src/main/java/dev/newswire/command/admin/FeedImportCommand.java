package dev.newswire.command.admin;

import dev.newswire.command.Attachment;
import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.command.news.CommandContext;
import dev.newswire.news.Feed;
import dev.newswire.ops.Opml;
import dev.newswire.ops.OpmlImport;
import dev.newswire.pipeline.fetch.FetchRequest;
import dev.newswire.pipeline.fetch.FetchResult;
import dev.newswire.store.NewFeed;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /news-admin feed import &lt;file&gt; [dry-run]: adds the feeds of an OPML file with the same rules as
 * {@code newswire feeds import} ({@link OpmlImport}): folders become categories, duplicates are skipped and listed by
 * line, any invalid entry means nothing is imported, and the import is one transaction.
 *
 * <p>The file (a Discord attachment, or a link typed in Slack) is downloaded through the guarded fetcher: the same
 * address rules as feeds (no loopback or private addresses unless allowed), redirects checked hop by hop, and a
 * {@value #MAX_BYTES}-byte cap.
 */
public final class FeedImportCommand implements BotCommand {
  private static final Logger log = LoggerFactory.getLogger(FeedImportCommand.class);

  /** Largest OPML file accepted from chat: 1 MB is several thousand feeds. */
  public static final long MAX_BYTES = 1024 * 1024;
  /** Room for the answer: Discord's message limit is 2000 characters. */
  static final int MAX_REPLY = 1900;
  static final String ORIGIN = "opml";

  private final CommandContext ctx;
  private final CommandSpec spec = new CommandSpec(CommandSpec.ADMIN, "feed import",
      "Add the feeds of an OPML file (folders become categories)",
      List.of(OptionSpec.required("file", OptionType.ATTACHMENT, "the OPML file (Slack: a link to it)"),
          OptionSpec.optional("dry-run", OptionType.BOOLEAN, "only report what would be imported")), true, true);

  public FeedImportCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(Invocation inv) {
    Object raw = inv.options().get("file");
    Attachment file = raw instanceof Attachment a ? a : Attachment.link(raw == null ? "" : raw.toString());
    boolean dryRun = Boolean.TRUE.equals(inv.options().get("dry-run"));
    String name = file.filename();
    URI uri;
    try {
      uri = new URI(file.url());
    } catch (Exception e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
      return new Reply.Error("'" + file.url() + "' is not an http(s) link to a file. Attach the OPML file, or on Slack"
          + " give a link to it. Usage: `" + spec.usage() + "`");
    }
    if (file.size() > MAX_BYTES) {
      return new Reply.Error(name + " is " + size(file.size()) + "; OPML files up to " + size(MAX_BYTES)
          + " are accepted. Split it, or use `newswire feeds import` on the server.");
    }
    FetchResult fetched = ctx.probe().fetcher().fetch(FetchRequest.download(uri, file.headers(), MAX_BYTES));
    if (fetched.failed() || fetched.body() == null) {
      return new Reply.Error("Cannot download " + name + ": "
          + (fetched.error() == null ? "nothing came back." : fetched.error()));
    }
    List<Opml.Entry> entries;
    try {
      entries = Opml.read(new ByteArrayInputStream(fetched.body()));
    } catch (Opml.OpmlException e) {
      return new Reply.Error(name + " is not an OPML file we can read: " + e.getMessage()
          + ". Export your subscriptions as OPML from your feed reader and attach that file.");
    }
    if (entries.isEmpty()) {
      return new Reply.Error(name + " lists no feeds (no <outline> with an xmlUrl). Nothing imported.");
    }
    List<String> stored = ctx.feeds().all().stream().map(Feed::url).toList();
    OpmlImport.Plan plan = OpmlImport.plan(entries, stored, n -> { });
    if (!plan.ok()) {
      int n = plan.problems().size();
      StringBuilder sb = new StringBuilder("**Nothing imported**: " + n + " problem" + (n == 1 ? "" : "s") + " in "
          + name + ". Fix or remove those outlines and try again.");
      notes(sb, plan.problems(), plan.duplicates());
      return new Reply.Error(sb.toString());
    }
    String categories = categories(plan.toAdd());
    if (dryRun) {
      StringBuilder sb = new StringBuilder("**Dry run** of " + name + ": would import " + plan.toAdd().size() + " feed"
          + (plan.toAdd().size() == 1 ? "" : "s") + categories + ", skip " + plan.duplicates().size()
          + " duplicate" + (plan.duplicates().size() == 1 ? "" : "s") + ". Nothing was written.");
      notes(sb, List.of(), plan.duplicates());
      return new Reply.Text(sb.toString(), true);
    }
    int added;
    try {
      added = plan.toAdd().isEmpty() ? 0 : ctx.feeds().addAll(plan.toAdd(), ORIGIN);
    } catch (RuntimeException e) {
      log.error("OPML import of {} ({} feeds) failed", name, plan.toAdd().size(), e);
      return new Reply.Error("Nothing imported: storing the feeds failed (" + e.getMessage() + ").");
    }
    for (NewFeed f : plan.toAdd()) {
      ctx.feeds().findByUrl(f.url()).ifPresent(feed -> {
        try {
          ctx.schedule().feedAdded(feed);
        } catch (RuntimeException e) {
          log.warn("Could not schedule imported feed {}: {}", feed.url(), e.toString());
        }
      });
    }
    log.info("{} imported {} feeds from {} in chat ({} duplicates skipped)", inv.userId(), added, name,
        plan.duplicates().size());
    StringBuilder sb = new StringBuilder("Imported **" + added + "** feed" + (added == 1 ? "" : "s") + " from " + name
        + categories + ", skipped " + plan.duplicates().size() + " duplicate"
        + (plan.duplicates().size() == 1 ? "" : "s") + "."
        + (added > 0 ? " The first poll of each is a silent baseline; new stories after that are posted." : ""));
    notes(sb, List.of(), plan.duplicates());
    return new Reply.Text(sb.toString(), true);
  }

  /** Problems, then duplicates, one line each, cut with "… and N more" to fit one message. */
  static void notes(StringBuilder sb, List<OpmlImport.Note> problems, List<OpmlImport.Note> duplicates) {
    int total = problems.size() + duplicates.size();
    int shown = 0;
    for (List<OpmlImport.Note> list : List.of(problems, duplicates)) {
      for (OpmlImport.Note n : list) {
        String line = "\n• " + cut(n.toString(), 300);
        String more = "\n… and " + (total - shown) + " more";
        if (sb.length() + line.length() + more.length() + 20 > MAX_REPLY) {
          sb.append(more);
          return;
        }
        sb.append(line);
        shown++;
      }
    }
  }

  private static String categories(List<NewFeed> feeds) {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (NewFeed f : feeds) if (f.category() != null && !f.category().isBlank()) names.add(f.category());
    if (names.isEmpty()) return "";
    String list = String.join(", ", names.stream().limit(8).toList()) + (names.size() > 8 ? ", …" : "");
    return " in " + names.size() + " categor" + (names.size() == 1 ? "y" : "ies") + " (" + cut(list, 300) + ")";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String size(long bytes) {
    if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    if (bytes >= 1024) return (bytes / 1024) + " KB";
    return bytes + " bytes";
  }
}
