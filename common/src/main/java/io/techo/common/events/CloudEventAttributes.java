package io.techo.common.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents 1.0 context attributes of one event, as carried in Kafka binary mode.
 *
 * @param id unique event id; consumers deduplicate on it
 * @param type event type, see {@link EventTypes}
 * @param source URI-reference of the producing service, e.g. {@code /techo/record-service}
 * @param subject id of the thing the event is about
 * @param time when the state change was committed
 */
public record CloudEventAttributes(String id, String type, String source, String subject, Instant time) {

    public CloudEventAttributes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }
}
