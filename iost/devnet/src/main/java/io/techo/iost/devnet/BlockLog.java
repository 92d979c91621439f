package io.techo.iost.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain on disk: one JSON line per block in {@code chain.jsonl}, appended and never rewritten. A torn last line
 * (crash mid-write) is cut off on open; any other unreadable line stops the start (see ADR 0100).
 */
final class BlockLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BlockLog.class.getName());
    private final ObjectMapper json;
    private final Path file;
    private final FileChannel channel;

    private BlockLog(ObjectMapper json, Path file, FileChannel channel) {
        this.json = json;
        this.file = file;
        this.channel = channel;
    }

    static BlockLog open(Path dir, ObjectMapper json) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("chain.jsonl");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new BlockLog(json, file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the devnet chain in " + dir, e);
        }
    }

    /** Reads every stored block, cutting off a torn last line. */
    List<JsonNode> readAll() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<JsonNode> blocks = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    try {
                        blocks.add(json.readTree(line));
                    } catch (IOException e) {
                        throw new IllegalStateException("devnet chain " + file + " is corrupt at byte " + start
                                + "; move the data directory away to start a fresh chain", e);
                    }
                    start = i + 1;
                }
            }
            if (start < bytes.length) {
                LOG.log(System.Logger.Level.WARNING, "cutting off a torn last block ({0} bytes) in {1}", bytes.length - start, file);
                channel.truncate(start);
            }
            channel.position(start);
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the devnet chain " + file, e);
        }
    }

    /** Appends one block; with {@code durable} the call returns only once the line is on disk. */
    void append(JsonNode block, boolean durable) throws IOException {
        byte[] line = (json.writeValueAsString(block) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        if (durable) {
            channel.force(false);
        }
    }

    @Override
    public void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the devnet chain: " + e);
        }
    }
}
