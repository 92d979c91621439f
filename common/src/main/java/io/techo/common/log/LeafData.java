package io.techo.common.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The log's commitment to one event (docs/protocol.md, "Log leaves"): the JCS bytes of
 * {@code {"eventId","objectSha256","salt","subject","time","type","v":"techo-leaf-v1"}}. The random 16-byte salt is
 * kept off-chain, so the siblings in an audit path reveal nothing linkable, and deleting it unlinks an erased record's
 * leaves. Immutable.
 */
public final class LeafData {

    /** The {@code v} member: the leaf format's version. */
    public static final String VERSION = "techo-leaf-v1";
    /** Bytes of the salt. */
    public static final int SALT_BYTES = 16;
    private static final Set<String> FIELDS = Set.of("eventId", "objectSha256", "salt", "subject", "time", "type", "v");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String eventId;
    private final String type;
    private final String subject;
    private final String objectSha256;
    private final Instant time;
    private final byte[] salt;

    private LeafData(String eventId, String type, String subject, String objectSha256, Instant time, byte[] salt) {
        this.eventId = requireText(eventId, "eventId");
        this.type = requireText(type, "type");
        this.subject = requireText(subject, "subject");
        this.objectSha256 = Objects.requireNonNull(objectSha256, "objectSha256");
        this.time = Objects.requireNonNull(time, "time");
        this.salt = Objects.requireNonNull(salt, "salt").clone();
        if (!SHA256_HEX.matcher(objectSha256).matches()) {
            throw new LogFormatException("objectSha256 must be 64 lowercase hex characters");
        }
        if (salt.length != SALT_BYTES) {
            throw new LogFormatException("salt must be " + SALT_BYTES + " bytes, got " + salt.length);
        }
    }

    /** Leaf data for an event, with a fresh salt from {@code random}. */
    public static LeafData create(String eventId, String type, String subject, String objectSha256, Instant time,
            SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return of(eventId, type, subject, objectSha256, time, salt);
    }

    /** Leaf data with a given salt (rebuilding a stored leaf, test vectors). */
    public static LeafData of(String eventId, String type, String subject, String objectSha256, Instant time,
            byte[] salt) {
        return new LeafData(eventId, type, subject, objectSha256, time, salt);
    }

    /**
     * Parses leaf data strictly: UTF-8 JSON with exactly the seven members, each a string of the right form, in
     * canonical (JCS) form; anything else is refused.
     *
     * @throws LogFormatException naming the first problem found
     */
    public static LeafData parse(byte[] bytes) {
        JsonNode json = readJson(bytes);
        if (!json.isObject()) {
            throw new LogFormatException("leaf data must be a JSON object");
        }
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        if (!names.equals(FIELDS)) {
            throw new LogFormatException("leaf data must have exactly the members " + new TreeSet<>(FIELDS) + ", got " + names);
        }
        if (!VERSION.equals(text(json, "v"))) {
            throw new LogFormatException("leaf data version must be " + VERSION);
        }
        LeafData leaf = of(text(json, "eventId"), text(json, "type"), text(json, "subject"), text(json, "objectSha256"),
                time(text(json, "time")), salt(text(json, "salt")));
        if (!Arrays.equals(leaf.bytes(), bytes)) {
            throw new LogFormatException("leaf data is not in canonical (RFC 8785) form");
        }
        return leaf;
    }

    /** The canonical bytes: what the leaf hash commits to. */
    public byte[] bytes() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("eventId", eventId)
                .put("objectSha256", objectSha256)
                .put("salt", Base64.getEncoder().encodeToString(salt))
                .put("subject", subject)
                .put("time", time.toString())
                .put("type", type)
                .put("v", VERSION);
        return Jcs.canonicalize(json);
    }

    /** {@code SHA-256(0x00 ‖ bytes())}: the leaf's hash in the log. */
    public byte[] leafHash() {
        return MerkleHashes.leafHash(bytes());
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    /** Lowercase hex SHA-256 of the committed object's canonical bytes. */
    public String objectSha256() {
        return objectSha256;
    }

    public Instant time() {
        return time;
    }

    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeafData other && Arrays.equals(bytes(), other.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }

    @Override
    public String toString() {
        return "LeafData{" + type + " " + eventId + " subject=" + subject + "}";
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return STRICT_JSON.readTree(text);
        } catch (CharacterCodingException e) {
            throw new LogFormatException("leaf data is not valid UTF-8");
        } catch (IOException e) {
            throw new LogFormatException("leaf data is not valid JSON");
        }
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (!value.isTextual()) {
            throw new LogFormatException("leaf data member " + name + " must be a string");
        }
        return value.textValue();
    }

    private static Instant time(String text) {
        try {
            Instant time = Instant.parse(text);
            if (!time.toString().equals(text)) {
                throw new LogFormatException("leaf data time must be in Instant.toString() form, e.g. 2026-11-24T10:00:00Z");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new LogFormatException("leaf data time is not an RFC 3339 UTC time");
        }
    }

    private static byte[] salt(String text) {
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new LogFormatException("leaf data salt is not standard base64");
        }
        if (!Base64.getEncoder().encodeToString(salt).equals(text)) {
            throw new LogFormatException("leaf data salt is not canonical base64");
        }
        return salt;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new LogFormatException("leaf data " + name + " must be a non-empty string");
        }
        return value;
    }
}
