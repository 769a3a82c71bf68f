package dev.newswire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `newswire feeds import|export`: moving subscription lists in and out as OPML. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
    description = "Import or export the feed list as OPML.",
    subcommands = {OpmlImportCommand.class, OpmlExportCommand.class})
public final class FeedsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: use 'feeds import FILE.opml' or 'feeds export [FILE]'");
  }
}
