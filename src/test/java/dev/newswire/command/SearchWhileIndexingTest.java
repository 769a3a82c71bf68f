package dev.newswire.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.command.news.CommandContext;
import dev.newswire.command.news.SearchCommand;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.StorageConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.news.Taxonomy;
import dev.newswire.search.StoryIndex;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcItemStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A search during the index's first build after a restart says its answer may be incomplete. */
class SearchWhileIndexingTest {

  /** An index still building, with nothing in it yet. */
  static final class BuildingIndex implements StoryIndex {
    boolean building = true;

    @Override
    public void catchUp() {}

    @Override
    public List<Long> search(String query, Instant since, int limit) {
      return List.of();
    }

    @Override
    public int size() {
      return 0;
    }

    @Override
    public boolean catchingUp() {
      return building;
    }
  }

  @Test
  void saysResultsMayBeIncompleteOnlyWhileBuilding() {
    NewswireConfig config = NewswireConfig.defaults();
    BuildingIndex index = new BuildingIndex();
    try (Database db = Database.open(new StorageConfig("jdbc:h2:mem:search-while-indexing;DB_CLOSE_DELAY=-1", null, null), null)) {
      CommandContext ctx = new CommandContext(config, new Taxonomy(config.topics()), null, null, null,
          new JdbcItemStore(db), null, null, index, null, null, null, Clock.systemUTC());
      SearchCommand search = new SearchCommand(ctx);
      Invocation inv = new Invocation(new ChannelRef("discord", "1", "2"), "u", "user", false,
          Map.of("query", "gpu"), Instant.now());

      Reply during = search.handle(inv);
      assertThat(during).isInstanceOf(Reply.Text.class);
      assertThat(((Reply.Text) during).text()).contains("No stories match gpu").contains("still being built");

      index.building = false;
      Reply after = search.handle(inv);
      assertThat(((Reply.Text) after).text()).contains("No stories match gpu").doesNotContain("still being built");
    }
  }
}
