package io.techo.anchor.anchor;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Named points in the anchoring sequence where the process can be made to die abruptly ({@code Runtime.halt}, no
 * shutdown hooks), so tests prove recovery from a crash exactly there. Off unless {@code techo.anchor.crash-at} names
 * a point; never set it in production.
 */
@ApplicationScoped
public class CrashPoints {

    /** The signed tx is persisted and has not been broadcast. */
    public static final String AFTER_PERSIST = "after-persist";
    /** A node accepted the tx; its confirmation has not been seen. */
    public static final String AFTER_BROADCAST = "after-broadcast";
    /** A batch of confirmations is acknowledged by Kafka; the checkpoint's cursor has not moved past it. */
    public static final String AFTER_CONFIRMATIONS_PUBLISHED = "after-confirmations-published";

    private final Optional<String> crashAt;

    public CrashPoints(@ConfigProperty(name = "techo.anchor.crash-at") Optional<String> crashAt) {
        this.crashAt = crashAt;
        crashAt.ifPresent(point -> Log.warnf("TEST SETTING: the process halts at crash point %s", point));
    }

    void reached(String point) {
        if (crashAt.filter(point::equals).isPresent()) {
            Log.warnf("crash point %s reached: halting", point);
            Runtime.getRuntime().halt(137);
        }
    }
}
