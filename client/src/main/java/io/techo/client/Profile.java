package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.client.keystore.DeviceKeys;
import io.techo.client.keystore.Keystore;
import io.techo.client.keystore.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One identity on this machine, in one directory (default {@code ~/.techo}): the encrypted keystore
 * ({@code keystore.json}), the account it is registered as and the pinned log key ({@code profile.json}), and the
 * current access token ({@code session.json}, owner-only like the rest).
 */
public final class Profile {

    private static final String KEYSTORE = "keystore.json";
    private static final String SETTINGS = "profile.json";
    private static final String SESSION = "session.json";

    private final Path directory;

    public Profile(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    public Path keystoreFile() {
        return directory.resolve(KEYSTORE);
    }

    public boolean hasKeys() {
        return Files.isRegularFile(keystoreFile());
    }

    /** Generates the device keys and writes them encrypted under the passphrase; refuses if keys exist. */
    public Keystore.PublicKeys initKeys(char[] passphrase) {
        if (hasKeys()) {
            throw new SetupException("keys already exist in " + directory + "; use another --profile-dir for another identity");
        }
        try {
            SecureFiles.ensureDirectory(directory);
        } catch (IOException e) {
            throw new SetupException("cannot create the profile directory " + directory + ": " + e.getMessage(), e);
        }
        DeviceKeys keys = DeviceKeys.generate();
        try {
            Keystore.create(keystoreFile(), keys, passphrase);
            return new Keystore.PublicKeys(keys.signingPublicKey(), keys.encryptionPublicKey());
        } finally {
            keys.destroy();
        }
    }

    public DeviceKeys unlock(char[] passphrase) {
        return Keystore.open(keystoreFile(), passphrase);
    }

    public Keystore.PublicKeys publicKeys() {
        return Keystore.publicKeys(keystoreFile());
    }

    /** The account these keys are registered as, once registered (or enrolled, for an operator). */
    public Optional<String> accountId() {
        return text("accountId");
    }

    public Optional<String> role() {
        return text("role");
    }

    public void saveAccount(String accountId, String role) {
        ObjectNode settings = settings();
        settings.put("accountId", accountId).put("role", role);
        writeSettings(settings);
    }

    /** The anchor log's verifier key, pinned at first use or given by the user. */
    public Optional<String> logKey() {
        return text("logKey");
    }

    public void saveLogKey(String verifierKey) {
        writeSettings(settings().put("logKey", verifierKey));
    }

    public Optional<Session> session() {
        Path file = directory.resolve(SESSION);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GatewayHttp.JSON.readValue(file.toFile(), Session.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    public void saveSession(Session session) {
        try {
            SecureFiles.write(directory.resolve(SESSION), GatewayHttp.JSON.writeValueAsBytes(session));
        } catch (IOException e) {
            throw new SetupException("cannot write the session to " + directory + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> text(String member) {
        JsonNode value = settings().get(member);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.textValue());
    }

    private ObjectNode settings() {
        Path file = directory.resolve(SETTINGS);
        if (!Files.isRegularFile(file)) {
            return GatewayHttp.JSON.createObjectNode();
        }
        try {
            JsonNode node = GatewayHttp.JSON.readTree(file.toFile());
            return node instanceof ObjectNode object ? object : GatewayHttp.JSON.createObjectNode();
        } catch (IOException e) {
            throw new SetupException("the profile settings " + file + " are unreadable: " + e.getMessage(), e);
        }
    }

    private void writeSettings(ObjectNode settings) {
        try {
            SecureFiles.write(directory.resolve(SETTINGS), GatewayHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(settings));
        } catch (IOException e) {
            throw new SetupException("cannot write the profile settings in " + directory + ": " + e.getMessage(), e);
        }
    }
}
