package io.techo.client;

/** Told after each item of a multi-item operation (upload of several files, export). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total, item) -> {
    };

    /**
     * @param done items finished so far
     * @param total items in all
     * @param item what was just finished (a file name, a record id)
     */
    void progressed(int done, int total, String item);
}
