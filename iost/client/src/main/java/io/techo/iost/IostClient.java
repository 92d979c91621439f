package io.techo.iost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.rpc.Account;
import io.techo.iost.rpc.BlockResponse;
import io.techo.iost.rpc.ChainInfo;
import io.techo.iost.rpc.ContractStorage;
import io.techo.iost.rpc.ContractStorageRequest;
import io.techo.iost.rpc.RpcJson;
import io.techo.iost.rpc.SendTxResponse;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Client of an IOST node's HTTP/JSON gateway (default port 30001). Thread-safe. Every failure is an
 * {@link IostException} that says whether retrying can help.
 */
public final class IostClient {
    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = RpcJson.mapper();

    public IostClient(URI endpoint) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(10));
    }

    public IostClient(URI endpoint, HttpClient http, Duration timeout) {
        String base = endpoint.toString();
        this.endpoint = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public URI endpoint() {
        return endpoint;
    }

    public ChainInfo getChainInfo() {
        return get("getChainInfo", ChainInfo.class);
    }

    /** Submits a signed tx; returns the node's response, whose hash equals {@link Transaction#hashBase58()}. */
    public SendTxResponse sendTx(Transaction tx) {
        return post("sendTx", TxJson.toRequest(tx), SendTxResponse.class);
    }

    public TxResponse getTxByHash(String hashBase58) {
        return get("getTxByHash/" + segment(hashBase58), TxResponse.class);
    }

    /** Answers only once the tx is irreversible; before that the node rejects with {@code NOT_FOUND} (retryable). */
    public TxReceipt getTxReceiptByTxHash(String hashBase58) {
        return get("getTxReceiptByTxHash/" + segment(hashBase58), TxReceipt.class);
    }

    public BlockResponse getBlockByNumber(long number, boolean complete) {
        return get("getBlockByNumber/" + number + "/" + complete, BlockResponse.class);
    }

    public Account getAccount(String name, boolean byLongestChain) {
        return get("getAccount/" + segment(name) + "/" + byLongestChain, Account.class);
    }

    /** Reads a plain key (field null or empty) or a map field of a contract's storage. */
    public ContractStorage getContractStorage(String contractId, String key, String field, boolean byLongestChain) {
        return post("getContractStorage",
                json.valueToTree(new ContractStorageRequest(contractId, key, field == null ? "" : field, byLongestChain)),
                ContractStorage.class);
    }

    private static String segment(String s) {
        return URLEncoder.encode(Objects.requireNonNull(s), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T get(String path, Class<T> type) {
        return send(path, HttpRequest.newBuilder(endpoint.resolve(path)).GET(), type);
    }

    private <T> T post(String path, JsonNode body, Class<T> type) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return send(path, HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), type);
    }

    private <T> T send(String path, HttpRequest.Builder request, Class<T> type) {
        String call = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IostUnavailableException(call + ": node unreachable at " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IostUnavailableException(call + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new IostUnavailableException(call + ": node answered HTTP " + status + bodyHint(response.body()), null);
        }
        if (status == 400) {
            JsonNode error = readTree(call, response.body());
            if (error.path("code").isInt() && error.path("message").isTextual()) {
                throw new IostRejectedException(call, error.get("code").intValue(), error.get("message").textValue());
            }
            throw new IostProtocolException(call + ": HTTP 400 without the node's error body" + bodyHint(response.body()), null);
        }
        if (status != 200) {
            throw new IostProtocolException(call + ": unexpected HTTP " + status + bodyHint(response.body()), null);
        }
        try {
            JavaType javaType = json.constructType(type);
            return json.readValue(response.body(), javaType);
        } catch (IOException e) {
            throw new IostProtocolException(call + ": response is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode readTree(String call, byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null) {
                throw new IostProtocolException(call + ": empty response body", null);
            }
            return node;
        } catch (IOException e) {
            throw new IostProtocolException(call + ": response is not JSON" + bodyHint(body), e);
        }
    }

    private static String bodyHint(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.isBlank() ? "" : ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }
}
