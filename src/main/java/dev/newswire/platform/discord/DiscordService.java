package dev.newswire.platform.discord;

import dev.newswire.config.DiscordConfig;
import dev.newswire.delivery.DiscordRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Everything Discord in one handle for the composition root: the bot, the platform, and the slash commands. */
public final class DiscordService implements AutoCloseable {
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration POST_TIMEOUT = Duration.ofSeconds(30);

  private final DiscordBot bot;
  private final DiscordPlatform platform;
  private final DiscordCommands commands;

  private DiscordService(DiscordBot bot, DiscordPlatform platform, DiscordCommands commands) {
    this.bot = bot;
    this.platform = platform;
    this.commands = commands;
  }

  /**
   * Logs in, then registers slash commands when a handler is given (null: post only).
   *
   * @param hashFile where the last pushed command definitions are remembered; null keeps them in memory
   */
  public static DiscordService start(String token, DiscordConfig config, CommandHandler handler, Path hashFile,
      Clock clock) throws InterruptedException {
    return start(token, config, handler, hashFile, clock, channel -> false);
  }

  /** @param threadPerStory channels where each posted story gets a discussion thread */
  public static DiscordService start(String token, DiscordConfig config, CommandHandler handler, Path hashFile,
      Clock clock, java.util.function.Predicate<dev.newswire.news.ChannelRef> threadPerStory)
      throws InterruptedException {
    DiscordRenderer renderer = new DiscordRenderer();
    DiscordCommands commands = handler == null ? null
        : new DiscordCommands(handler, renderer, config.globalCommands(), config.guilds(), hashFile, clock);
    DiscordBot bot = commands == null ? DiscordBot.start(token, config, READY_TIMEOUT)
        : DiscordBot.start(token, config, READY_TIMEOUT, commands);
    if (commands != null) commands.register(bot.jda());
    return new DiscordService(bot, new DiscordPlatform(bot.jda(), renderer, POST_TIMEOUT, threadPerStory), commands);
  }

  public DiscordPlatform platform() {
    return platform;
  }

  public DiscordBot bot() {
    return bot;
  }

  /** For /readyz: the gateway session is up. */
  public boolean connected() {
    return bot.jda().getStatus() == net.dv8tion.jda.api.JDA.Status.CONNECTED;
  }

  @Override
  public void close() {
    bot.close();
    if (commands != null) commands.close();
  }
}
