package io.techo.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The files through which the Java side and the browser code exchange objects: the Java test writes
 * {@code target/interop/java-vectors.json}, Vitest ({@code test/interop/}) opens it and writes
 * {@code target/interop/browser-vectors.json}, {@link BrowserVectorsIT} opens that.
 */
final class Interop {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = Path.of("target", "interop");
    static final Path JAVA_VECTORS = DIR.resolve("java-vectors.json");
    static final Path BROWSER_VECTORS = DIR.resolve("browser-vectors.json");

    private Interop() {
    }

    static void write(Path file, ObjectNode content) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (written by the earlier build step)", e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unb64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }
}
