package dev.newswire.command;

/** One command, defined once for every platform. */
public interface BotCommand {
  CommandSpec spec();

  /** Must not throw for anything a user can type: bad input is a {@link Reply.Error}. */
  Reply handle(Invocation invocation);

  /** Suggestions for an autocomplete option; empty by default. */
  default java.util.List<String> complete(String option, String partial) {
    return java.util.List.of();
  }
}
