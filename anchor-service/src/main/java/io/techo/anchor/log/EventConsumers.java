package io.techo.anchor.log;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every platform topic feeds the log; another topic is one more method and one more channel in the configuration.
 * Batches are processed in order on a worker thread and acknowledged only after their append committed.
 */
@ApplicationScoped
public class EventConsumers {

    private final LogAppender appender;

    public EventConsumers(LogAppender appender) {
        this.appender = appender;
    }

    @Incoming("record-events")
    @Blocking
    public void records(ConsumerRecords<String, String> batch) throws InterruptedException {
        appender.append(batch);
    }

    @Incoming("consent-events")
    @Blocking
    public void consents(ConsumerRecords<String, String> batch) throws InterruptedException {
        appender.append(batch);
    }

    @Incoming("access-events")
    @Blocking
    public void access(ConsumerRecords<String, String> batch) throws InterruptedException {
        appender.append(batch);
    }
}
