package dev.newswire.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The only place that reads the config file and the environment. */
public final class ConfigLoader {
  public static final Path DEFAULT_PATH = Path.of("config", "newswire.yaml");
  public static final String CONFIG_ENV = "NEWSWIRE_CONFIG";

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  public static ConfigLoader fromSystem() {
    return new ConfigLoader(System.getenv());
  }

  /** Picks the file: --config wins, then NEWSWIRE_CONFIG, then config/newswire.yaml. */
  public Path choosePath(Path fromCommandLine) {
    if (fromCommandLine != null) return fromCommandLine;
    String fromEnv = env.get(CONFIG_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv);
    return DEFAULT_PATH;
  }

  public NewswireConfig load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("Config file " + file + " does not exist. Pass --config FILE, set "
          + CONFIG_ENV + ", or run from the directory that holds config/newswire.yaml.");
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
    return parse(yaml, file.toString());
  }

  public NewswireConfig parse(String yaml, String sourceName) {
    NewswireConfig raw;
    if (yaml.strip().isEmpty() || yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
      yaml = "{}";
    }
    try {
      raw = mapper().readValue(yaml, NewswireConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      throw new ConfigException(sourceName + ": unknown key '" + path(e) + "'" + line(e)
          + ". Known keys here: " + known + ".");
    } catch (InvalidFormatException e) {
      throw new ConfigException(sourceName + ": bad value for '" + path(e) + "'" + line(e) + ": "
          + cleanMessage(e) );
    } catch (MismatchedInputException e) {
      throw new ConfigException(sourceName + ": wrong shape for '" + path(e) + "'" + line(e)
          + ": expected " + (e.getTargetType() == null ? "another type" : friendly(e.getTargetType())) + ".");
    } catch (JsonMappingException e) {
      throw new ConfigException(sourceName + ": bad value for '" + path(e) + "'" + line(e) + ": "
          + cleanMessage(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException(sourceName + " is not valid YAML" + line(e) + ": " + e.getOriginalMessage());
    }
    if (raw == null) {
      raw = NewswireConfig.defaults();
    }
    NewswireConfig withSecrets = clusterFromEnvironment(opsFromEnvironment(raw)).withSecrets(Secrets.fromEnvironment(env));
    new ConfigValidator(sourceName).validate(withSecrets);
    return withSecrets;
  }

  /**
   * NEWSWIRE_DB_URL / NEWSWIRE_DB_USER override storage.url / storage.user, NEWSWIRE_CLUSTER_ENABLED and
   * NEWSWIRE_INSTANCE_ID override cluster.enabled / cluster.instanceId: one config file for every instance of a
   * docker-compose or Kubernetes deployment.
   */
  private NewswireConfig clusterFromEnvironment(NewswireConfig c) {
    String url = blank(env.get("NEWSWIRE_DB_URL"));
    String user = blank(env.get("NEWSWIRE_DB_USER"));
    if (url != null || user != null) {
      c = c.withStorage(new StorageConfig(url != null ? url : c.storage().url(), user != null ? user : c.storage().user(),
          c.storage().poolSize(), c.storage().searchIndex()));
    }
    String enabled = blank(env.get("NEWSWIRE_CLUSTER_ENABLED"));
    String id = blank(env.get("NEWSWIRE_INSTANCE_ID"));
    if (enabled != null || id != null) {
      if (enabled != null && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
        throw new ConfigException("NEWSWIRE_CLUSTER_ENABLED: '" + enabled + "' is not true or false");
      }
      c = c.withCluster(new ClusterConfig(enabled != null ? Boolean.valueOf(enabled) : c.cluster().enabled(),
          id != null ? id : c.cluster().instanceId(), c.cluster().claimLease()));
    }
    return c;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** NEWSWIRE_OPS_BIND / NEWSWIRE_OPS_PORT override ops.bind / ops.port (the container image sets the bind). */
  private NewswireConfig opsFromEnvironment(NewswireConfig c) {
    String bind = env.get("NEWSWIRE_OPS_BIND");
    String port = env.get("NEWSWIRE_OPS_PORT");
    if ((bind == null || bind.isBlank()) && (port == null || port.isBlank())) return c;
    Integer p = c.ops().port();
    if (port != null && !port.isBlank()) {
      try {
        p = Integer.valueOf(port.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException("NEWSWIRE_OPS_PORT: '" + port + "' is not a port number");
      }
    }
    return c.withOps(new OpsConfig(p, bind == null || bind.isBlank() ? c.ops().bind() : bind, c.ops().enabled()));
  }

  static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("newswire-config");
    module.addDeserializer(Duration.class, new DurationDeserializer());
    return new ObjectMapper(new YAMLFactory())
        .registerModule(module)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) sb.append('.');
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(top level)" : sb.toString();
  }

  private static String line(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static String cleanMessage(JsonMappingException e) {
    String m = e.getOriginalMessage();
    int colon = m.lastIndexOf(": ");
    if (m.startsWith("Cannot deserialize") && colon > 0) return m.substring(colon + 2);
    return m;
  }

  private static String friendly(Class<?> type) {
    if (type == Duration.class) return "a duration such as 15m";
    if (java.util.List.class.isAssignableFrom(type)) return "a list";
    if (type.isRecord()) return "a section with keys";
    return type.getSimpleName().toLowerCase();
  }
}
