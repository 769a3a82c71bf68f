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
    OpsConfig ops,
    LoggingConfig logging) {

  public NewswireConfig {
    storage = storage == null ? StorageConfig.defaults() : storage;
    polling = polling == null ? PollingConfig.defaults() : polling;
    network = network == null ? NetworkConfig.defaults() : network;
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    topics = topics == null ? List.of() : List.copyOf(topics);
    secrets = secrets == null ? Secrets.none() : secrets;
    ops = ops == null ? OpsConfig.defaults() : ops;
    logging = logging == null ? LoggingConfig.defaults() : logging;
  }

  /** The configuration without the operations sections (they take their defaults). */
  public NewswireConfig(StorageConfig storage, PollingConfig polling, NetworkConfig network, List<FeedConfig> feeds,
      List<TopicConfig> topics, Secrets secrets) {
    this(storage, polling, network, feeds, topics, secrets, null, null);
  }

  public NewswireConfig withStorage(StorageConfig s) {
    return new NewswireConfig(s, polling, network, feeds, topics, secrets, ops, logging);
  }

  public NewswireConfig withOps(OpsConfig o) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, o, logging);
  }

  public NewswireConfig withSecrets(Secrets s) {
    return new NewswireConfig(storage, polling, network, feeds, topics, s, ops, logging);
  }
}
