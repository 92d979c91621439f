package io.techo.common.log;

/** Leaf data, a checkpoint, a signed note or a key string is malformed; the message says what is wrong. */
public final class LogFormatException extends IllegalArgumentException {

    public LogFormatException(String message) {
        super(message);
    }
}
