package dev.newswire.platform.slack;

import com.slack.api.Slack;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.Secrets;
import dev.newswire.config.SlackSettings;
import dev.newswire.delivery.ChatPlatform;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Slack for the composition root: one {@link Slack} client, the {@link SlackPlatform} that posts and,
 * when the tokens allow it, the {@link SlackBot} that answers commands (Socket Mode when slack.socketMode is true
 * and SLACK_APP_TOKEN is set, otherwise HTTP mode when SLACK_SIGNING_SECRET is set, otherwise posting only).
 */
public final class SlackRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackRuntime.class);

  /** No commands yet: every command answers with the generated "not available" usage. */
  public static final CommandHandler NO_COMMANDS = new CommandHandler() {
    @Override
    public List<CommandSpec> specs() {
      return List.of();
    }

    @Override
    public Reply handle(String group, String path, Invocation invocation) {
      return new Reply.Error("No /" + group + " commands are available in this version.");
    }
  };

  enum Mode { HTTP, SOCKET, POST_ONLY }

  private final Slack slack;
  private final SlackPlatform platform;
  private final SlackBot bot;
  private final Mode mode;
  private final SlackSettings settings;

  private SlackRuntime(Slack slack, SlackPlatform platform, SlackBot bot, Mode mode, SlackSettings settings) {
    this.slack = slack;
    this.platform = platform;
    this.bot = bot;
    this.mode = mode;
    this.settings = settings;
  }

  /** Empty when SLACK_BOT_TOKEN is unset. Nothing is started yet: see {@link #start()}. */
  public static Optional<SlackRuntime> fromConfig(NewswireConfig config, CommandHandler commands, Clock clock) {
    Secrets s = config.secrets();
    if (!s.hasSlack()) {
      return Optional.empty();
    }
    SlackSettings settings = config.slack();
    Mode mode;
    if (settings.socketMode() && s.slackAppToken() != null) {
      mode = Mode.SOCKET;
    } else if (s.slackSigningSecret() != null) {
      if (settings.socketMode()) {
        log.warn("slack.socketMode is true but SLACK_APP_TOKEN is unset: using HTTP mode on port {}", settings.port());
      }
      mode = Mode.HTTP;
    } else {
      log.warn("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN with"
          + " slack.socketMode: true (Socket Mode): Newswire will post to Slack but not answer commands.");
      mode = Mode.POST_ONLY;
    }
    Slack slack = SlackClients.create(settings);
    // -Dnewswire.slack.spacingMs: per-channel spacing (default 1000, Slack's limit); lower only against a fake Slack.
    long spacing = Long.getLong("newswire.slack.spacingMs", 1000L);
    SlackPlatform platform = spacing == 1000L ? new SlackPlatform(slack, s.slackBotToken())
        : new SlackPlatform(slack, s.slackBotToken(), java.time.Duration.ofMillis(spacing), java.time.Duration.ofMillis(1500),
            System::nanoTime);
    SlackBot bot = mode == Mode.POST_ONLY ? null
        : new SlackBot(slack, s.slackBotToken(), s.slackSigningSecret(), s.slackAppToken(), commands, clock);
    return Optional.of(new SlackRuntime(slack, platform, bot, mode, settings));
  }

  Mode mode() {
    return mode;
  }

  public ChatPlatform platform() {
    return platform;
  }

  /** Starts answering commands (HTTP server or Socket Mode connection). */
  public void start() throws Exception {
    switch (mode) {
      case HTTP -> bot.startHttp(settings.port());
      case SOCKET -> bot.startSocketMode();
      case POST_ONLY -> { }
    }
  }

  @Override
  public void close() {
    if (bot != null) {
      bot.close();
    }
    try {
      slack.close();
    } catch (Exception e) {
      log.debug("Closing the Slack client failed", e);
    }
  }
}
