package io.techo.client.cli;

import io.techo.client.AnchorInfo;
import io.techo.client.Profile;
import io.techo.client.TechoClient;
import io.techo.verify.VerificationReport;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = {"Prove a record's existence from the IOST chain: its signed header, the log's inclusion proof,",
    "the signed checkpoint and the IRREVERSIBLE anchor transaction, checked against the pinned log key and an IOST node.",
    "Exit code 0 when every check passes, 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The record id.")
    UUID recordId;

    @Option(names = "--log-key", paramLabel = "KEY", description = {"The log's verifier key to pin (from your operator's published",
        "key). Without it the pinned one is used; on first use the deployment's announced key is pinned, with a warning."})
    String logKey;

    @Option(names = "--iost-url", paramLabel = "URL", description = "Any IOST node of the chain (default: $TECHO_IOST_URL, else "
            + CliContext.DEFAULT_IOST_NODE + ").")
    String iostUrl;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "PT0S", converter = DurationConverter.class,
            description = "Wait up to this long (e.g. 60s) for the anchor to become IRREVERSIBLE.")
    Duration wait;

    @Option(names = "--purpose", paramLabel = "CODE", description = "Why you read it (HL7 PurposeOfUse; default TREAT). Clinicians only.")
    String purpose;

    private final CliContext context;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        URI iostNode = iostNode();
        TechoClient client = context.client();
        if (!wait.isZero()) {
            String status = client.awaitIrreversible(recordId, wait);
            if (!AnchorInfo.IRREVERSIBLE.equals(status)) {
                context.output().note("techo: record " + recordId + " is still " + status + " after " + wait.toSeconds() + " s");
            }
        }
        VerificationReport report = client.verify(recordId, purpose, pinnedLogKey(client), iostNode);
        if (context.output().json()) {
            context.terminal().out().print(report.toJson());
            context.terminal().out().flush();
        } else {
            context.output().result(report, report::toText);
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String pinnedLogKey(TechoClient client) {
        Profile profile = context.profile();
        if (logKey != null) {
            profile.saveLogKey(logKey);
            return logKey;
        }
        return profile.logKey().orElseGet(() -> {
            String announced = client.announcedLogKey();
            profile.saveLogKey(announced);
            context.output().note("techo: pinned the log key the deployment announces, " + announced
                    + "; compare it with the key your operator publishes (or pass --log-key)");
            return announced;
        });
    }

    private URI iostNode() {
        String url = iostUrl != null ? iostUrl : context.env("TECHO_IOST_URL") != null ? context.env("TECHO_IOST_URL")
                : CliContext.DEFAULT_IOST_NODE;
        return Urls.http("--iost-url", url);
    }

    /** {@code 60s}, {@code 2m}, or ISO-8601 {@code PT60S}. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                if (value.matches("\\d+[smh]")) {
                    long amount = Long.parseLong(value.substring(0, value.length() - 1));
                    return switch (value.charAt(value.length() - 1)) {
                        case 's' -> Duration.ofSeconds(amount);
                        case 'm' -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    };
                }
                return Duration.parse(value);
            } catch (RuntimeException e) {
                throw new picocli.CommandLine.TypeConversionException("not a duration (60s, 2m or PT60S): " + value);
            }
        }
    }
}
