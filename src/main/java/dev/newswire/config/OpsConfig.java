package dev.newswire.config;

/**
 * The operations HTTP endpoint: /healthz, /readyz, /metrics.
 *
 * @param port    TCP port (default 8080; 0 picks a free port)
 * @param bind    address to listen on (default 127.0.0.1; 0.0.0.0 inside a container)
 * @param enabled false turns the endpoint off
 */
public record OpsConfig(Integer port, String bind, Boolean enabled) {
  public OpsConfig {
    port = port == null ? 8080 : port;
    bind = bind == null || bind.isBlank() ? "127.0.0.1" : bind.trim();
    enabled = enabled == null || enabled;
  }

  public static OpsConfig defaults() {
    return new OpsConfig(null, null, null);
  }
}
