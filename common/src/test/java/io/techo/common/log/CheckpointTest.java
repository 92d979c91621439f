package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.techo.common.crypto.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP checkpoint bodies and signed checkpoints: round trips and every kind of tampering. */
class CheckpointTest {

    private static final byte[] ROOT = Hex.decode("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final NoteSigner SIGNER = NoteSigner.fromSeed("techo.example/log", new byte[32]);
    private static final NoteVerifier VERIFIER = NoteVerifier.fromVerifierKey(SIGNER.verifierKey());

    @Test
    void bodyHasOriginSizeRootAndExtensionLines() {
        Checkpoint checkpoint = new Checkpoint("techo.example/log", 8, ROOT, List.of("ext one", "ext two"));
        assertEquals("techo.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\next one\next two\n", checkpoint.body());
        assertEquals(checkpoint, Checkpoint.parse(checkpoint.body()));
    }

    @Test
    void signedCheckpointRoundTripsAndKeepsExtensions() {
        Checkpoint checkpoint = new Checkpoint("techo.example/log", 8, ROOT, List.of("x-anchor-hint abc"));
        Checkpoint verified = VERIFIER.verifyCheckpoint(SIGNER.sign(checkpoint));
        assertEquals(checkpoint, verified);
        assertEquals(8, verified.size());
        assertArrayEquals(ROOT, verified.root());
        assertEquals(List.of("x-anchor-hint abc"), verified.extensions());
    }

    @Test
    void refusesATamperedSignedCheckpoint() {
        String note = SIGNER.sign(new Checkpoint("techo.example/log", 8, ROOT));
        assertThrows(NoteVerificationException.class, () -> VERIFIER.verify(note.replace("\n8\n", "\n9\n")));
        assertThrows(NoteVerificationException.class, () -> VERIFIER.verify(note.replace("techo.example/log\n", "techo.example/lag\n")));
        assertThrows(NoteVerificationException.class, () -> VERIFIER.verify(note.replace("\n\n", "\nextra line\n\n")));
        NoteVerifier wrongKey = NoteVerifier.of("techo.example/log", NoteSigner.generate("x").publicKey());
        assertThrows(NoteVerificationException.class, () -> wrongKey.verify(note));
        String signatureLine = note.substring(note.indexOf("\n\n") + 2);
        String payload = signatureLine.substring(signatureLine.lastIndexOf(' ') + 1, signatureLine.length() - 1);
        byte[] bytes = java.util.Base64.getDecoder().decode(payload);
        String shortSignature = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThrows(NoteVerificationException.class, () -> VERIFIER.verify(note.replace(payload, shortSignature)));
        assertThrows(LogFormatException.class, () -> VERIFIER.verify(note.replace(payload, "not base64!")));
        assertThrows(LogFormatException.class, () -> VERIFIER.verify(note.replace("\n\n", "\n")));
    }

    @Test
    void refusesMalformedBodies() {
        String root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";
        String[] bad = {
            "", "techo.example/log\n8\n", "techo.example/log\n8\n" + root, "\n8\n" + root + "\n",
            "techo.example/log\n08\n" + root + "\n", "techo.example/log\n-8\n" + root + "\n",
            "techo.example/log\n99999999999999999999\n" + root + "\n", "techo.example/log\n8\nAAAA\n",
            "techo.example/log\n8\n" + root.replace("=", "") + "\n", "techo.example/log\n8\n" + root + "\n\n",
            "techo.example/log\n 8\n" + root + "\n",
        };
        for (String body : bad) {
            assertThrows(LogFormatException.class, () -> Checkpoint.parse(body), body);
        }
        assertThrows(LogFormatException.class, () -> new Checkpoint("a\nb", 1, ROOT));
        assertThrows(LogFormatException.class, () -> new Checkpoint("log", 1, new byte[31]));
        assertThrows(LogFormatException.class, () -> new Checkpoint("log", 1, ROOT, List.of("")));
    }
}
