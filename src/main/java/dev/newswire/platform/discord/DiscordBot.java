package dev.newswire.platform.discord;

import dev.newswire.config.DiscordConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one gateway connection. Only the GUILDS intent (not privileged): it fills the guild and channel cache
 * that posting by channel id needs, and slash commands need no intent at all.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  /** View Channel, Send Messages, Embed Links, Create Public Threads, Use Application Commands. */
  public static final EnumSet<Permission> INVITE_PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL,
      Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS, Permission.CREATE_PUBLIC_THREADS,
      Permission.USE_APPLICATION_COMMANDS);

  private final JDA jda;

  private DiscordBot(JDA jda) {
    this.jda = jda;
  }

  /**
   * Logs in and waits until the guild cache is loaded.
   *
   * @param listeners JDA event listeners (e.g. {@link DiscordCommands}); added before login so none misses READY
   * @throws IllegalStateException with a readable reason when the token is refused or the gateway is not ready in time
   */
  public static DiscordBot start(String token, DiscordConfig config, Duration readyTimeout, Object... listeners)
      throws InterruptedException {
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("DISCORD_TOKEN is not set.");
    }
    // Feed text must never ping anyone, whatever a request forgets to say.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);

    String gateway = config.gatewayUrl();
    JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class)) // JDA always sends GUILDS (intents=1)
        .setRestConfig(new RestConfig().setBaseUrl(config.apiBaseUrl()))
        .addEventListeners(listeners);
    if (!config.defaultGateway()) {
      builder.setSessionController(new SessionControllerAdapter() {
        @Override
        public String getGateway() {
          return gateway;
        }
      });
      builder.setCompression(Compression.NONE);
    }
    JDA jda;
    try {
      jda = builder.build();
    } catch (RuntimeException e) {
      // InvalidTokenException and friends; their messages never contain the token.
      throw new IllegalStateException("Discord refused to log in: " + e.getMessage()
          + ". Check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token).", e);
    }
    CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
      try {
        jda.awaitReady();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
    try {
      ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      jda.shutdownNow();
      throw new IllegalStateException("Discord gateway " + gateway + " did not become ready within " + readyTimeout
          + " (status " + jda.getStatus() + "). Check the network, or discord.gatewayUrl / discord.apiBaseUrl.");
    } catch (ExecutionException e) {
      jda.shutdownNow();
      Throwable cause = e.getCause() instanceof IllegalStateException && e.getCause().getCause() != null
          ? e.getCause().getCause() : e.getCause();
      throw new IllegalStateException("Discord login failed: " + cause.getMessage()
          + ". Check DISCORD_TOKEN and that the bot is not disabled.", cause);
    }
    DiscordBot bot = new DiscordBot(jda);
    String appId = jda.getSelfUser().getApplicationId();
    log.info("Discord: logged in as {} (application {}), in {} server(s).", jda.getSelfUser().getName(), appId,
        jda.getGuilds().size());
    if (jda.getGuilds().isEmpty()) {
      log.warn("Discord: the bot is in no server yet. Invite it with {}", inviteUrl(appId));
    }
    return bot;
  }

  public JDA jda() {
    return jda;
  }

  /** The OAuth2 URL that adds the bot with exactly the permissions it uses. */
  public static String inviteUrl(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id=" + applicationId
        + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(INVITE_PERMISSIONS);
  }

  @Override
  public void close() {
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      jda.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
