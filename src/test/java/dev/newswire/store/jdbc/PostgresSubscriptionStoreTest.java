package dev.newswire.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newswire.config.StorageConfig;
import org.junit.jupiter.api.BeforeAll;

class PostgresSubscriptionStoreTest extends SubscriptionStoreContract {
  @BeforeAll
  static void needsPostgres() {
    String why = TestDatabases.postgresUnavailableReason();
    if (why != null) System.out.println(why);
    assumeTrue(why == null, why);
  }

  @Override
  StorageConfig storage() {
    return TestDatabases.postgresFreshSchema();
  }
}
