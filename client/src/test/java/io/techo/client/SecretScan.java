package io.techo.client;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for secrets where the server side keeps data: every cell of every table of the given databases, and every
 * key, value and header of every message on the platform's topics. Each secret is looked for raw, as lowercase hex and
 * as standard base64 — the forms it would take if a service stored or forwarded it.
 */
final class SecretScan {

    private final Map<String, List<byte[]>> forms = new LinkedHashMap<>();
    private long cellsScanned;
    private long messagesScanned;

    void add(String name, byte[] secret) {
        forms.put(name, List.of(secret, HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encodeToString(secret).getBytes(StandardCharsets.US_ASCII)));
    }

    long cellsScanned() {
        return cellsScanned;
    }

    long messagesScanned() {
        return messagesScanned;
    }

    /** "where: secret" for each find in any table of the databases. */
    List<String> scanDatabases(List<String> databases) throws SQLException {
        List<String> found = new ArrayList<>();
        Properties credentials = new Properties();
        credentials.put("user", "techo");
        credentials.put("password", "techo");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", credentials)) {
            for (String database : databases) {
                for (String table : tables(connection, database)) {
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT * FROM `" + database + "`.`" + table + "`")) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) {
                                cellsScanned++;
                                check(cellBytes(rows.getObject(column)), database + "." + table + "." + rows.getMetaData().getColumnName(column), found);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** "where: secret" for each find in the topics, read from the beginning to their current end. */
    List<String> scanTopics(String bootstrap, List<String> topics) {
        List<String> found = new ArrayList<>();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "client-secret-scan-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> message : consumer.poll(Duration.ofMillis(500))) {
                    messagesScanned++;
                    String where = message.topic() + "@" + message.partition() + ":" + message.offset();
                    check(message.key(), where + " key", found);
                    check(message.value(), where + " value", found);
                    for (Header header : message.headers()) {
                        check(header.value(), where + " header " + header.key(), found);
                    }
                }
            }
            if (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                found.add("the topics could not be read to their end within 60 s");
            }
        }
        return found;
    }

    private static byte[] cellBytes(Object cell) {
        if (cell == null) {
            return null;
        }
        return cell instanceof byte[] bytes ? bytes : cell.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void check(byte[] data, String where, List<String> found) {
        if (data == null) {
            return;
        }
        forms.forEach((name, variants) -> {
            for (byte[] variant : variants) {
                if (contains(data, variant)) {
                    found.add(where + ": " + name);
                    return;
                }
            }
        });
    }

    private static List<String> tables(Connection connection, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean contains(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
