package io.techo.client.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) settings of a keystore. The defaults are RFC 9106's second recommended option (64 MiB,
 * 3 passes, 4 lanes); files may carry others within bounds, so a stronger setting can come later and a file
 * cannot make a reader allocate without limit.
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    public static final int SALT_BYTES = 16;
    static final int MIN_MEMORY_KIB = 19 * 1024;
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;

    public KdfParameters {
        salt = salt.clone();
    }

    public static KdfParameters recommended(byte[] salt) {
        return new KdfParameters(64 * 1024, 3, 4, salt);
    }

    /** @throws KeystoreException when the settings are outside what this reader accepts */
    void check() {
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
            throw new KeystoreException("the keystore's Argon2id memory (" + memoryKiB + " KiB) is outside "
                    + MIN_MEMORY_KIB + ".." + MAX_MEMORY_KIB + " KiB: the file was altered or is not ours");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS || parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new KeystoreException("the keystore's Argon2id passes or lanes are out of range: the file was altered or is not ours");
        }
        if (salt.length != SALT_BYTES) {
            throw new KeystoreException("the keystore's salt is not " + SALT_BYTES + " bytes: the file was altered or is not ours");
        }
    }

    /** 32 bytes derived from the passphrase. */
    byte[] derive(char[] passphrase) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[32];
        argon2.generateBytes(passphrase, out);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KdfParameters p && p.memoryKiB == memoryKiB && p.iterations == iterations
                && p.parallelism == parallelism && Arrays.equals(p.salt, salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + memoryKiB + iterations + parallelism;
    }
}
