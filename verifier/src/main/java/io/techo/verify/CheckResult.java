package io.techo.verify;

/**
 * One named check and its outcome.
 *
 * @param name the check's stable name ({@code ciphertext}, {@code object}, {@code leaf-data}, {@code inclusion},
 *     {@code checkpoint}, {@code chain})
 * @param status PASS, FAIL or SKIPPED
 * @param message what was checked, or why it failed, in plain language
 */
public record CheckResult(String name, CheckStatus status, String message) {

    static CheckResult pass(String name, String message) {
        return new CheckResult(name, CheckStatus.PASS, message);
    }

    static CheckResult fail(String name, String message) {
        return new CheckResult(name, CheckStatus.FAIL, message);
    }

    static CheckResult skipped(String name, String message) {
        return new CheckResult(name, CheckStatus.SKIPPED, message);
    }
}
