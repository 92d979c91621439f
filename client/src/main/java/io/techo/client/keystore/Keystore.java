package io.techo.client.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import io.techo.common.crypto.KeyIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The device's private keys in one passphrase-protected file, format {@code techo-keystore-v1} (docs/protocol.md,
 * "Keystore"): Argon2id stretches the passphrase, HKDF-SHA256 splits it into an AES-256-GCM key and a passphrase
 * check, and the GCM AAD is the JCS of every other member, so any altered byte is detected. The public keys are
 * readable without the passphrase.
 */
public final class Keystore {

    public static final String FORMAT = "techo-keystore-v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final byte[] KEY_INFO = "techo-keystore-v1/key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_INFO = "techo-keystore-v1/passphrase-check".getBytes(StandardCharsets.US_ASCII);

    /** The public half, readable without the passphrase. */
    public record PublicKeys(byte[] signingPublicKey, byte[] encryptionPublicKey) {

        public String signingKeyId() {
            return KeyIds.of(signingPublicKey);
        }

        public String encryptionKeyId() {
            return KeyIds.of(encryptionPublicKey);
        }
    }

    private Keystore() {
    }

    /** Writes a new keystore with the recommended Argon2id settings; refuses to overwrite one. */
    public static void create(Path file, DeviceKeys keys, char[] passphrase) {
        byte[] salt = new byte[KdfParameters.SALT_BYTES];
        RANDOM.nextBytes(salt);
        create(file, keys, passphrase, KdfParameters.recommended(salt));
    }

    public static void create(Path file, DeviceKeys keys, char[] passphrase, KdfParameters kdf) {
        if (Files.exists(file)) {
            throw new KeystoreException("a keystore already exists at " + file + "; it is never overwritten");
        }
        kdf.check();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] master = kdf.derive(passphrase);
        ObjectNode header = header(keys.signingPublicKey(), keys.encryptionPublicKey(), kdf, derive(master, CHECK_INFO), nonce);
        ObjectNode secrets = JSON.createObjectNode()
                .put("signingPrivateKey", b64(keys.signingPrivateKey()))
                .put("encryptionPrivateKey", b64(keys.encryptionPrivateKey()));
        byte[] plaintext = Jcs.canonicalize(secrets);
        byte[] key = derive(master, KEY_INFO);
        try {
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, key, nonce, Jcs.canonicalize(header), plaintext);
            header.put("ciphertext", b64(ciphertext));
            SecureFiles.writeNew(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encryption never checks a tag", e);
        } catch (IOException e) {
            throw new KeystoreException("cannot write the keystore " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts the keys.
     *
     * @throws KeystoreException for a wrong passphrase, an altered or damaged file, or a missing one
     */
    public static DeviceKeys open(Path file, char[] passphrase) {
        ObjectNode stored = read(file);
        PublicKeys publicKeys = publicKeys(stored, file);
        KdfParameters kdf = kdf(stored.path("kdf"), file);
        byte[] nonce = bytes(stored.path("cipher").path("nonce"), "cipher.nonce", file);
        byte[] check = bytes(stored.path("passphraseCheck"), "passphraseCheck", file);
        byte[] ciphertext = bytes(stored.path("ciphertext"), "ciphertext", file);
        if (!"AES-256-GCM".equals(stored.path("cipher").path("name").asText()) || nonce.length != NONCE_BYTES) {
            throw damaged(file, "unknown cipher settings");
        }
        byte[] master = kdf.derive(passphrase);
        byte[] key = derive(master, KEY_INFO);
        byte[] plaintext = null;
        try {
            if (!MessageDigest.isEqual(derive(master, CHECK_INFO), check)) {
                throw new KeystoreException("wrong passphrase for the keystore " + file);
            }
            ObjectNode header = stored.deepCopy();
            header.remove("ciphertext");
            plaintext = gcm(Cipher.DECRYPT_MODE, key, nonce, Jcs.canonicalize(header), ciphertext);
            JsonNode secrets = JSON.readTree(plaintext);
            DeviceKeys keys = DeviceKeys.fromPrivateKeys(bytes(secrets.path("signingPrivateKey"), "signingPrivateKey", file),
                    bytes(secrets.path("encryptionPrivateKey"), "encryptionPrivateKey", file));
            if (!Arrays.equals(keys.signingPublicKey(), publicKeys.signingPublicKey())
                    || !Arrays.equals(keys.encryptionPublicKey(), publicKeys.encryptionPublicKey())) {
                throw new KeystoreException("the keystore " + file + " was altered: its private keys do not match its public keys");
            }
            return keys;
        } catch (AEADBadTagException e) {
            throw new KeystoreException("the keystore " + file + " was altered: it does not authenticate with this passphrase", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeystoreException keystoreException) {
                throw keystoreException;
            }
            throw damaged(file, "its encrypted part is unreadable");
        } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(key, (byte) 0);
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /** The public keys, without the passphrase. */
    public static PublicKeys publicKeys(Path file) {
        return publicKeys(read(file), file);
    }

    private static ObjectNode header(byte[] signingPublicKey, byte[] encryptionPublicKey, KdfParameters kdf, byte[] check, byte[] nonce) {
        ObjectNode header = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("signingPublicKey", b64(signingPublicKey))
                .put("encryptionPublicKey", b64(encryptionPublicKey));
        header.putObject("kdf")
                .put("name", "argon2id")
                .put("version", 19)
                .put("memoryKiB", kdf.memoryKiB())
                .put("iterations", kdf.iterations())
                .put("parallelism", kdf.parallelism())
                .put("salt", b64(kdf.salt()));
        header.put("passphraseCheck", b64(check));
        header.putObject("cipher").put("name", "AES-256-GCM").put("nonce", b64(nonce));
        return header;
    }

    private static ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KeystoreException("no keystore at " + file + ": run `techo keys init` first");
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText())) {
                throw damaged(file, "it is not a " + FORMAT + " file");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw damaged(file, "it is not valid JSON");
        }
    }

    private static PublicKeys publicKeys(ObjectNode stored, Path file) {
        return new PublicKeys(bytes(stored.path("signingPublicKey"), "signingPublicKey", file),
                bytes(stored.path("encryptionPublicKey"), "encryptionPublicKey", file));
    }

    private static KdfParameters kdf(JsonNode kdf, Path file) {
        if (!"argon2id".equals(kdf.path("name").asText()) || kdf.path("version").asInt() != 19
                || !kdf.path("memoryKiB").isInt() || !kdf.path("iterations").isInt() || !kdf.path("parallelism").isInt()) {
            throw damaged(file, "unknown key derivation settings");
        }
        KdfParameters parameters = new KdfParameters(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(),
                kdf.path("parallelism").asInt(), bytes(kdf.path("salt"), "kdf.salt", file));
        parameters.check();
        return parameters;
    }

    private static byte[] derive(byte[] master, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, null, info));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("AES-GCM is unavailable in this JVM", e);
        }
    }

    private static byte[] bytes(JsonNode node, String member, Path file) {
        if (!node.isTextual()) {
            throw damaged(file, "member " + member + " is missing");
        }
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw damaged(file, "member " + member + " is not base64");
        }
    }

    private static KeystoreException damaged(Path file, String why) {
        return new KeystoreException("the keystore " + file + " is damaged or was altered: " + why);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
