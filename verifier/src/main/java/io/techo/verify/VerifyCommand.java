package io.techo.verify;

import io.techo.common.crypto.Digests;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventJson;
import io.techo.common.log.NoteVerifier;
import io.techo.iost.IostClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code techo-verify}: verifies one anchor confirmation from the command line (the future {@code techo verify}).
 * Exit code 0 when every applicable check passes, 1 when one fails, 2 for usage errors and unreadable input; never a
 * stack trace.
 */
public final class VerifyCommand {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE_ERROR = 2;

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with the given streams and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(VerifyOptions.USAGE);
            return VERIFIED;
        }
        try {
            VerifyOptions options = VerifyOptions.parse(args);
            VerificationReport report = verify(options);
            out.print(options.json() ? report.toJson() : report.toText());
            return report.passed() ? VERIFIED : NOT_VERIFIED;
        } catch (UsageException e) {
            err.println("techo-verify: " + e.getMessage());
            err.print(VerifyOptions.USAGE);
            return USAGE_ERROR;
        } catch (RuntimeException e) {
            // a bug, not bad input: still one line for the user, never a stack trace
            err.println("techo-verify: could not verify: " + e);
            return USAGE_ERROR;
        }
    }

    private static VerificationReport verify(VerifyOptions options) throws UsageException {
        NoteVerifier logKey = logKey(options.logKey());
        AnchorConfirmed confirmation = confirmation(options.confirmation());
        String ciphertextSha256 = options.ciphertext() != null
                ? Digests.sha256Hex(readFile(options.ciphertext(), "--ciphertext"))
                : options.ciphertextSha256();
        ChainSource chain;
        if (options.iostUrl() != null) {
            ChainSource node = ChainSource.node(new IostClient(options.iostUrl()));
            chain = options.exportChainData() == null ? node : txHash -> {
                ChainData data = node.load(txHash);
                ChainBundle.write(data, options.exportChainData());
                return data;
            };
        } else {
            if (!Files.isReadable(options.chainData())) {
                throw new UsageException("cannot read --chain-data file " + options.chainData());
            }
            chain = ChainSource.bundle(options.chainData());
        }
        return new ConfirmationVerifier(logKey).verify(confirmation, ciphertextSha256, chain);
    }

    private static NoteVerifier logKey(String vkey) throws UsageException {
        try {
            return NoteVerifier.fromVerifierKey(vkey);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-key is not a verifier key: " + e.getMessage());
        }
    }

    private static AnchorConfirmed confirmation(Path file) throws UsageException {
        String json = new String(readFile(file, "--confirmation"), StandardCharsets.UTF_8);
        try {
            AnchorConfirmed confirmation = EventJson.read(json, AnchorConfirmed.class);
            if (confirmation == null || confirmation.anchor() == null) {
                throw new UsageException("--confirmation file " + file + " has no anchor: it is not a confirmation");
            }
            return confirmation;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--confirmation file " + file + " is not a techo.anchor.confirmed event's data");
        }
    }

    private static byte[] readFile(Path file, String option) throws UsageException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + option + " file " + file);
        }
    }
}
