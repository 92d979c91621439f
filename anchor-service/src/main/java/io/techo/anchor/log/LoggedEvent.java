package io.techo.anchor.log;

import java.time.Instant;

/**
 * One platform event as the log records it: the CloudEvent attributes, the patient it concerns, and the hash of the
 * object it commits to (with the object's canonical bytes when they can be rebuilt from the event, else null).
 */
public record LoggedEvent(String eventId, String type, String subject, String ownerId, Instant time,
        String objectSha256, byte[] objectBytes) {
}
