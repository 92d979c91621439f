package io.techo.common.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.techo.common.crypto.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 8785: the cyberphone/json-canonicalization test data (src/test/resources/jcs) and the ES6 number cases. */
class JcsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void canonicalizesTheReferenceInputs(String name) throws IOException {
        byte[] canonical = Jcs.canonicalize(resource("jcs/input/" + name + ".json"));
        assertEquals(resource("jcs/output/" + name + ".json").strip(), new String(canonical, StandardCharsets.UTF_8));
        assertEquals(resource("jcs/outhex/" + name + ".txt").replaceAll("\\s", "").toLowerCase(), Hex.encode(canonical));
    }

    /** RFC 8785 Appendix B and ECMAScript corner cases, as IEEE 754 bit patterns → expected text. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void formatsNumbersLikeEcmaScript(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertEquals(expected, Jcs.EcmaNumbers.format(value));
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAndEscapesMinimally() {
        assertEquals("{\"\\n\":1,\"a\":\"\\u001f\\\"\\\\/\",\"b\":[true,null,1.5]}",
                new String(Jcs.canonicalize("{ \"b\": [true, null, 1.50], \"a\": \"\\u001f\\\"\\\\\\/\", \"\\n\": 1 }"), StandardCharsets.UTF_8));
    }

    @Test
    void refusesInvalidJson() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{\"a\":"));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{} {}"));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = JcsTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
