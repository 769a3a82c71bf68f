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
    EnrichConfig enrich,
    SlackSettings slack) {

  public NewswireConfig {
    storage = storage == null ? StorageConfig.defaults() : storage;
    polling = polling == null ? PollingConfig.defaults() : polling;
    network = network == null ? NetworkConfig.defaults() : network;
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    topics = topics == null ? List.of() : List.copyOf(topics);
    secrets = secrets == null ? Secrets.none() : secrets;
    enrich = enrich == null ? EnrichConfig.defaults() : enrich;
    slack = slack == null ? SlackSettings.defaults() : slack;
  }

  /** Every section at its default: what an empty config file gives. */
  public static NewswireConfig defaults() {
    return new NewswireConfig(null, null, null, null, null, null, null, null);
  }

  public NewswireConfig withPolling(PollingConfig p) {
    return new NewswireConfig(storage, p, network, feeds, topics, secrets, enrich, slack);
  }

  public NewswireConfig withNetwork(NetworkConfig n) {
    return new NewswireConfig(storage, polling, n, feeds, topics, secrets, enrich, slack);
  }

  public NewswireConfig withFeeds(List<FeedConfig> f) {
    return new NewswireConfig(storage, polling, network, f, topics, secrets, enrich, slack);
  }

  public NewswireConfig withStorage(StorageConfig s) {
    return new NewswireConfig(s, polling, network, feeds, topics, secrets, enrich, slack);
  }

  public NewswireConfig withSecrets(Secrets s) {
    return new NewswireConfig(storage, polling, network, feeds, topics, s, enrich, slack);
  }
}
