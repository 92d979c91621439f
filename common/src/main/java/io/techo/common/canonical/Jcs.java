package io.techo.common.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by UTF-16 code units, no whitespace, strings with
 * the minimal ECMAScript escapes, numbers in ECMAScript {@code Number.prototype.toString} form. Everything Techo
 * signs or hashes is serialized this way (docs/protocol.md).
 */
public final class Jcs {

    private static final ObjectMapper PARSER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Jcs() {
    }

    /** @throws IllegalArgumentException when the text is not a single valid JSON value */
    public static byte[] canonicalize(String json) {
        try {
            return canonicalize(PARSER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(EcmaNumbers.format(node.isBigDecimal() || node.isFloatingPointNumber()
                    ? node.decimalValue().doubleValue() : node.bigIntegerValue().doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("JSON node type " + node.getNodeType() + " has no canonical form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(members::add);
        // String.compareTo compares UTF-16 code units, which is exactly RFC 8785's ordering
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript Number-to-String (ECMA-262 §7.1.12.1), as RFC 8785 §3.2.2.3 requires. */
    static final class EcmaNumbers {

        private EcmaNumbers() {
        }

        static String format(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("NaN and Infinity have no JSON form");
            }
            if (value == 0) {
                return "0";
            }
            if (value < 0) {
                return "-" + format(-value);
            }
            BigDecimal shortest = shortestRoundTrip(value);
            String digits = shortest.unscaledValue().toString();
            int k = digits.length();
            int n = k - shortest.scale();
            if (k <= n && n <= 21) {
                return digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return "0." + "0".repeat(-n) + digits;
            }
            String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
            return k == 1 ? digits + "e" + exponent : digits.charAt(0) + "." + digits.substring(1) + "e" + exponent;
        }

        /**
         * The decimal with the fewest significant digits that reads back as the same double, and of those the one
         * closest to it. Java 17's {@code Double.toString} is not always shortest (JDK-4511638), so search.
         */
        private static BigDecimal shortestRoundTrip(double value) {
            BigDecimal exact = new BigDecimal(value);
            for (int precision = 1; precision <= 17; precision++) {
                BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                if (candidate.doubleValue() == value) {
                    return candidate.stripTrailingZeros();
                }
            }
            throw new IllegalStateException("17 significant digits always round-trip a double");
        }
    }
}
