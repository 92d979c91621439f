package io.techo.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a set-up step that a busy stack answered with a 5xx (a service slower than the gateway's upstream timeout
 * while everything warms up on a loaded machine). Only set-up is retried: the measurements count every failure.
 */
final class Retry {

    private static final int ATTEMPTS = 5;
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private Retry() {
    }

    /** Runs the step, again from the start (fresh ids, fresh signatures) while it fails with a 5xx answer. */
    static <T> T setUp(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (AssertionError e) {
                if (attempt == ATTEMPTS || !serverError(e)) {
                    throw new IllegalStateException("set-up failed: " + what + " (attempt " + attempt + "): " + e.getMessage(), e);
                }
                Console.say("set-up: %s got a server error, retrying (%s)", what, e.getMessage().replaceAll("\\s+", " ").strip());
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    /** REST Assured's status expectation failure: "Expected status code <201> but was <503>." */
    private static boolean serverError(AssertionError e) {
        return e.getMessage() != null && e.getMessage().matches("(?s).*but was <5\\d\\d>.*");
    }
}
