package io.techo.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as {@code ce_*}
 * headers (UTF-8 values), the data as the record value with {@code content-type: application/json}.
 * Kept free of kafka-clients types so every module (and the CLI) can use it.
 */
public final class CloudEventsKafka {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPEC_VERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_CONTENT_TYPE = "content-type";

    private CloudEventsKafka() {
    }

    /** The headers for an event, in a stable order. */
    public static Map<String, byte[]> toHeaders(CloudEventAttributes attributes) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(H_SPEC_VERSION, utf8(SPEC_VERSION));
        headers.put(H_ID, utf8(attributes.id()));
        headers.put(H_TYPE, utf8(attributes.type()));
        headers.put(H_SOURCE, utf8(attributes.source()));
        headers.put(H_SUBJECT, utf8(attributes.subject()));
        headers.put(H_TIME, utf8(attributes.time().toString()));
        headers.put(H_CONTENT_TYPE, utf8(CONTENT_TYPE));
        return headers;
    }

    /**
     * Reads the attributes back from headers.
     *
     * @throws IllegalArgumentException when a required header is missing, the spec version is not 1.0 or the time is not RFC 3339
     */
    public static CloudEventAttributes fromHeaders(Map<String, byte[]> headers) {
        String specVersion = required(headers, H_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("unsupported CloudEvents spec version: " + specVersion);
        }
        try {
            return new CloudEventAttributes(
                    required(headers, H_ID),
                    required(headers, H_TYPE),
                    required(headers, H_SOURCE),
                    required(headers, H_SUBJECT),
                    Instant.parse(required(headers, H_TIME)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ce_time is not an RFC 3339 UTC timestamp", e);
        }
    }

    private static String required(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
