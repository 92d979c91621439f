package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys, signing and verification against the Go reference's vectors (resources/signed-note/README.md). */
class SignedNoteTest {

    private static JsonNode go;
    private static String text;
    private static String peterLine;
    private static String enochLine;
    private static NoteVerifier peter;

    @BeforeAll
    static void loadVectors() throws IOException {
        try (InputStream in = SignedNoteTest.class.getResourceAsStream("/signed-note/go-note-vectors.json")) {
            go = new ObjectMapper().readTree(in);
        }
        text = go.get("text").asText();
        peterLine = go.get("peterSignatureLine").asText();
        enochLine = go.get("enochSignatureLine").asText();
        peter = NoteVerifier.fromVerifierKey(go.get("peterVerifierKey").asText());
    }

    @Test
    void signsByteForByteAsTheGoReference() {
        NoteSigner signer = NoteSigner.fromSignerKey(go.get("peterSignerKey").asText());
        assertEquals(go.get("signedByPeter").asText(), signer.sign(text));
        assertEquals(go.get("peterSignerKey").asText(), signer.signerKey());
        assertEquals(go.get("peterVerifierKey").asText(), signer.verifierKey());
        assertEquals(0xc74f20a3, signer.keyHash());
    }

    @Test
    void verifiesTheGoReferenceNoteAndIgnoresUnknownKeys() {
        assertEquals(text, peter.verify(go.get("signedByPeter").asText()));
        assertEquals(text, peter.verify(text + "\n" + enochLine + peterLine));
        assertEquals(text, NoteVerifier.fromVerifierKey(go.get("enochVerifierKey").asText())
                .verify(text + "\n" + peterLine + enochLine));
    }

    @Test
    void refusesANoteWithoutASignatureByThePinnedKey() {
        NoteVerificationException e = assertThrows(NoteVerificationException.class, () -> peter.verify(text + "\n" + enochLine));
        assertTrue(e.getMessage().contains("no signature by key PeterNeumann+c74f20a3"), e.getMessage());
    }

    @Test
    void refusesAnInvalidSignatureAsTheGoReferenceDoes() {
        String corrupted = peterLine.substring(0, 60) + "ABCD" + peterLine.substring(60);
        assertThrows(NoteVerificationException.class, () -> peter.verify(text + "\n" + corrupted));
        String flipped = peterLine.replace("x08go/ZJkuBS9UG", "x08go/ZJkuBS9UH");
        assertThrows(NoteVerificationException.class, () -> peter.verify(text + "\n" + flipped));
        assertThrows(NoteVerificationException.class, () -> peter.verify(text.replace("think", "thinks") + "\n" + peterLine));
    }

    @Test
    void refusesTheGoReferencesMalformedNotes() {
        String[] bad = {
            text,
            text + "\n",
            text + "\n" + peterLine.substring(0, peterLine.length() - 1),
            "\u0001" + text + "\n" + peterLine,
            text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            text + "\n" + peterLine + "Unexpected line.\n",
            text + "\n" + peterLine.repeat(101),
            text + "\n" + peterLine.replace("—", "--"),
            text + "\n" + peterLine.replace("x08go", "x08g!"),
        };
        for (String note : bad) {
            assertThrows(LogFormatException.class, () -> peter.verify(note), note);
        }
    }

    @Test
    void refusesANoteTooLongToBeACheckpoint() {
        String longText = ("x".repeat(100) + "\n").repeat(700);
        NoteSigner signer = NoteSigner.fromSignerKey(go.get("peterSignerKey").asText());
        String note = signer.sign(longText);
        LogFormatException e = assertThrows(LogFormatException.class, () -> peter.verify(note));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void refusesEveryManglingOfTheVerifierAndSignerKeys() {
        refuseManglings(go.get("peterVerifierKey").asText(), NoteVerifier::fromVerifierKey);
        refuseManglings(go.get("peterSignerKey").asText(), NoteSigner::fromSignerKey);
        go.get("badVerifierKeys").forEach(key ->
                assertThrows(LogFormatException.class, () -> NoteVerifier.fromVerifierKey(key.asText()), key.asText()));
    }

    @Test
    void refusesSigningTextThatIsNotANoteText() {
        NoteSigner signer = NoteSigner.generate("techo.example/log");
        for (String badText : new String[] {"", "abc", "a\n\nb\n", "\n", "tab\there\n"}) {
            assertThrows(LogFormatException.class, () -> signer.sign(badText), badText);
        }
        assertThrows(LogFormatException.class, () -> NoteSigner.generate("bad name"));
        assertThrows(LogFormatException.class, () -> NoteSigner.generate("a+b"));
    }

    /** Every proper substring and every single-character increment, as the Go tests do. */
    private static void refuseManglings(String key, java.util.function.Function<String, ?> parse) {
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    String part = key.substring(i, j);
                    assertThrows(LogFormatException.class, () -> parse.apply(part), part);
                }
            }
        }
        char[] chars = key.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String mangled = new String(chars);
            assertThrows(LogFormatException.class, () -> parse.apply(mangled), mangled);
            chars[i]--;
        }
    }
}
