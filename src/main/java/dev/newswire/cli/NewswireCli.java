package dev.newswire.cli;

import dev.newswire.bench.BenchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. With no subcommand it runs the bot, as `run` would. */
@Command(
    name = "newswire",
    mixinStandardHelpOptions = true,
    version = "Newswire 0.1.0",
    description = "Posts AI news from RSS/Atom feeds to Discord, Slack, or the console.",
    subcommands = {RunCommand.class, PreviewCommand.class, FeedsCommand.class, BenchCommand.class})
public final class NewswireCli implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    return new RunCommand().call();
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new NewswireCli());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("newswire: " + ex.getMessage());
      return 1;
    });
    return cl.execute(args);
  }
}
