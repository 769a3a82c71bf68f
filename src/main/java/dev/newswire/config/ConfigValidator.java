package dev.newswire.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks what the YAML types cannot: ranges, URLs, duplicates. Reports every problem at once. */
final class ConfigValidator {
  private final String source;
  private final List<String> problems = new ArrayList<>();

  ConfigValidator(String source) {
    this.source = source;
  }

  void validate(NewswireConfig c) {
    PollingConfig p = c.polling();
    if (p.interval().compareTo(Duration.ofSeconds(10)) < 0) {
      problems.add("polling.interval: " + DurationText.format(p.interval()) + " is too short; use at least 10s (15m is polite to publishers)");
    }
    if (p.threads() < 1 || p.threads() > 256) problems.add("polling.threads: must be between 1 and 256");
    if (p.maxFailures() < 1) problems.add("polling.maxFailures: must be at least 1");
    if (p.retention().compareTo(Duration.ofDays(1)) < 0) problems.add("polling.retention: must be at least 1d");
    NetworkConfig n = c.network();
    SlackSettings slack = c.slack();
    if (slack.port() < 0 || slack.port() > 65535) problems.add("slack.port: must be between 0 and 65535");
    if (!slack.apiBaseUrl().startsWith("https://") && !slack.apiBaseUrl().startsWith("http://")) {
      problems.add("slack.apiBaseUrl: must be an http(s) URL such as " + SlackSettings.DEFAULT_API_BASE_URL);
    }
    if (n.maxBodyBytes() < 1024) problems.add("network.maxBodyBytes: must be at least 1KB");
    if (n.maxRedirects() < 0 || n.maxRedirects() > 20) problems.add("network.maxRedirects: must be between 0 and 20");
    if (!c.storage().url().startsWith("jdbc:h2:") && !c.storage().isPostgres()) {
      problems.add("storage.url: '" + c.storage().url() + "' is not supported; use jdbc:h2:file:./data/newswire or jdbc:postgresql://host:5432/db");
    }
    if (c.cluster().enabled() && !c.storage().isPostgres()) {
      problems.add("cluster.enabled: true needs PostgreSQL shared by every instance, but storage.url is '"
          + c.storage().url() + "'. Set storage.url to jdbc:postgresql://host:5432/db (password in NEWSWIRE_DB_PASSWORD)"
          + " or turn cluster.enabled off; an embedded H2 file cannot be shared.");
    }
    if (c.cluster().claimLease().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
      problems.add("cluster.claimLease: must be at least 1s");
    }
    if (c.ops().port() < 0 || c.ops().port() > 65535) problems.add("ops.port: must be between 0 and 65535");
    if (!c.logging().format().equals("text") && !c.logging().format().equals("json")) {
      problems.add("logging.format: '" + c.logging().format() + "' is not known; use text or json");
    }
    ClusteringConfig cl = c.clustering();
    if (cl.window().compareTo(Duration.ofMinutes(1)) < 0 || cl.window().compareTo(Duration.ofDays(30)) > 0) {
      problems.add("clustering.window: must be between 1m and 30d (48h is the default)");
    }
    if (cl.threshold() <= 0 || cl.threshold() > 1) problems.add("clustering.threshold: must be in (0, 1]; 0.5 is the default");
    if (cl.minEntityOverlap() < 1) problems.add("clustering.minEntityOverlap: must be at least 1 (2 is the default)");
    validateFeeds(c.feeds());
    validateTopics(c.topics());
    validateCommands(c);
    validateSubscriptions(c);
    if (!problems.isEmpty()) {
      throw new ConfigException(source + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
          + ":\n  - " + String.join("\n  - ", problems));
    }
  }

  private void validateFeeds(List<FeedConfig> feeds) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < feeds.size(); i++) {
      FeedConfig f = feeds.get(i);
      String key = "feeds[" + i + "]";
      if (f == null) {
        problems.add(key + ": empty entry; give it url and name");
        continue;
      }
      if (f.url() == null || f.url().isBlank()) {
        problems.add(key + ".url: missing; every feed needs the http(s) URL of its RSS/Atom document");
      } else {
        try {
          URI u = new URI(f.url().trim());
          String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
          if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            problems.add(key + ".url: '" + f.url() + "' is not an http(s) URL");
          } else if (!seen.add(f.url().trim())) {
            problems.add(key + ".url: '" + f.url() + "' is listed twice");
          }
        } catch (Exception e) {
          problems.add(key + ".url: '" + f.url() + "' is not a valid URL");
        }
      }
      if (f.name() == null || f.name().isBlank()) problems.add(key + ".name: missing; give the feed a display name");
      if (f.interval() != null && f.interval().compareTo(Duration.ofSeconds(10)) < 0) {
        problems.add(key + ".interval: must be at least 10s");
      }
    }
  }

  private void validateTopics(List<TopicConfig> topics) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < topics.size(); i++) {
      TopicConfig t = topics.get(i);
      String key = "topics[" + i + "]";
      if (t == null || t.id() == null || !t.id().matches("[a-z0-9][a-z0-9-]{0,31}")) {
        problems.add(key + ".id: must be lowercase letters, digits and dashes (e.g. llms)");
        continue;
      }
      if (!ids.add(t.id())) problems.add(key + ".id: '" + t.id() + "' is used twice");
      if (t.name() == null || t.name().isBlank()) problems.add(key + ".name: missing");
      if (t.keywords().isEmpty()) problems.add(key + ".keywords: give at least one keyword");
      if (t.color() != null && !t.color().matches("#[0-9A-Fa-f]{6}")) {
        problems.add(key + ".color: '" + t.color() + "' is not a colour like #1E88E5");
      }
    }
  }

  private void validateCommands(NewswireConfig c) {
    int limit = c.commands().rateLimitPerMinute();
    if (limit < 1 || limit > 1000) problems.add("commands.rateLimitPerMinute: must be between 1 and 1000");
    for (int i = 0; i < c.admins().size(); i++) {
      String a = c.admins().get(i);
      if (a == null || a.isBlank()) problems.add("admins[" + i + "]: empty; use a user id like discord:123 or slack:U123");
    }
  }

  private static final Set<String> PLATFORMS = Set.of("discord", "slack", "console");
  private static final Set<String> MODES = Set.of("instant", "daily", "weekly");

  private void validateSubscriptions(NewswireConfig c) {
    Set<String> topicIds = new HashSet<>();
    for (TopicConfig t : c.topics()) if (t != null && t.id() != null) topicIds.add(t.id());
    for (int i = 0; i < c.subscriptions().size(); i++) {
      SubscriptionConfig s = c.subscriptions().get(i);
      String key = "subscriptions[" + i + "]";
      if (s == null) {
        problems.add(key + ": empty entry; give platform, workspace, channel and topics, feeds or all: true");
        continue;
      }
      if (s.platform() == null || !PLATFORMS.contains(s.platform().toLowerCase(Locale.ROOT))) {
        problems.add(key + ".platform: '" + s.platform() + "' is not one of discord, slack, console");
      }
      if (s.channel() == null || s.channel().isBlank()) problems.add(key + ".channel: missing; give the channel id");
      if (s.topics().isEmpty() && s.feeds().isEmpty() && !s.all()) {
        problems.add(key + ": subscribes to nothing; give topics: [...], feeds: [...] or all: true");
      }
      for (String t : s.topics()) {
        if (!topicIds.contains(t)) {
          problems.add(key + ".topics: unknown topic '" + t + "'. Known topics: " + String.join(", ", topicIds.stream().sorted().toList()));
        }
      }
      for (String f : s.feeds()) {
        if (f == null || !(f.startsWith("http://") || f.startsWith("https://"))) {
          problems.add(key + ".feeds: '" + f + "' is not an http(s) feed URL");
        }
      }
      if (!MODES.contains(s.mode().toLowerCase(Locale.ROOT))) {
        problems.add(key + ".mode: '" + s.mode() + "' is not one of instant, daily, weekly");
      }
      if (s.time() != null && !s.time().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
        problems.add(key + ".time: '" + s.time() + "' is not a time like 09:00 (24-hour HH:mm)");
      }
      if (s.timezone() != null) {
        try {
          java.time.ZoneId.of(s.timezone());
        } catch (java.time.DateTimeException e) {
          problems.add(key + ".timezone: '" + s.timezone() + "' is not a time zone like Europe/Berlin or UTC");
        }
      }
      checkFilters(key + ".include", s.include());
      checkFilters(key + ".exclude", s.exclude());
    }
  }

  private void checkFilters(String key, List<String> filters) {
    for (String f : filters) {
      String why = dev.newswire.subscription.FilterPattern.problem(f);
      if (why != null) problems.add(key + ": " + why);
    }
  }
}
