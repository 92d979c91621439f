package io.techo.iost.devnet;

import static io.techo.iost.devnet.DevnetFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.IostClient;
import io.techo.iost.Transaction;
import io.techo.iost.TxJson;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official SDK (npm {@code iost}, version from the pom) signs and sends an anchor tx to the devnet and waits with
 * its own receipt polling; the tx must be accepted, packed and irreversible, and the hash the devnet reports must be
 * the hash the Java client computes from the exact body the SDK posted. The SDK is installed by this test; if npm
 * cannot install it the test fails (it does not skip).
 */
class IostJsCompatibilityTest {
    static Path sdkDir;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void installSdk() throws Exception {
        String version = System.getProperty("iostjs.version", "0.1.22");
        sdkDir = Path.of(System.getProperty("iostjs.dir", "target/iostjs"));
        Path installed = sdkDir.resolve("node_modules/iost/package.json");
        if (Files.exists(installed)
                && new ObjectMapper().readTree(installed.toFile()).path("version").asText().equals(version)) {
            return;
        }
        Files.createDirectories(sdkDir);
        Run npm = run(sdkDir, 240, "npm", "install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error",
                "--prefix", sdkDir.toAbsolutePath().toString(), "iost@" + version);
        assertThat(npm.exit).as("npm install iost@%s failed:%n%s", version, npm.output).isZero();
        assertThat(installed).exists();
    }

    @Test
    void aTxSignedAndSentByIostJsIsAcceptedPackedIrreversibleWithTheJavaHash() throws Exception {
        Path script = sdkDir.resolve("send-anchor.js");
        try (InputStream in = getClass().getResourceAsStream("/iostjs/send-anchor.js")) {
            Files.write(script, in.readAllBytes());
        }
        try (Devnet devnet = DevnetFixture.start(dataDir)) {
            Run node = run(sdkDir, 60, "node", script.toAbsolutePath().toString(), devnet.uri().toString(),
                    String.valueOf(devnet.chainId()), CONTRACT, ANCHORER, ANCHOR_KEY.secretKeyBase58(), "iostjs.log", ROOT_A);
            assertThat(node.exit).as("iost.js run failed:%n%s", node.output).isZero();
            JsonNode result = new ObjectMapper().readTree(lastLine(node.output));

            // iost.js saw the receipt through its own polling of getTxReceiptByTxHash
            assertThat(result.path("receipt").path("status_code").asText()).isEqualTo("SUCCESS");
            String hash = result.path("hash").asText();
            Transaction posted = TxJson.fromRequest(result.get("body"));
            assertThat(posted.hashBase58()).isEqualTo(hash);
            assertThat(posted.publisherSigs()).singleElement().satisfies(s -> assertThat(s.verify(posted.publishHash())).isTrue());

            IostClient client = client(devnet);
            TxResponse r = client.getTxByHash(hash);
            assertThat(r.status()).isEqualTo(TxResponse.Status.IRREVERSIBLE);
            assertThat(r.blockNumber()).isPositive();
            assertThat(client.getBlockByNumber(r.blockNumber(), true).block().transactions())
                    .extracting(t -> t.hash()).contains(hash);
            TxReceipt receipt = client.getTxReceiptByTxHash(hash);
            assertThat(receipt.succeeded()).isTrue();
            assertThat(receipt.receipts().get(0).content()).contains("\"origin\":\"iostjs.log\"", "\"size\":3");
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("NODE_PATH", dir.resolve("node_modules").toAbsolutePath().toString());
        Process p = pb.start();
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return finished ? new Run(p.exitValue(), output)
                : new Run(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n" + output);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
