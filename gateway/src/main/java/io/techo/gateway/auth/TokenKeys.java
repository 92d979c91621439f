package io.techo.gateway.auth;

import io.techo.common.crypto.Ed25519;
import io.techo.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The gateway's Ed25519 key: it signs the access tokens (JWS EdDSA) and the login challenges. Loaded once from
 * {@code TECHO_GATEWAY_JWT_PRIVATE_KEY} (PEM text) or {@code TECHO_GATEWAY_JWT_PRIVATE_KEY_FILE}; the public half
 * (what the services are given as TECHO_JWT_PUBLIC_KEY) is derived from it.
 */
@Singleton
public class TokenKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the raw 32-byte key. */
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] rawPrivateKey;
    private final byte[] rawPublicKey;

    public TokenKeys(GatewayConfig config) {
        String pem = config.token().privateKey().filter(text -> !text.isBlank())
                .orElseGet(() -> readFile(config.token().privateKeyFile().orElseThrow(() -> new IllegalStateException(
                        "set TECHO_GATEWAY_JWT_PRIVATE_KEY (PEM) or TECHO_GATEWAY_JWT_PRIVATE_KEY_FILE"))));
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(derOf(pem)));
            rawPrivateKey = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the gateway key has no extractable seed"));
            rawPublicKey = Ed25519.publicKeyOf(rawPrivateKey);
            byte[] spki = new byte[X509_ED25519_PREFIX.length + Ed25519.KEY_BYTES];
            System.arraycopy(X509_ED25519_PREFIX, 0, spki, 0, X509_ED25519_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, spki, X509_ED25519_PREFIX.length, Ed25519.KEY_BYTES);
            publicKey = ed25519.generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the gateway token key is not a PEM PKCS#8 Ed25519 private key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs with the gateway key (the login challenges). */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(rawPrivateKey, message);
    }

    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(rawPublicKey, message, signature);
    }

    private static byte[] derOf(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gateway token key file " + path, e);
        }
    }
}
