package dev.newswire.config;

import java.util.List;

/**
 * Discord settings (the token itself comes only from the DISCORD_TOKEN environment variable).
 *
 * @param apiBaseUrl     REST base, default {@value #DEFAULT_API_BASE_URL}; tests point it at a local fake
 * @param gatewayUrl     gateway WebSocket, default {@value #DEFAULT_GATEWAY_URL}; compression is turned off for any
 *                       other value so a plain local fake can speak to the bot
 * @param globalCommands also register the slash commands globally (can take up to an hour to show); default false:
 *                       commands are registered per guild, which applies at once
 * @param guilds         guild ids to register commands in; empty (default) means every guild the bot is in
 */
public record DiscordConfig(String apiBaseUrl, String gatewayUrl, Boolean globalCommands, List<String> guilds) {
  public static final String DEFAULT_API_BASE_URL = "https://discord.com/api/v10/";
  public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";

  public DiscordConfig {
    apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL : apiBaseUrl.strip();
    gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? DEFAULT_GATEWAY_URL : gatewayUrl.strip();
    globalCommands = globalCommands != null && globalCommands;
    guilds = guilds == null ? List.of() : List.copyOf(guilds);
    if (!apiBaseUrl.startsWith("http://") && !apiBaseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("discord.apiBaseUrl must start with http:// or https://, got " + apiBaseUrl);
    }
    if (!gatewayUrl.startsWith("ws://") && !gatewayUrl.startsWith("wss://")) {
      throw new IllegalArgumentException("discord.gatewayUrl must start with ws:// or wss://, got " + gatewayUrl);
    }
    for (String g : guilds) {
      if (g == null || !g.matches("\\d{1,20}")) {
        throw new IllegalArgumentException("discord.guilds must be numeric guild ids, got " + g);
      }
    }
  }

  public static DiscordConfig defaults() {
    return new DiscordConfig(null, null, null, null);
  }

  /** True when the gateway is Discord's own (then JDA's default zlib compression is kept). */
  public boolean defaultGateway() {
    return DEFAULT_GATEWAY_URL.equals(gatewayUrl);
  }
}
