package io.techo.testkit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A fresh Ed25519 token-signing key for one test run (the gateway signs with it, the services trust it), as PEM. */
public final class TokenKeys {

    private TokenKeys() {
    }

    public static KeyPair newEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicPem(KeyPair key) {
        return pem("PUBLIC KEY", key.getPublic().getEncoded());
    }

    public static String privatePem(KeyPair key) {
        return pem("PRIVATE KEY", key.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
