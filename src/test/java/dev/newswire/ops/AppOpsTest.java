package dev.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.OpsConfig;
import dev.newswire.store.jdbc.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wiring in App: the endpoint runs in run mode only, with the database and scheduler checks. */
class AppOpsTest {

  private static NewswireConfig config() {
    return NewswireConfig.defaults().withStorage(TestDatabases.h2()).withOps(new OpsConfig(0, "127.0.0.1", true));
  }

  @Test
  void runModeServesReadinessWithDatabaseAndSchedulerChecks() throws Exception {
    try (App app = new App(config(), new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
      app.addReadinessCheck(ReadinessCheck.of("discord", Optional::empty));
      app.start();
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.opsServer().port() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"database\":\"ok\"").contains("\"scheduler\":\"ok\"").contains("\"discord\":\"ok\"");
    }
  }

  @Test
  void runOnceStartsNoServer() throws Exception {
    try (App app = new App(config(), new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
      app.runOnce();
      assertThat(app.opsServer()).isNull();
    }
  }
}
