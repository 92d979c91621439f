package io.techo.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.techo.common.resilience.CircuitBreaker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final Upstream NODE = new Upstream("iost-node", URI.create("http://127.0.0.1:30001"), Duration.ofSeconds(1),
            new CircuitBreaker(5, Duration.ofSeconds(1), Clock.systemUTC()), new Admission(8));

    @Test
    void aChainRouteRewritesItsPrefixAndMatchesWholeSegmentsOnly() {
        Routes.Route route = new Routes.Route("/api/v1/chain/tx", NODE, false, "/getTxByHash");
        assertThat(route.upstreamPath("/api/v1/chain/tx/9Bc9L8fa")).isEqualTo("/getTxByHash/9Bc9L8fa");
        assertThat(route.matches("/api/v1/chain/tx/9Bc9L8fa")).isTrue();
        assertThat(route.matches("/api/v1/chain/tx")).isTrue();
        assertThat(route.matches("/api/v1/chain/txx")).isFalse();
        assertThat(route.matches("/api/v1/chain")).isFalse();
        assertThat(new Routes.Route("/api/v1/records", NODE, false).upstreamPath("/api/v1/records/1")).isEqualTo("/api/v1/records/1");
    }
}
