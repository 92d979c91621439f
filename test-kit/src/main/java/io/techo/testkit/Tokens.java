package io.techo.testkit;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Mints the JWTs the gateway will mint, signed with the TEST-ONLY key in src/test/resources
 * (its public half is the verification key of the %test profile).
 */
public final class Tokens {

    public static final String ISSUER = "techo-test-issuer";
    private static final PrivateKey TEST_SIGNING_KEY = loadTestSigningKey();

    private Tokens() {
    }

    /** A patient's token carrying the device key as {@code cnf.jwk}. */
    public static String forDevice(String accountId, byte[] deviceEd25519PublicKey) {
        return forDevice(accountId, "patient", deviceEd25519PublicKey);
    }

    /** A token of the given role ({@code patient}, {@code clinician}, {@code operator}) carrying the device key. */
    public static String forDevice(String accountId, String role, byte[] deviceEd25519PublicKey) {
        return claims(accountId, role)
                .claim("cnf", Map.of("jwk", Map.of("kty", "OKP", "crv", "Ed25519",
                        "x", Base64.getUrlEncoder().withoutPadding().encodeToString(deviceEd25519PublicKey))))
                .jws().algorithm(SignatureAlgorithm.EDDSA).sign(TEST_SIGNING_KEY);
    }

    /** A token without a device key. */
    public static String withoutDeviceKey(String accountId) {
        return claims(accountId, "patient").jws().algorithm(SignatureAlgorithm.EDDSA).sign(TEST_SIGNING_KEY);
    }

    /** An operator's token. */
    public static String operator(String accountId) {
        return claims(accountId, "operator").jws().algorithm(SignatureAlgorithm.EDDSA).sign(TEST_SIGNING_KEY);
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String signedByStranger(String accountId) {
        try {
            PrivateKey stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
            return claims(accountId, "patient").jws().algorithm(SignatureAlgorithm.EDDSA).sign(stranger);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token whose lifetime already ended. */
    public static String expired(String accountId) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return Jwt.issuer(ISSUER).subject(accountId).groups("patient").issuedAt(past - 600).expiresAt(past)
                .jws().algorithm(SignatureAlgorithm.EDDSA).sign(TEST_SIGNING_KEY);
    }

    private static JwtClaimsBuilder claims(String accountId, String role) {
        return Jwt.issuer(ISSUER).subject(accountId).groups(role).expiresIn(600);
    }

    private static PrivateKey loadTestSigningKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-only-jwt-signing-key.pem")) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test signing key", e);
        }
    }
}
