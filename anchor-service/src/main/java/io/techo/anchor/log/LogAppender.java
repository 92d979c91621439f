package io.techo.anchor.log;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Appends a consumed batch to the log. A message that can never be logged goes to the dead-letter topic at once; a
 * batch that fails while the database is reachable is retried with backoff, then appended one event at a time so
 * only the culprit ends in the dead-letter topic; while the database is unreachable the batch waits (its offsets are
 * not committed, nothing is skipped).
 */
@ApplicationScoped
public class LogAppender {

    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final LogStore store;
    private final DeadLetters deadLetters;
    private final AgroalDataSource db;

    public LogAppender(LogStore store, DeadLetters deadLetters, AgroalDataSource db) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.db = db;
    }

    public void append(ConsumerRecords<String, String> batch) throws InterruptedException {
        List<LoggedEvent> events = new ArrayList<>(batch.count());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                events.add(EventReader.read(record));
                sources.add(record);
            } catch (RejectedEvent e) {
                Log.warnf("%s/%d/%d cannot be logged (%s): sent to the dead-letter topic", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                deadLetters.send(record, e.getMessage());
            }
        }
        if (events.isEmpty() || appendWithRetries(events)) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            if (!appendWithRetries(List.of(events.get(i)))) {
                ConsumerRecord<String, String> record = sources.get(i);
                Log.errorf("event %s cannot be appended: sent to the dead-letter topic", events.get(i).eventId());
                deadLetters.send(record, "the log refused the event after " + ATTEMPTS + " attempts");
            }
        }
    }

    /** True once appended; false if it failed {@link #ATTEMPTS} times while the database was reachable. */
    private boolean appendWithRetries(List<LoggedEvent> events) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        int failures = 0;
        while (true) {
            try {
                store.append(events);
                return true;
            } catch (SQLException | RuntimeException e) {
                if (databaseReachable()) {
                    failures++;
                    if (failures >= ATTEMPTS) {
                        return false;
                    }
                }
                Log.warnf("appending %d events failed, retrying in %d ms: %s", events.size(), backoff.toMillis(), e);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean databaseReachable() {
        try (Connection c = db.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
