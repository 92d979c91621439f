package io.techo.client.cli;

import io.techo.client.ProgressListener;

/** "[3/10] name" redrawn in place on stderr, only when it is a terminal; nothing otherwise. */
final class ProgressBar implements ProgressListener {

    private final Terminal terminal;
    private final String action;

    ProgressBar(Terminal terminal, String action) {
        this.terminal = terminal;
        this.action = action;
    }

    static ProgressListener on(Terminal terminal, String action) {
        return terminal.interactive() ? new ProgressBar(terminal, action) : ProgressListener.NONE;
    }

    @Override
    public void progressed(int done, int total, String item) {
        int width = 24;
        int filled = total == 0 ? width : done * width / total;
        terminal.err().printf("\r%s [%s%s] %d/%d %s\033[K", action, "#".repeat(filled), ".".repeat(width - filled), done, total, item);
        if (done == total) {
            terminal.err().println();
        }
        terminal.err().flush();
    }
}
