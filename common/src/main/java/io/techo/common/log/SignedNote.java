package io.techo.common.log;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A signed note (c2sp.org/signed-note), parsed but not verified: a text ending in a newline, a blank line, then one or
 * more lines {@code — <key name> <base64(4-byte key hash ‖ signature)>}. Signatures cover exactly the text, its final
 * newline included. Verify with {@link NoteVerifier}; never act on the text of an unverified note.
 *
 * @param text the signed text
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Longest note accepted, in UTF-8 bytes: a checkpoint with a few signatures is well under 1 KiB. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Most signature lines accepted (as the Go reference, golang.org/x/mod/sumdb/note). */
    public static final int MAX_SIGNATURES = 100;
    static final String SIGNATURE_PREFIX = "\u2014 ";

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /**
     * Parses a note's syntax.
     *
     * @throws LogFormatException when the note is too long, has control characters, no blank line before the
     *     signatures, or a malformed signature line
     */
    public static SignedNote parse(String note) {
        if (note.length() > MAX_BYTES || utf8Length(note) > MAX_BYTES) {
            throw new LogFormatException("note is longer than " + MAX_BYTES + " bytes");
        }
        requireNoControlCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new LogFormatException("malformed note: no blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new LogFormatException("malformed note: signature lines must follow the blank line, each ending in a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new LogFormatException("malformed note: more than " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>(lines.length);
        for (String line : lines) {
            signatures.add(parseSignatureLine(line));
        }
        return new SignedNote(text, signatures);
    }

    /** The note text followed by its signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            note.append(signatureLine(signature)).append('\n');
        }
        return note.toString();
    }

    static String signatureLine(NoteSignature signature) {
        byte[] sig = signature.signature();
        byte[] payload = new byte[4 + sig.length];
        ByteBuffer.wrap(payload).putInt(signature.keyHash()).put(sig);
        return SIGNATURE_PREFIX + signature.name() + " " + Base64.getEncoder().encodeToString(payload);
    }

    /** A note's text: non-empty, ending in a newline, without blank lines or control characters other than newline. */
    static void requireValidText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n") || text.startsWith("\n")) {
            throw new LogFormatException("note text must be non-empty lines, each ending in a newline");
        }
        requireNoControlCharacters(text);
        utf8Length(text);
    }

    private static NoteSignature parseSignatureLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new LogFormatException("malformed note: a signature line starts with an em dash and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new LogFormatException("malformed note: a signature line has a key name, a space and a signature");
        }
        String name = rest.substring(0, space);
        byte[] payload = NoteKeys.decodeBase64(rest.substring(space + 1));
        if (!NoteKeys.isValidName(name)) {
            throw new LogFormatException("malformed note: invalid key name in a signature line");
        }
        if (payload == null || payload.length < 5) {
            throw new LogFormatException("malformed note: a signature is not base64 of a key hash and signature bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int keyHash = buffer.getInt();
        byte[] signature = new byte[buffer.remaining()];
        buffer.get(signature);
        return new NoteSignature(name, keyHash, signature);
    }

    private static void requireNoControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new LogFormatException("malformed note: control character U+%04X".formatted((int) c));
            }
        }
    }

    private static int utf8Length(String s) {
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s)).remaining();
        } catch (CharacterCodingException e) {
            throw new LogFormatException("malformed note: not valid Unicode text");
        }
    }
}
