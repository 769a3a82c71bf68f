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
    List<String> admins,
    CommandsConfig commands,
    List<SubscriptionConfig> subscriptions) {

  public NewswireConfig {
    storage = storage == null ? StorageConfig.defaults() : storage;
    polling = polling == null ? PollingConfig.defaults() : polling;
    network = network == null ? NetworkConfig.defaults() : network;
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    topics = topics == null ? List.of() : List.copyOf(topics);
    secrets = secrets == null ? Secrets.none() : secrets;
    admins = admins == null ? List.of() : List.copyOf(admins);
    commands = commands == null ? CommandsConfig.defaults() : commands;
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
  }

  /** The configuration before admins, commands and subscriptions existed: those take their defaults. */
  public NewswireConfig(StorageConfig storage, PollingConfig polling, NetworkConfig network, List<FeedConfig> feeds,
      List<TopicConfig> topics, Secrets secrets) {
    this(storage, polling, network, feeds, topics, secrets, null, null, null);
  }

  public NewswireConfig withStorage(StorageConfig s) {
    return new NewswireConfig(s, polling, network, feeds, topics, secrets, admins, commands, subscriptions);
  }

  public NewswireConfig withCommands(List<String> newAdmins, CommandsConfig newCommands,
      List<SubscriptionConfig> newSubscriptions) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, newAdmins, newCommands, newSubscriptions);
  }

  public NewswireConfig withSecrets(Secrets s) {
    return new NewswireConfig(storage, polling, network, feeds, topics, s, admins, commands, subscriptions);
  }
}
