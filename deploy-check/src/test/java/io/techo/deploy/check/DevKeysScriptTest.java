package io.techo.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/dev-keys.sh makes the log's checkpoint key in the C2SP signed-note format that anchor-service reads from
 * TECHO_LOG_SIGNING_KEY: the key hash is right and the private and verifier keys belong together.
 */
class DevKeysScriptTest {

    @Test
    void logSigningKeyIsAValidSignedNoteKeyPair(@TempDir Path keys) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "source deploy/dev-keys.sh && ensure_log_signing_key example.org/log");
        builder.environment().put("TECHO_KEYS", keys.toString());
        Process run = builder.directory(Repository.ROOT.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String file = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isZero();
        assertThat(Path.of(file)).startsWith(keys);

        // names and hashes hold no '+', base64 may
        String[] privateKey = Files.readString(Path.of(file)).trim().split("\\+", 5);
        String[] verifierKey = Files.readString(Path.of(file + ".pub")).trim().split("\\+", 3);
        assertThat(privateKey).hasSize(5);
        assertThat(privateKey[0] + "+" + privateKey[1]).isEqualTo("PRIVATE+KEY");
        assertThat(privateKey[2]).isEqualTo("example.org/log").isEqualTo(verifierKey[0]);
        assertThat(privateKey[3]).isEqualTo(verifierKey[1]).hasSize(8);
        byte[] seed = Base64.getDecoder().decode(privateKey[4]);
        byte[] publicKey = Base64.getDecoder().decode(verifierKey[2]);
        assertThat(seed).hasSize(33).startsWith((byte) 1);
        assertThat(publicKey).hasSize(33).startsWith((byte) 1);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("example.org/log\n".getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha256.digest(publicKey);
        assertThat(HexFormat.of().formatHex(hash, 0, 4)).isEqualTo(privateKey[3]);

        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(ed25519.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                Arrays.copyOfRange(seed, 1, 33))));
        byte[] message = "example.org/log\n1\nAAAA\n".getBytes(StandardCharsets.UTF_8);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(ed25519.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                point(Arrays.copyOfRange(publicKey, 1, 33)))));
        verifier.update(message);
        assertThat(verifier.verify(signature)).as("the verifier key belongs to the private key").isTrue();
    }

    /** RFC 8032 encoding (little-endian y, x's sign in the top bit) to the JDK's point. */
    private static EdECPoint point(byte[] encoded) {
        byte[] reversed = new byte[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            reversed[i] = encoded[encoded.length - 1 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        return new EdECPoint(xOdd, new BigInteger(1, reversed));
    }
}
