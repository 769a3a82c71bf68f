package dev.newswire.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** One thing /readyz asks about: the database, the scheduler, each chat platform. */
public interface ReadinessCheck {

  /** A short stable name, e.g. "database", "scheduler", "discord". */
  String name();

  /** Empty when ready; otherwise what is wrong, in words an operator can act on. Must not throw, must be quick. */
  Optional<String> problem();

  static ReadinessCheck of(String name, Supplier<Optional<String>> problem) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> problem() {
        return problem.get();
      }
    };
  }

  /** Ready when the condition holds; otherwise reports the given problem. */
  static ReadinessCheck when(String name, BooleanSupplier ready, String problemIfNot) {
    return of(name, () -> ready.getAsBoolean() ? Optional.empty() : Optional.of(problemIfNot));
  }

  /** Ready when the database answers SELECT 1 within two seconds. */
  static ReadinessCheck database(DataSource dataSource) {
    return of("database", () -> {
      try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
        st.setQueryTimeout(2);
        try (ResultSet rs = st.executeQuery("SELECT 1")) {
          return rs.next() ? Optional.empty() : Optional.of("SELECT 1 returned no row");
        }
      } catch (Exception e) {
        return Optional.of("the database does not answer: " + e.getMessage());
      }
    });
  }
}
