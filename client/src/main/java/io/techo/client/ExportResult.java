package io.techo.client;

import java.nio.file.Path;

/** What an export wrote: how many records, and how many of them carry a final anchor proof. */
public record ExportResult(Path file, int records, int withProof) {
}
