package io.techo.common.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A C2SP {@code tlog-checkpoint} body: the log's origin line, the tree size in decimal, the base64 root hash, then
 * optional extension lines, each line ending in a newline. It is the text of a signed note ({@link NoteSigner}).
 * Immutable.
 */
public final class Checkpoint {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    private final String origin;
    private final long size;
    private final byte[] root;
    private final List<String> extensions;

    /**
     * @param origin the log's unique name (non-empty, one line)
     * @param size the tree size
     * @param root the tree's 32-byte root hash
     * @param extensions further non-empty lines, kept in order
     */
    public Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
        this.origin = requireLine(origin, "origin");
        if (size < 0) {
            throw new LogFormatException("checkpoint size must not be negative");
        }
        this.size = size;
        if (root == null || root.length != MerkleHashes.HASH_BYTES) {
            throw new LogFormatException("checkpoint root must be " + MerkleHashes.HASH_BYTES + " bytes");
        }
        this.root = root.clone();
        this.extensions = List.copyOf(extensions);
        this.extensions.forEach(line -> requireLine(line, "extension line"));
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    /**
     * Parses a checkpoint body (the text of a signed note, ending in a newline).
     *
     * @throws LogFormatException when a line is missing or malformed
     */
    public static Checkpoint parse(String body) {
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new LogFormatException("a checkpoint body ends with a newline");
        }
        List<String> lines = List.of(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new LogFormatException("a checkpoint has at least three lines: origin, size, root");
        }
        if (!DECIMAL.matcher(lines.get(1)).matches()) {
            throw new LogFormatException("checkpoint size must be a decimal number without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines.get(1));
        } catch (NumberFormatException e) {
            throw new LogFormatException("checkpoint size is too large");
        }
        return new Checkpoint(lines.get(0), size, decodeRoot(lines.get(2)), lines.subList(3, lines.size()));
    }

    /** The note text: {@code <origin>\n<size>\n<base64 root>\n} and one line per extension. */
    public String body() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        return root.clone();
    }

    public List<String> extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && other.size == size && other.origin.equals(origin)
                && Arrays.equals(other.root, root) && other.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint{" + origin + " size=" + size + "}";
    }

    private static byte[] decodeRoot(String line) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new LogFormatException("checkpoint root is not standard base64");
        }
        if (root.length != MerkleHashes.HASH_BYTES || !Base64.getEncoder().encodeToString(root).equals(line)) {
            throw new LogFormatException("checkpoint root must be the canonical base64 of 32 bytes");
        }
        return root;
    }

    private static String requireLine(String line, String what) {
        if (line == null || line.isEmpty()) {
            throw new LogFormatException("checkpoint " + what + " must not be empty");
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) < 0x20) {
                throw new LogFormatException("checkpoint " + what + " must be one line without control characters");
            }
        }
        return line;
    }
}
