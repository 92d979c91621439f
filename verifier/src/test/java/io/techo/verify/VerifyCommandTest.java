package io.techo.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventJson;
import io.techo.iost.IostClient;
import io.techo.iost.devnet.Devnet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, output forms, export and offline verification, and clear usage errors. */
class VerifyCommandTest {

    @TempDir
    static Path dir;
    static Devnet devnet;
    static String url;
    static String logKey;
    static Path confirmation;
    static Path ciphertext;

    @BeforeAll
    static void anchorALog() throws Exception {
        devnet = AnchoredLogFixture.startDevnet(dir.resolve("devnet"));
        url = devnet.uri().toString();
        AnchorConfirmed genuine = AnchoredLogFixture.anchorAndConfirm(new IostClient(devnet.uri()), "techo.test/cli");
        confirmation = Files.writeString(dir.resolve("confirmation.json"), EventJson.write(genuine));
        ciphertext = Files.write(dir.resolve("record.bin"), AnchoredLogFixture.TARGET_CIPHERTEXT);
        logKey = AnchoredLogFixture.LOG_KEY.verifierKey();
    }

    @AfterAll
    static void stopDevnet() {
        devnet.close();
    }

    @Test
    void aGenuineConfirmationExitsZeroWithAReadableReport() {
        Run run = run("--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url,
                "--ciphertext", ciphertext.toString());
        assertThat(run.exitCode).as(run.out + run.err).isZero();
        assertThat(run.out).contains("PASS    ciphertext").contains("PASS    chain").contains("VERIFIED");
        assertThat(run.err).isEmpty();
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        Run run = run("--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url, "--json");
        assertThat(run.exitCode).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out);
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("checks")).hasSize(6);
        assertThat(report.get("checks").get(0).get("status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void exportedChainDataVerifiesOfflineAndAnEditedCopyDoesNot() throws Exception {
        Path bundle = dir.resolve("chain.json");
        assertThat(run("--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url,
                "--export-chain-data", bundle.toString()).exitCode).isZero();
        assertThat(run("--confirmation", confirmation.toString(), "--log-key", logKey, "--chain-data", bundle.toString())
                .exitCode).isZero();
        Files.writeString(bundle, Files.readString(bundle).replace("IRREVERSIBLE", "PACKED"));
        Run edited = run("--confirmation", confirmation.toString(), "--log-key", logKey, "--chain-data", bundle.toString());
        assertThat(edited.exitCode).isEqualTo(1);
        assertThat(edited.out).contains("FAIL    chain").contains("not IRREVERSIBLE");
    }

    @Test
    void aTamperedConfirmationExitsOne() throws Exception {
        Path tampered = Files.writeString(dir.resolve("tampered.json"),
                Files.readString(confirmation).replace("\"leafIndex\":4", "\"leafIndex\":3"));
        Run run = run("--confirmation", tampered.toString(), "--log-key", logKey, "--iost-url", url);
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("FAIL    inclusion").contains("NOT VERIFIED");
    }

    @Test
    void anotherCiphertextExitsOne() {
        Run run = run("--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url,
                "--ciphertext-sha256", "00".repeat(32));
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("FAIL    ciphertext");
    }

    @Test
    void anUnreachableNodeFailsTheChainCheckWithoutAStackTrace() {
        Run run = run("--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", "http://127.0.0.1:1");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("FAIL    chain").contains("unreachable");
        assertThat(run.out + run.err).doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitTwoWithAClearMessage() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        String[][] cases = {
            {},
            {"--log-key", logKey, "--iost-url", url},
            {"--confirmation", confirmation.toString(), "--iost-url", url},
            {"--confirmation", confirmation.toString(), "--log-key", logKey},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url, "--chain-data", "x"},
            {"--confirmation", confirmation.toString(), "--log-key", "not-a-key", "--iost-url", url},
            {"--confirmation", dir.resolve("missing.json").toString(), "--log-key", logKey, "--iost-url", url},
            {"--confirmation", garbage.toString(), "--log-key", logKey, "--iost-url", url},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--chain-data", dir.resolve("none").toString()},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", "ftp://x"},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url, "--ciphertext-sha256", "abc"},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url, "--ciphertext", "/nonexistent"},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--chain-data", "x", "--export-chain-data", "y"},
            {"--confirmation", confirmation.toString(), "--log-key", logKey, "--iost-url", url, "--frobnicate"},
            {"--confirmation"},
        };
        for (String[] args : cases) {
            Run run = run(args);
            assertThat(run.exitCode).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err).startsWith("techo-verify: ").contains("usage:").doesNotContain("\tat ");
            assertThat(run.out).isEmpty();
        }
        assertThat(run().err).contains("--confirmation is required");
        assertThat(run("--confirmation", confirmation.toString(), "--log-key", "not-a-key", "--iost-url", url).err)
                .contains("--log-key is not a verifier key");
    }

    @Test
    void helpExitsZero() {
        Run run = run("--help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("usage: techo-verify");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> list = new ArrayList<>(List.of(args));
        int exitCode = VerifyCommand.run(list.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }
}
