package io.techo.anchor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.iost.IostClient;
import io.techo.iost.rpc.Account;
import io.techo.testkit.ExternalOrContainerInfra;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The anchoring account's gauges show what the IOST node (the devnet, over HTTP) reports for the account. */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DevnetResource.class, restrictToAnnotatedClass = false)
class AccountGaugesTest {

    @ConfigProperty(name = "techo.anchor.iost.account")
    String account;

    @Test
    void gaugesEqualTheNodesAccountDataOnceAnchoringHasSpentGas() {
        IostClient node = new IostClient(DevnetResource.devnet().uri());
        double genesisGas = node.getAccount(account, true).gasInfo().limit();
        TestEvents.send(List.of(TestEvents.recordStored("pat-" + UUID.randomUUID()).message()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> node.getAccount(account, true).gasInfo().currentTotal() < genesisGas);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Account onChain = node.getAccount(account, true);
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(gauge(metrics, "techo_anchor_account_gas")).isCloseTo(onChain.gasInfo().currentTotal(), within(1e-3));
            assertThat(gauge(metrics, "techo_anchor_account_balance")).isCloseTo(onChain.balance(), within(1e-9));
            assertThat(gauge(metrics, "techo_anchor_account_ram_available_bytes")).isEqualTo(onChain.ramInfo().available());
            assertThat(gauge(metrics, "techo_anchor_account_ram_used_bytes")).isEqualTo(onChain.ramInfo().used());
        });
    }

    private double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{account=\"" + account + "\"} (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("%s{account=%s} in /q/metrics", name, account).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
