package io.techo.testkit;

import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.CloudEventsKafka;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes CloudEvents (binary mode) as another service would, to feed a consumer under test. */
public final class TopicWriter {

    private static KafkaProducer<String, String> producer;
    private static String producerBootstrap;

    private TopicWriter() {
    }

    /** Publishes {@code data} with the attributes as {@code ce_*} headers, and returns once the broker has it. */
    public static void publish(String topic, String key, CloudEventAttributes attributes, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        CloudEventsKafka.toHeaders(attributes).forEach((name, value) -> record.headers().add(name, value));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One producer per broker: a test profile with its own containers brings another broker. */
    private static synchronized KafkaProducer<String, String> producer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        if (!bootstrap.equals(producerBootstrap)) {
            if (producer != null) {
                producer.close();
            }
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
            producerBootstrap = bootstrap;
        }
        return producer;
    }
}
