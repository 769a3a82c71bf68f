package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.digest.DigestService;
import java.util.List;

/** /news-admin digest now: posts this channel's digest at once, with what came since the last one. */
public final class DigestNowCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "digest now",
      "Post this channel's digest now (stories since its last digest)", List.of(), true, true);
  /** Supplied late: the digest service needs the platforms, which need this command registered first. */
  private final java.util.function.Supplier<DigestService> digests;

  public DigestNowCommand(java.util.function.Supplier<DigestService> digests) {
    this.digests = digests;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    return new Reply.Text(digests.get().sendNow(inv.channel()).message(), true);
  }
}
