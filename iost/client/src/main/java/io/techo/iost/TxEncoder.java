package io.techo.iost;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** go-iost {@code common/serialize.go SimpleEncoder}: big-endian integers, int32 length prefixes. */
final class TxEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    TxEncoder writeByte(int b) {
        out.write(b);
        return this;
    }

    TxEncoder writeInt32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    TxEncoder writeInt64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    TxEncoder writeBytes(byte[] b) {
        writeInt32(b.length);
        out.writeBytes(b);
        return this;
    }

    TxEncoder writeString(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    TxEncoder writeStringSlice(List<String> items) {
        writeInt32(items.size());
        items.forEach(this::writeString);
        return this;
    }

    /** A slice of nested encodings, each written as length-prefixed bytes. */
    <T> TxEncoder writeSlice(List<T> items, Function<T, byte[]> encode) {
        writeInt32(items.size());
        items.forEach(item -> writeBytes(encode.apply(item)));
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
