package io.techo.deploy.check;

/** One broken rule: where (a file of the repository, relative to its root), which rule, and what is wrong. */
public record Violation(String file, String rule, String message) {

    @Override
    public String toString() {
        return file + ": [" + rule + "] " + message;
    }
}
