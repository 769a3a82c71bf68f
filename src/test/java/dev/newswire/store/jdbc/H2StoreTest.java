package dev.newswire.store.jdbc;

import dev.newswire.config.StorageConfig;

class H2StoreTest extends StoreContract {
  @Override
  StorageConfig storage() {
    return TestDatabases.h2();
  }
}
