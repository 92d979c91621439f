package io.techo.anchor.log;

/** A message that can never be logged (a poison message): it goes to its topic's dead-letter topic with the reason. */
public final class RejectedEvent extends Exception {

    public RejectedEvent(String reason) {
        super(reason, null, false, false);
    }
}
