package dev.newswire.config;

import java.time.Duration;

/**
 * The {@code cluster:} section: several instances sharing one PostgreSQL.
 *
 * @param enabled    true: Quartz runs clustered on its JDBC store in the same PostgreSQL (each feed polled by one
 *                   instance at a time); needs a PostgreSQL storage.url. The outbox is always claim-based, so
 *                   deliveries are never sent twice either way.
 * @param instanceId this instance's name on outbox claims and in the Quartz cluster; "AUTO" or empty: host, pid
 *                   and a random suffix (Quartz generates its own AUTO id)
 * @param claimLease how long a delivery claim holds before another instance may take it over as "in doubt"
 *                   (default 2m; must exceed the time to send one batch)
 */
public record ClusterConfig(Boolean enabled, String instanceId, Duration claimLease) {
  public static final String AUTO = "AUTO";

  public ClusterConfig {
    enabled = enabled != null && enabled;
    instanceId = instanceId == null || instanceId.isBlank() ? AUTO : instanceId.trim();
    claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
  }

  public ClusterConfig(Boolean enabled, String instanceId) {
    this(enabled, instanceId, null);
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(null, null, null);
  }
}
