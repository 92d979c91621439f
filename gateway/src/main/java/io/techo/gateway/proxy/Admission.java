package io.techo.gateway.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests an upstream may have at once, in it or waiting for one of the gateway's connections to it
 * (ADR 0013). A request that finds it full is shed; every admitted request leaves exactly once.
 */
public final class Admission {

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Admission(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("an upstream must admit at least one request");
        }
        this.maxInFlight = maxInFlight;
    }

    /** Admits the request if there is room; the caller must {@link #leave()} once, when it is answered or abandoned. */
    public boolean tryEnter() {
        int now;
        do {
            now = inFlight.get();
            if (now >= maxInFlight) {
                return false;
            }
        } while (!inFlight.compareAndSet(now, now + 1));
        return true;
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
