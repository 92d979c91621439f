package io.techo.verify;

/** The command line or an input file is unusable; the message tells the user what to fix. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
