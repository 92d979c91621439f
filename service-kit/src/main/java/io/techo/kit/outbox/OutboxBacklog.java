package io.techo.kit.outbox;

/** How far the relay is behind: unpublished events and the age of the oldest. */
public record OutboxBacklog(long pending, double oldestAgeSeconds) {
}
