package io.techo.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passphrase-protected keystore: round trip, wrong passphrase, and every kind of tampering detected. */
class KeystoreTest {

    private static final char[] PASSPHRASE = "a passphrase of some length".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theKeysComeBackWithTheRightPassphraseAndNeverInTheClear() throws Exception {
        DeviceKeys keys = DeviceKeys.generate();
        Path file = dir.resolve("keystore.json");
        Keystore.create(file, keys, PASSPHRASE);

        DeviceKeys opened = Keystore.open(file, PASSPHRASE);
        assertThat(opened.signingPublicKey()).isEqualTo(keys.signingPublicKey());
        assertThat(opened.encryptionPublicKey()).isEqualTo(keys.encryptionPublicKey());
        assertThat(TestKeys.privateKeysOf(opened)).containsExactlyElementsOf(TestKeys.privateKeysOf(keys));
        assertThat(Keystore.publicKeys(file).signingKeyId()).isEqualTo(keys.signingKeyId());

        String stored = Files.readString(file);
        for (byte[] secret : TestKeys.privateKeysOf(keys)) {
            assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(secret));
        }
        ObjectNode kdf = (ObjectNode) JSON.readTree(stored).path("kdf");
        assertThat(kdf.path("name").asText()).isEqualTo("argon2id");
        assertThat(kdf.path("memoryKiB").asInt()).isEqualTo(65536);
        assertThat(kdf.path("iterations").asInt()).isEqualTo(3);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aWrongPassphraseIsRefusedClearly() {
        Path file = dir.resolve("keystore.json");
        Keystore.create(file, DeviceKeys.generate(), PASSPHRASE);
        assertThatThrownBy(() -> Keystore.open(file, "not the passphrase".toCharArray()))
                .isInstanceOf(KeystoreException.class)
                .hasMessage("wrong passphrase for the keystore " + file);
    }

    @Test
    void aChangedByteOfTheEncryptedKeysIsDetected() throws Exception {
        Path file = keystore();
        ObjectNode stored = (ObjectNode) JSON.readTree(file.toFile());
        byte[] ciphertext = Base64.getDecoder().decode(stored.path("ciphertext").asText());
        ciphertext[5] ^= 0x01;
        stored.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        Files.write(file, JSON.writeValueAsBytes(stored));
        assertThatThrownBy(() -> Keystore.open(file, PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("was altered");
    }

    @Test
    void swappedPublicKeysAreDetected() throws Exception {
        Path file = keystore();
        ObjectNode stored = (ObjectNode) JSON.readTree(file.toFile());
        stored.put("encryptionPublicKey", Base64.getEncoder().encodeToString(DeviceKeys.generate().encryptionPublicKey()));
        Files.write(file, JSON.writeValueAsBytes(stored));
        assertThatThrownBy(() -> Keystore.open(file, PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("was altered");
    }

    @Test
    void weakenedOrAbsurdKdfSettingsAreRefused() throws Exception {
        Path file = keystore();
        ObjectNode stored = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) stored.path("kdf")).put("memoryKiB", 1024);
        Files.write(file, JSON.writeValueAsBytes(stored));
        assertThatThrownBy(() -> Keystore.open(file, PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("memory").hasMessageContaining("altered");

        ((ObjectNode) stored.path("kdf")).put("memoryKiB", 4 * 1024 * 1024);
        Files.write(file, JSON.writeValueAsBytes(stored));
        assertThatThrownBy(() -> Keystore.open(file, PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("memory");
    }

    @Test
    void aDamagedFileSaysSo() throws Exception {
        Path file = dir.resolve("keystore.json");
        Files.writeString(file, "{\"format\":\"techo-keystore-v1\"", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Keystore.open(file, PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> Keystore.open(dir.resolve("missing.json"), PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("techo keys init");
    }

    @Test
    void anExistingKeystoreIsNeverOverwritten() {
        Path file = keystore();
        assertThatThrownBy(() -> Keystore.create(file, DeviceKeys.generate(), PASSPHRASE)).isInstanceOf(KeystoreException.class)
                .hasMessageContaining("never overwritten");
    }

    private Path keystore() {
        Path file = dir.resolve("keystore.json");
        Keystore.create(file, DeviceKeys.generate(), PASSPHRASE);
        return file;
    }
}
