package io.techo.record.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.testkit.ExternalOrContainerInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * service-kit's migrations are numbered V0_x, below the service's own: a database already at V3 must still get a
 * new kit migration (ADR 0210), which only the out-of-order setting the service configures allows.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class OutboxMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String testDatabase;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @ConfigProperty(name = "quarkus.flyway.out-of-order")
    boolean outOfOrder;

    @Test
    void aDatabaseMigratedBeforeTheKitsOriginColumnsGetsThemAtTheNextStart() throws SQLException {
        String url = scratchDatabase();
        flyway(url, false).clean();
        flyway(url, false).migrate();
        execute(url, "ALTER TABLE outbox_event DROP COLUMN request_id, DROP COLUMN traceparent",
                "DELETE FROM flyway_schema_history WHERE version = '0.2'");

        assertThatThrownBy(() -> flyway(url, false).migrate()).isInstanceOf(FlywayException.class);
        assertThat(outOfOrder).isTrue();
        assertThat(flyway(url, outOfOrder).migrate().migrationsExecuted).isEqualTo(1);
        execute(url, "SELECT request_id, traceparent FROM outbox_event");
    }

    private Flyway flyway(String url, boolean outOfOrder) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .cleanDisabled(false).outOfOrder(outOfOrder).load();
    }

    /** A database of its own next to the test database, so the running service's schema is not touched. */
    private String scratchDatabase() throws SQLException {
        String name = testDatabase.substring(testDatabase.lastIndexOf('/') + 1) + "_migration";
        execute(testDatabase, "CREATE DATABASE IF NOT EXISTS `" + name + "`");
        return testDatabase.substring(0, testDatabase.lastIndexOf('/') + 1) + name;
    }

    private void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
