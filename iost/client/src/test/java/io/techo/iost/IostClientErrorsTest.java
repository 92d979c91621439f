package io.techo.iost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the client maps what a node (or something in front of it) answers to typed, retry-aware errors. */
class IostClientErrorsTest {
    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private IostClient client() {
        return new IostClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private IostRejectedException rejected(int code, String message) {
        status = 400;
        body = "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
        return catchThrowableOfType(IostRejectedException.class, () -> client().getTxByHash("abc"));
    }

    @Test
    void nodeErrorsAreClassifiedWithTheirRetryability() {
        assertThat(rejected(2, "tx exists in chain").reason()).isEqualTo(IostRejectedException.Reason.DUPLICATE);
        assertThat(rejected(2, "VerifyError invalid chain_id, should be 1020, yours:1024").reason())
                .isEqualTo(IostRejectedException.Reason.CHAIN_ID);
        assertThat(rejected(2, "VerifyError publisher error").reason()).isEqualTo(IostRejectedException.Reason.INVALID_TX);
        assertThat(rejected(2, "TimeError: tx.time is expired(tx.time: 1, now: 2). Please sync time").retryable()).isFalse();
        IostRejectedException notFound = rejected(2, "tx not found");
        assertThat(notFound.reason()).isEqualTo(IostRejectedException.Reason.NOT_FOUND);
        assertThat(notFound.retryable()).isTrue();
        assertThat(notFound.code()).isEqualTo(2);
        assertThat(rejected(2, "txpool is full").retryable()).isTrue();
        assertThat(rejected(2, "gas not enough: user a has 0 < 1000").reason()).isEqualTo(IostRejectedException.Reason.GAS);
        assertThat(rejected(12, "Not Implemented").reason()).isEqualTo(IostRejectedException.Reason.NOT_IMPLEMENTED);
        assertThat(rejected(3, "proto: syntax error").reason()).isEqualTo(IostRejectedException.Reason.BAD_REQUEST);
    }

    @Test
    void serverErrorsAndUnreachableNodesAreRetryable() throws Exception {
        status = 503;
        body = "{\"code\":14,\"message\":\"unavailable\"}";
        assertThat(catchThrowableOfType(IostUnavailableException.class, () -> client().getChainInfo()).retryable()).isTrue();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IostClient nowhere = new IostClient(URI.create("http://127.0.0.1:" + closedPort));
        assertThat(catchThrowableOfType(IostUnavailableException.class, nowhere::getChainInfo).retryable()).isTrue();
    }

    @Test
    void answersThatAreNotTheGatewaysJsonAreProtocolErrors() {
        status = 200;
        body = "<html>proxy</html>";
        assertThat(catchThrowableOfType(IostProtocolException.class, () -> client().getChainInfo()).retryable()).isFalse();
        status = 400;
        body = "{\"error\":\"something else\"}";
        assertThat(catchThrowableOfType(IostProtocolException.class, () -> client().getChainInfo())).isNotNull();
        status = 404;
        body = "";
        assertThat(catchThrowableOfType(IostProtocolException.class, () -> client().getChainInfo())).isNotNull();
    }

    @Test
    void keysAndSignaturesRejectWhatTheNodeRejects() {
        KeyPair ed = KeyPair.ed25519FromSeed(new byte[32]);
        byte[] hash = Hashes.sha3(new byte[] {1});
        Signature sig = ed.sign(hash);
        assertThat(sig.verify(hash)).isTrue();
        assertThat(sig.verify(Hashes.sha3(new byte[] {2}))).isFalse();
        KeyPair k1 = KeyPair.secp256k1(new byte[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
        for (int i = 0; i < 200; i++) {
            byte[] h = Hashes.sha3(new byte[] {(byte) i});
            Signature s = k1.sign(h);
            assertThat(s.signature()).hasSize(64);
            assertThat(s.verify(h)).isTrue();
            // the high-S twin of a valid signature is refused, as go-iost's Verify does
            byte[] high = s.signature();
            java.math.BigInteger n = new java.math.BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
            java.math.BigInteger sv = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(high, 32, 64));
            System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(sv)), 0, high, 32, 32);
            assertThat(new Signature(Algorithm.SECP256K1, high, k1.publicKey()).verify(h)).isFalse();
        }
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> KeyPair.fromSecretKey(Algorithm.ED25519, Base58.encode(new byte[64])))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> KeyPair.secp256k1(new byte[32]))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Base58.decode("0OIl"))).isNotNull();
        assertThat(Base58.decode(Base58.encode(new byte[] {0, 0, 5}))).containsExactly(0, 0, 5);
    }
}
