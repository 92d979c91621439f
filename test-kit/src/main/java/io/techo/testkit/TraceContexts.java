package io.techo.testkit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** W3C trace-context values for tests that follow a trace across HTTP and Kafka. */
public final class TraceContexts {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContexts() {
    }

    /** A sampled {@code traceparent} of a fresh trace, as a caller that traces would send it. */
    public static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /** The trace id of a {@code traceparent}; fails on anything that is not a version-00 traceparent. */
    public static String traceId(String traceparent) {
        Matcher m = TRACEPARENT.matcher(String.valueOf(traceparent));
        if (!m.matches()) {
            throw new AssertionError("not a W3C traceparent: " + traceparent);
        }
        return m.group(1);
    }

    /** The parent span id of a {@code traceparent}. */
    public static String spanId(String traceparent) {
        traceId(traceparent);
        return traceparent.substring(36, 52);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
