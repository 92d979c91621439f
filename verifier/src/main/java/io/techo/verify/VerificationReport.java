package io.techo.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The results of verifying one confirmation, in the order the checks ran.
 *
 * @param checks every check, passed, failed or skipped
 */
public record VerificationReport(List<CheckResult> checks) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** True when no check failed (skipped checks do not count) and at least one ran. */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL)
                && checks.stream().anyMatch(c -> c.status() == CheckStatus.PASS);
    }

    /** The result of the check with this name. */
    public CheckResult check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no check named " + name));
    }

    /** One line per check and a verdict, for people. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (CheckResult check : checks) {
            text.append(String.format("%-7s %-10s %s%n", check.status(), check.name(), check.message()));
        }
        text.append(passed() ? "VERIFIED: every applicable check passed." : "NOT VERIFIED: at least one check failed.")
                .append(System.lineSeparator());
        return text.toString();
    }

    /** {@code {"verified": bool, "checks": [{"name","status","message"}]}}, for machines. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("verified", passed());
        ArrayNode array = root.putArray("checks");
        checks.forEach(c -> array.addObject().put("name", c.name()).put("status", c.status().name()).put("message", c.message()));
        return root.toPrettyString() + System.lineSeparator();
    }
}
