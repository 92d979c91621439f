package io.techo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The MariaDB server deploy/local/mariadb.sh runs (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD as there; the defaults are
 * its LOCAL-DEV-ONLY credentials).
 */
record DatabaseServer(String host, int port, String user, String password) {

    static DatabaseServer fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new DatabaseServer(env.getOrDefault("DB_HOST", "127.0.0.1"), Integer.parseInt(env.getOrDefault("DB_PORT", "3306")),
                env.getOrDefault("DB_USER", "techo"), env.getOrDefault("DB_PASSWORD", "techo"));
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    String reactiveUrl(String database) {
        return "mysql://" + host + ":" + port + "/" + database;
    }

    /** What a service needs besides its URLs. */
    Map<String, String> environment() {
        return Map.of("DB_USER", user, "DB_PASSWORD", password);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates the database if missing (mariadb.sh creates the usual ones; the user may create any techo_* one). */
    void createDatabase(String database) {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + host + ":" + port
                    + " (is MariaDB running? deploy/local/mariadb.sh start)", e);
        }
    }

    String version() {
        try (Connection connection = connect(""); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT VERSION()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
