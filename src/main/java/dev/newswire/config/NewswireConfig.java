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
    SlackSettings slack,
    OpsConfig ops,
    LoggingConfig logging,
    DiscordConfig discord,
    List<String> admins,
    CommandsConfig commands,
    List<SubscriptionConfig> subscriptions,
    ClusteringConfig clustering,
    ClusterConfig cluster) {

  public NewswireConfig {
    storage = storage == null ? StorageConfig.defaults() : storage;
    polling = polling == null ? PollingConfig.defaults() : polling;
    network = network == null ? NetworkConfig.defaults() : network;
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    topics = topics == null ? List.of() : List.copyOf(topics);
    secrets = secrets == null ? Secrets.none() : secrets;
    enrich = enrich == null ? EnrichConfig.defaults() : enrich;
    slack = slack == null ? SlackSettings.defaults() : slack;
    ops = ops == null ? OpsConfig.defaults() : ops;
    logging = logging == null ? LoggingConfig.defaults() : logging;
    discord = discord == null ? DiscordConfig.defaults() : discord;
    admins = admins == null ? List.of() : List.copyOf(admins);
    commands = commands == null ? CommandsConfig.defaults() : commands;
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    clustering = clustering == null ? ClusteringConfig.defaults() : clustering;
    cluster = cluster == null ? ClusterConfig.defaults() : cluster;
  }

  /** The core sections only; every other section takes its default. */
  public NewswireConfig(StorageConfig storage, PollingConfig polling, NetworkConfig network, List<FeedConfig> feeds,
      List<TopicConfig> topics, Secrets secrets) {
    this(storage, polling, network, feeds, topics, secrets, null, null, null, null, null, null, null, null, null, null);
  }

  /** Every section at its default: what an empty config file gives. */
  public static NewswireConfig defaults() {
    return new NewswireConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public NewswireConfig withStorage(StorageConfig value) {
    return new NewswireConfig(value, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withPolling(PollingConfig value) {
    return new NewswireConfig(storage, value, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withNetwork(NetworkConfig value) {
    return new NewswireConfig(storage, polling, value, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withFeeds(List<FeedConfig> value) {
    return new NewswireConfig(storage, polling, network, value, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withTopics(List<TopicConfig> value) {
    return new NewswireConfig(storage, polling, network, feeds, value, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withSecrets(Secrets value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, value, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withEnrich(EnrichConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, value, slack, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withSlack(SlackSettings value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, value, ops, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withOps(OpsConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, value, logging, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withLogging(LoggingConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, value, discord, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withDiscord(DiscordConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, value, admins, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withAdmins(List<String> value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, value, commands, subscriptions, clustering, cluster);
  }

  public NewswireConfig withCommands(CommandsConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, value, subscriptions, clustering, cluster);
  }

  public NewswireConfig withSubscriptions(List<SubscriptionConfig> value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, value, clustering, cluster);
  }

  public NewswireConfig withClustering(ClusteringConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, value, cluster);
  }

  public NewswireConfig withCluster(ClusterConfig value) {
    return new NewswireConfig(storage, polling, network, feeds, topics, secrets, enrich, slack, ops, logging, discord, admins, commands, subscriptions, clustering, value);
  }
}
