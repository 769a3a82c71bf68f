package dev.newswire.config;

import java.util.List;

/** The whole validated configuration: the YAML file plus secrets from the environment. */
public record NewswireConfig(
    StorageConfig storage,
    PollingConfig polling,
    NetworkConfig network,
    List<FeedConfig> feeds,
    List<TopicConfig> topics,
    Secrets secrets,
    DiscordConfig discord) {

  public NewswireConfig {
    storage = storage == null ? StorageConfig.defaults() : storage;
    polling = polling == null ? PollingConfig.defaults() : polling;
    network = network == null ? NetworkConfig.defaults() : network;
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    topics = topics == null ? List.of() : List.copyOf(topics);
    secrets = secrets == null ? Secrets.none() : secrets;
    discord = discord == null ? DiscordConfig.defaults() : discord;
  }

  /** Without platform sections (their defaults apply). */
  public NewswireConfig(StorageConfig storage, PollingConfig polling, NetworkConfig network, List<FeedConfig> feeds,
      List<TopicConfig> topics, Secrets secrets) {
    this(storage, polling, network, feeds, topics, secrets, null);
  }

  public NewswireConfig withStorage(StorageConfig s) {
    return new NewswireConfig(s, polling, network, feeds, topics, secrets, discord);
  }

  public NewswireConfig withSecrets(Secrets s) {
    return new NewswireConfig(storage, polling, network, feeds, topics, s, discord);
  }
}
