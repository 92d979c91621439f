package io.techo.bench;

import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Hex;
import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventTypes;
import io.techo.common.events.RecordStored;
import io.techo.common.ids.Uuids;
import io.techo.kit.outbox.OutboxRow;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 2: the machine's own limits, measured in the same run so that the ratios hold on a noisy machine.
 * The record row and outbox row record-service writes for a record, inserted straight into MariaDB over JDBC, one
 * transaction per record, by as many connections as the load generator opens to the gateway (into a copy of
 * record-service's tables); and one Kafka producer configured as the services' outbox relays (acks=all, idempotent)
 * sending the same events as fast as it can.
 */
final class RawLimitsScenario {

    private static final String INSERT_RECORD = "INSERT INTO record (id, owner_id, category, version, status, ciphertext, "
            + "ciphertext_sha256, ciphertext_size, signer_key_id, signature, header_sha256, stored_event_id, created_at) "
            + "VALUES (?, ?, ?, 1, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?)";

    record Result(int concurrency, long transactions, long events, Duration measured) {

        double transactionsPerSecond() {
            return transactions / (measured.toNanos() / 1e9);
        }

        double eventsPerSecond() {
            return events / (measured.toNanos() / 1e9);
        }
    }

    /** One record as record-service stores it: the row's values and its techo.record.stored outbox row. */
    private record Row(String id, String ownerId, byte[] ciphertext, String sha256, String signerKeyId, byte[] signature,
            String headerSha256, OutboxRow outbox) {

        static Row next(byte[] ciphertext, String sha256, byte[] signature, String signerKeyId, long i) {
            UUID recordId = Uuids.v7();
            String ownerId = "raw-patient-" + (i % 500);
            RecordHeader header = new RecordHeader(recordId, 1, ownerId, SealedRecords.CATEGORY, sha256, signerKeyId);
            String headerSha256 = Digests.sha256Hex(header.canonicalBytes());
            Instant now = Instant.now();
            RecordStored event = new RecordStored(recordId, 1, ownerId, SealedRecords.CATEGORY, sha256, ciphertext.length, signerKeyId,
                    Base64.getEncoder().encodeToString(signature), headerSha256, now);
            return new Row(recordId.toString(), ownerId, ciphertext, sha256, signerKeyId, signature, headerSha256,
                    OutboxRow.of(EventTypes.RECORDS_TOPIC, event, now));
        }
    }

    private final byte[] ciphertext = new byte[4096];
    private final byte[] signature = new byte[64];
    private final String sha256;
    private final String signerKeyId;

    private RawLimitsScenario() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(ciphertext);
        random.nextBytes(signature);
        byte[] key = new byte[32];
        random.nextBytes(key);
        sha256 = Digests.sha256Hex(ciphertext);
        signerKeyId = Hex.encode(key);
    }

    static Result run(BenchStack stack, int concurrency, Duration warmup, Duration measure) {
        RawLimitsScenario raw = new RawLimitsScenario();
        long transactions = raw.inserts(stack, concurrency, warmup, measure);
        long events = raw.produce(stack, warmup, measure);
        Result result = new Result(concurrency, transactions, events, measure);
        Console.say("raw limits: %.0f record+outbox tx/s over JDBC at concurrency %d; %.0f events/s from one Kafka producer",
                result.transactionsPerSecond(), concurrency, result.eventsPerSecond());
        return result;
    }

    private long inserts(BenchStack stack, int concurrency, Duration warmup, Duration measure) {
        DatabaseServer server = stack.settings().database();
        String rawDb = "techo_raw_" + stack.settings().databaseSuffix();
        String recordDb = stack.database("record");
        try (Connection admin = server.connect(""); Statement ddl = admin.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS `" + rawDb + "`");
            ddl.execute("CREATE DATABASE `" + rawDb + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String table : List.of("record", "outbox_event")) {
                ddl.execute("CREATE TABLE `" + rawDb + "`.`" + table + "` LIKE `" + recordDb + "`.`" + table + "`");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + rawDb + " (a copy of " + recordDb + "'s tables)", e);
        }
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong counted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                writers.add(pool.submit(() -> {
                    insertUntil(server, rawDb, measureFrom, end, counted);
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("raw inserts into " + rawDb + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return counted.get();
    }

    private void insertUntil(DatabaseServer server, String database, long measureFrom, long end, AtomicLong counted) throws SQLException {
        try (Connection connection = server.connect(database);
                PreparedStatement record = connection.prepareStatement(INSERT_RECORD);
                PreparedStatement outbox = connection.prepareStatement(OutboxRow.INSERT_SQL)) {
            connection.setAutoCommit(false);
            for (long i = 0; System.nanoTime() < end; i++) {
                Row row = Row.next(ciphertext, sha256, signature, signerKeyId, i);
                record.setString(1, row.id());
                record.setString(2, row.ownerId());
                record.setString(3, SealedRecords.CATEGORY);
                record.setBytes(4, row.ciphertext());
                record.setString(5, row.sha256());
                record.setInt(6, row.ciphertext().length);
                record.setString(7, row.signerKeyId());
                record.setBytes(8, row.signature());
                record.setString(9, row.headerSha256());
                record.setString(10, row.outbox().eventId());
                record.setObject(11, LocalDateTime.ofInstant(row.outbox().time(), ZoneOffset.UTC));
                record.executeUpdate();
                Object[] values = row.outbox().values();
                for (int v = 0; v < values.length; v++) {
                    outbox.setObject(v + 1, values[v]);
                }
                outbox.executeUpdate();
                connection.commit();
                if (System.nanoTime() >= measureFrom) {
                    counted.incrementAndGet();
                }
            }
        }
    }

    private long produce(BenchStack stack, Duration warmup, Duration measure) {
        String bootstrap = stack.settings().kafkaBootstrap();
        String topic = "techo.bench.raw." + stack.settings().runId();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        AtomicLong acked = new AtomicLong();
        createTopic(bootstrap, topic);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.partitionsFor(topic);
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long end = measureFrom + measure.toNanos();
            for (long i = 0; System.nanoTime() < end; i++) {
                OutboxRow row = Row.next(ciphertext, sha256, signature, signerKeyId, i).outbox();
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, row.key(), row.payload());
                CloudEventsKafka.toHeaders(new CloudEventAttributes(row.eventId(), row.type(), "/techo/bench", row.subject(), row.time()))
                        .forEach((name, value) -> record.headers().add(name, value));
                producer.send(record, (metadata, error) -> {
                    long now = System.nanoTime();
                    if (error == null && now >= measureFrom && now < end) {
                        acked.incrementAndGet();
                    }
                });
            }
        } finally {
            deleteTopic(bootstrap, topic);
        }
        return acked.get();
    }

    /** A scratch topic like the platform's (3 partitions, one replica), so that the first sends do not wait for auto-creation. */
    private static void createTopic(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the scratch topic " + topic + " on " + bootstrap, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    private static void deleteTopic(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (ExecutionException | RuntimeException e) {
            Console.say("could not delete the scratch topic %s: %s", topic, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
