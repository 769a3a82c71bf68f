package dev.newswire.store.jdbc;

import dev.newswire.config.StorageConfig;

class H2SubscriptionStoreTest extends SubscriptionStoreContract {
  @Override
  StorageConfig storage() {
    return TestDatabases.h2();
  }
}
