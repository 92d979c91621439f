package io.techo.common.ids;

import java.util.regex.Pattern;

/**
 * The correlation id of a request: the caller's {@code X-Request-Id} if it is a sane token, else a fresh UUIDv7. The
 * gateway assigns it, the services log it and stamp it on the events the request caused.
 */
public final class RequestIds {

    /** The HTTP header, on requests and responses. */
    public static final String HEADER = "X-Request-Id";
    /** The Kafka header of every event a request caused. */
    public static final String KAFKA_HEADER = "techo-request-id";
    /** The logging MDC key. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : Uuids.v7().toString();
    }
}
