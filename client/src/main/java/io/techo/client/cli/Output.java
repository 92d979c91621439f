package io.techo.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.techo.client.GatewayHttp;
import java.util.List;
import java.util.function.Supplier;

/** Prints a command's result: the human text, or with {@code --json} one JSON document on stdout. */
final class Output {

    private final Terminal terminal;
    private final boolean json;

    Output(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** Prints {@code value} as JSON, or the text for people. */
    void result(Object value, Supplier<String> text) {
        if (json) {
            try {
                terminal.out().println(GatewayHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("result is not serializable", e);
            }
        } else {
            terminal.out().print(text.get());
        }
        terminal.out().flush();
    }

    /** A note for people on stderr (never mixed into JSON on stdout). */
    void note(String message) {
        terminal.err().println(message);
        terminal.err().flush();
    }

    /** Left-aligned columns; the header row first. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, header, widths);
        rows.forEach(row -> appendRow(text, row, widths));
        return text.toString();
    }

    private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = String.valueOf(cells.get(i));
            text.append(i == cells.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
        }
        text.append(System.lineSeparator());
    }
}
