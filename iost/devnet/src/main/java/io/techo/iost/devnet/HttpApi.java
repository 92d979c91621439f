package io.techo.iost.devnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.iost.Transaction;
import io.techo.iost.TxJson;
import io.techo.iost.rpc.Account;
import io.techo.iost.rpc.BlockResponse;
import io.techo.iost.rpc.ChainInfo;
import io.techo.iost.rpc.ContractStorage;
import io.techo.iost.rpc.NodeError;
import io.techo.iost.rpc.SendTxResponse;
import io.techo.iost.rpc.TxInfo;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The node's HTTP gateway paths and JSON shapes (protojson with proto names: snake_case, every field present, int64 as
 * strings), its error shape (HTTP 400 {@code {code, message}}, unknown routes code 12 "Not Implemented"), plus the
 * devnet's admin routes under {@code /_devnet}. Never answers 5xx to bad input.
 */
final class HttpApi {
    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());
    static final String ADMIN_PREFIX = "/_devnet/";
    private static final long BODY_LIMIT = 1 << 20;

    private final Chain chain;
    private final Faults faults;
    private final ObjectMapper json;

    HttpApi(Chain chain, Faults faults, ObjectMapper json) {
        this.chain = chain;
        this.faults = faults;
        this.json = json;
    }

    Router router(io.vertx.core.Vertx vertx) {
        Router r = Router.router(vertx);
        r.route().handler(this::refuseWhenFaulted);
        r.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        get(r, "/getChainInfo", ctx -> chainInfo());
        get(r, "/getNodeInfo", ctx -> nodeInfo());
        get(r, "/getGasRatio", ctx -> json.createObjectNode().put("lowest_gas_ratio", 1.0).put("median_gas_ratio", 1.0));
        post(r, "/sendTx", ctx -> sendTx(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes()));
        get(r, "/getTxByHash/:hash", ctx -> txByHash(ctx.pathParam("hash")));
        get(r, "/getTxReceiptByTxHash/:hash", ctx -> chain.receipt(ctx.pathParam("hash")));
        get(r, "/getBlockByNumber/:number/:complete", ctx -> blockResponse(
                chain.block(int64(ctx.pathParam("number"), "number")), bool(ctx.pathParam("complete"), "complete")));
        get(r, "/getBlockByHash/:hash/:complete", ctx -> blockResponse(
                chain.blockByHash(ctx.pathParam("hash")), bool(ctx.pathParam("complete"), "complete")));
        get(r, "/getAccount/:name/:by_longest_chain", ctx -> account(ctx.pathParam("name")));
        get(r, "/getContract/:id/:by_longest_chain", ctx -> contract(ctx.pathParam("id")));
        post(r, "/getContractStorage", ctx -> contractStorage(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes()));
        get(r, ADMIN_PREFIX + "faults", ctx -> faultsJson(faults.get()));
        r.route(HttpMethod.PUT, ADMIN_PREFIX + "faults").blockingHandler(wrap(ctx -> updateFaults(ctx)), false);
        r.route(HttpMethod.DELETE, ADMIN_PREFIX + "faults").blockingHandler(wrap(ctx -> {
            faults.set(Faults.Settings.none());
            return faultsJson(faults.get());
        }), false);
        r.route().last().handler(ctx -> error(ctx, new NodeException(NodeException.UNIMPLEMENTED, "Not Implemented")));
        r.route().failureHandler(this::failure);
        return r;
    }

    private void refuseWhenFaulted(RoutingContext ctx) {
        if (faults.get().refuseAll() && !ctx.normalizedPath().startsWith(ADMIN_PREFIX)) {
            write(ctx, 503, new NodeError(14, "devnet fault injection: refusing all requests"));
        } else {
            ctx.next();
        }
    }

    private void get(Router r, String path, Function<RoutingContext, Object> handler) {
        r.route(HttpMethod.GET, path).blockingHandler(wrap(handler), false);
    }

    private void post(Router r, String path, Function<RoutingContext, Object> handler) {
        r.route(HttpMethod.POST, path).blockingHandler(wrap(handler), false);
    }

    private Handler<RoutingContext> wrap(Function<RoutingContext, Object> handler) {
        return ctx -> {
            try {
                write(ctx, 200, handler.apply(ctx));
            } catch (NodeException e) {
                error(ctx, e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "unexpected error on " + ctx.normalizedPath(), e);
                error(ctx, NodeException.unknown("internal error: " + e.getClass().getSimpleName()));
            }
        };
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            error(ctx, new NodeException(NodeException.INVALID_ARGUMENT, "request body too large"));
        } else if (ctx.statusCode() == 405 || ctx.statusCode() == 404) {
            error(ctx, new NodeException(NodeException.UNIMPLEMENTED, "Not Implemented"));
        } else {
            if (ctx.failure() != null) {
                LOG.log(System.Logger.Level.ERROR, "failed request " + ctx.normalizedPath(), ctx.failure());
            }
            error(ctx, new NodeException(NodeException.INVALID_ARGUMENT, "bad request"));
        }
    }

    private void error(RoutingContext ctx, NodeException e) {
        write(ctx, 400, new NodeError(e.code(), e.getMessage()));
    }

    private void write(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            status = 400;
            text = "{\"code\":2,\"message\":\"cannot encode response\"}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    // ------------------------------------------------------------------------------------------ admin

    private ObjectNode faultsJson(Faults.Settings f) {
        return json.createObjectNode().put("refuse_all", f.refuseAll()).put("drop_txs", f.dropTxs())
                .put("pack_delay_ms", f.packDelayMs()).put("fail_txs", f.failTxs() == null ? null : f.failTxs().name())
                .put("hold_irreversibility", f.holdIrreversibility());
    }

    /** Merges the given fields into the current fault settings; absent fields keep their value. */
    private ObjectNode updateFaults(RoutingContext ctx) {
        JsonNode req;
        try {
            req = ctx.body().buffer() == null ? null : json.readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "invalid JSON: " + firstLine(e.getMessage()));
        }
        if (req == null || !req.isObject()) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "faults must be a JSON object");
        }
        Faults.Settings f = faults.get();
        try {
            JsonNode fail = req.get("fail_txs");
            Faults.Settings next = new Faults.Settings(
                    flag(req, "refuse_all", f.refuseAll()),
                    flag(req, "drop_txs", f.dropTxs()),
                    req.has("pack_delay_ms") ? number(req.get("pack_delay_ms")) : f.packDelayMs(),
                    fail == null ? f.failTxs() : fail.isNull() || fail.asText().isEmpty() ? null : Faults.statusCode(fail.asText()),
                    flag(req, "hold_irreversibility", f.holdIrreversibility()));
            faults.set(next);
            LOG.log(System.Logger.Level.INFO, "fault injection now {0}", next);
            return faultsJson(next);
        } catch (IllegalArgumentException e) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static boolean flag(JsonNode req, String name, boolean current) {
        JsonNode v = req.get(name);
        if (v == null) {
            return current;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return v.booleanValue();
    }

    private static long number(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("pack_delay_ms must be an integer");
        }
        return v.longValue();
    }

    // ------------------------------------------------------------------------------------------ handlers

    private ChainInfo chainInfo() {
        Chain.Block head = chain.head();
        Chain.Block lib = chain.lib();
        Genesis g = chain.genesis();
        return new ChainInfo(g.netName(), g.protocolVersion(), g.chainId(), head.number(), head.hash(), lib.number(),
                lib.hash(), List.of(g.witness()), List.of(g.witness()), List.of(), head.time(), lib.time());
    }

    private ObjectNode nodeInfo() {
        ObjectNode o = json.createObjectNode().put("build_time", "").put("git_hash", "").put("mode", "ModeNormal");
        o.putObject("network").put("id", "techo-devnet").put("peer_count", 0).putArray("peer_info");
        o.put("code_version", "techo-devnet").put("server_time", String.valueOf(System.currentTimeMillis() * 1_000_000L))
                .put("tx_pool_size", String.valueOf(chain.poolSize()));
        return o;
    }

    private SendTxResponse sendTx(byte[] body) {
        Transaction tx;
        try {
            JsonNode node = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            tx = TxJson.fromRequest(node);
        } catch (IOException e) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "invalid JSON: " + firstLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, e.getMessage());
        }
        return new SendTxResponse(chain.submit(tx), null);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    private TxResponse txByHash(String hash) {
        Chain.TxLookup l = chain.lookupTx(hash);
        return new TxResponse(l.status(), txInfo(l.tx(), l.hash(), l.receipt()), l.blockNumber());
    }

    static TxInfo txInfo(Transaction tx, String hash, TxReceipt receipt) {
        return new TxInfo(hash, tx.time(), tx.expiration(), tx.gasRatio(), tx.gasLimit(), tx.delay(), tx.chainId(),
                tx.actions(), tx.signers(), tx.publisher(), "", tx.amountLimits(), receipt);
    }

    private BlockResponse blockResponse(Chain.Block b, boolean complete) {
        double gas = b.txs().stream().mapToDouble(p -> p.receipt().gasUsage()).sum();
        List<TxInfo> txs = complete ? b.txs().stream().map(p -> txInfo(p.tx(), p.hash(), p.receipt())).toList() : List.of();
        return new BlockResponse(chain.irreversible(b) ? BlockResponse.Status.IRREVERSIBLE : BlockResponse.Status.PENDING,
                new BlockResponse.Block(b.hash(), 0, b.parentHash(), b.txMerkleHash(), b.receiptMerkleHash(), b.number(),
                        b.witness(), b.time(), gas, b.txs().size(), new BlockResponse.Info(0, 0, List.of()), "", txs));
    }

    private Account account(String name) {
        Genesis.AccountSpec a = chain.genesis().accounts().get(name);
        if (a == null) {
            throw NodeException.unknown("account not found");
        }
        AccountUsage.Spent spent = chain.spent(name);
        double gas = Math.max(0, a.gas() - spent.gas());
        return new Account(a.name(), a.balance(), new Account.GasInfo(gas, 0, a.gas(), 0, a.gas(), List.of()),
                new Account.RamInfo(a.ram() - spent.ram(), spent.ram(), a.ram()),
                Map.of("active", permission("active", a.active()), "owner", permission("owner", a.owner())),
                Map.of(), List.of(), List.of());
    }

    private static Account.Permission permission(String name, List<String> keys) {
        return new Account.Permission(name, List.of(),
                keys.stream().map(k -> new Account.Item(k, true, 100, "")).toList(), 100);
    }

    private ObjectNode contract(String id) {
        Contracts.Deployed c = chain.contracts().get(id);
        if (c == null) {
            throw NodeException.unknown("contract not found");
        }
        ObjectNode o = json.createObjectNode().put("id", c.id()).put("code", c.code())
                .put("language", c.abi().path("lang").asText()).put("version", c.abi().path("version").asText());
        o.set("abis", c.abi().path("abi"));
        return o;
    }

    private ContractStorage contractStorage(byte[] body) {
        JsonNode req;
        try {
            req = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "invalid JSON: " + firstLine(e.getMessage()));
        }
        if (req == null || !req.isObject()) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "GetContractStorageRequest must be a JSON object");
        }
        String id = text(req, "id", "id");
        String key = text(req, "key", "key");
        String field = text(req, "field", "field");
        JsonNode longest = req.has("by_longest_chain") ? req.get("by_longest_chain") : req.get("byLongestChain");
        if (longest != null && !longest.isNull() && !longest.isBoolean()) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "invalid value for bool field by_longest_chain: " + longest);
        }
        Chain.StorageRead read = chain.storage(id, key, field, longest != null && longest.asBoolean());
        return new ContractStorage(read.value() == null ? "null" : read.value(), read.at().hash(), read.at().number());
    }

    private static String text(JsonNode req, String protoName, String jsonName) {
        JsonNode v = req.has(protoName) ? req.get(protoName) : req.get(jsonName);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new NodeException(NodeException.INVALID_ARGUMENT, "invalid value for string field " + protoName + ": " + v);
        }
        return v.textValue();
    }

    private static long int64(String s, String name) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NodeException(NodeException.INVALID_ARGUMENT,
                    "type mismatch, parameter: " + name + ", error: strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
        }
    }

    private static boolean bool(String s, String name) {
        return switch (s) {
            case "true", "1", "t", "T", "TRUE", "True" -> true;
            case "false", "0", "f", "F", "FALSE", "False" -> false;
            default -> throw new NodeException(NodeException.INVALID_ARGUMENT,
                    "type mismatch, parameter: " + name + ", error: strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
        };
    }
}
