package io.techo.iost.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.iost.Action;
import io.techo.iost.Base58;
import io.techo.iost.Hashes;
import io.techo.iost.Signature;
import io.techo.iost.Transaction;
import io.techo.iost.TxJson;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The devnet's chain: tx pool, block production, execution of the anchor contract, irreversibility, persistence.
 * Validation follows go-iost's {@code SendTransaction} in order and wording: action data, gas, duplicates, pool size,
 * time window, then {@code VerifySelf} (chain id, time, delay, size, gas bounds, signatures). All methods are
 * synchronized: calls are short and a block is produced at most every few milliseconds.
 */
final class Chain implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Chain.class.getName());
    static final long MAX_EXPIRATION_NANOS = 90_000_000_000L;
    static final long MAX_TIME_GAP_NANOS = 30_000_000_000L;
    static final int MAX_TXS_PER_BLOCK = 50;
    static final int MAX_TXS_PER_PUBLISHER_PER_BLOCK = 10;
    static final int MAX_PENDING = 1000;
    static final int TX_SIZE_LIMIT = 65536;

    record Write(String contract, String key, String value, String previous) {
    }

    record PackedTx(Transaction tx, String hash, TxReceipt receipt, List<Write> writes) {
    }

    record Block(long number, String hash, String parentHash, long time, String witness, String txMerkleHash,
                 String receiptMerkleHash, List<PackedTx> txs) {
    }

    record TxLookup(TxResponse.Status status, Transaction tx, String hash, TxReceipt receipt, long blockNumber) {
    }

    record StorageRead(String value, Block at) {
    }

    private record Pending(Transaction tx, String hash, long receivedAt) {
    }

    private record Located(PackedTx packed, Block block) {
    }

    private final Genesis genesis;
    private final Contracts contracts;
    private final BlockLog log;
    private final ObjectMapper json;
    private final Faults faults;
    private final LongSupplier clock;
    private final int irreversibleLag;

    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Block> blocksByHash = new HashMap<>();
    private final Map<String, Located> txIndex = new HashMap<>();
    private final AccountUsage usage = new AccountUsage();
    private final LinkedHashMap<String, Pending> pool = new LinkedHashMap<>();
    /** contract id → storage key ({@code key}, or {@code key-field} for maps, as go-iost lays them out) → value. */
    private final Map<String, Map<String, String>> storage = new HashMap<>();
    private long libNumber;

    Chain(Genesis genesis, Contracts contracts, BlockLog log, ObjectMapper json, Faults faults, LongSupplier clock,
          int irreversibleLag) {
        this.genesis = genesis;
        this.contracts = contracts;
        this.log = log;
        this.json = json;
        this.faults = faults;
        this.clock = clock;
        this.irreversibleLag = irreversibleLag;
        genesis.contracts().values().forEach(c -> storage.put(c.id(), new HashMap<>(c.storage())));
        replay();
    }

    private void replay() {
        List<JsonNode> lines = log.readAll();
        if (lines.isEmpty()) {
            long time = clock.getAsLong();
            ObjectNode first = json.createObjectNode().put("genesis", genesis.hash()).put("chain_id", genesis.chainId())
                    .put("time", time);
            try {
                log.append(first, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the devnet genesis", e);
            }
            lines = List.of(first);
        }
        JsonNode first = lines.get(0);
        if (!genesis.hash().equals(first.path("genesis").asText())) {
            throw new IllegalStateException("the data directory holds a chain of another genesis (" + first.path("genesis").asText()
                    + ", configured " + genesis.hash() + "); point devnet.data-dir elsewhere or move it away");
        }
        addBlock(new Block(0, genesis.hash(), "", first.path("time").asLong(), genesis.witness(), "", "", List.of()));
        for (int i = 1; i < lines.size(); i++) {
            Block b = readBlock(lines.get(i));
            if (b.number() != head().number() + 1 || !b.parentHash().equals(head().hash())) {
                throw new IllegalStateException("devnet chain is not linked at block " + b.number() + "; move the data directory away");
            }
            b.txs().forEach(p -> p.writes().forEach(this::apply));
            addBlock(b);
        }
        libNumber = Math.max(0, head().number() - irreversibleLag);
        LOG.log(System.Logger.Level.INFO, "devnet chain {0}: head {1}, {2} txs", genesis.hash(), head().number(), txIndex.size());
    }

    // ---------------------------------------------------------------------------------------------- sendTx

    /** Validates and pools a tx as the node's sendTx does; returns its base58 hash. */
    synchronized String submit(Transaction tx) {
        for (Action a : tx.actions()) {
            checkActionData(a);
        }
        String hash = tx.hashBase58();
        Genesis.AccountSpec publisher = genesis.accounts().get(tx.publisher());
        double gas = publisher == null ? 0 : publisher.gas();
        BigDecimal gasLimit = BigDecimal.valueOf(tx.internalGasLimit(), 2);
        if (BigDecimal.valueOf(gas).compareTo(gasLimit) < 0) {
            throw NodeException.unknown("gas not enough: user " + tx.publisher() + " has " + plain(BigDecimal.valueOf(gas))
                    + " < " + plain(gasLimit));
        }
        if (pool.containsKey(hash)) {
            throw NodeException.unknown("tx exists in pending");
        }
        if (txIndex.containsKey(hash)) {
            throw NodeException.unknown("tx exists in chain");
        }
        if (pool.size() >= MAX_PENDING) {
            throw NodeException.unknown("txpool is full");
        }
        long now = clock.getAsLong();
        if (tx.time() > now + MAX_TIME_GAP_NANOS) {
            throw NodeException.unknown("TimeError: tx.time is too large(tx.time: " + tx.time() + ", now: " + now + "). Please sync time");
        }
        if (expired(tx, now)) {
            throw NodeException.unknown("TimeError: tx.time is expired(tx.time: " + tx.time() + ", now: " + now + "). Please sync time");
        }
        verifySelf(tx);
        checkAuthorization(tx);
        if (faults.get().dropTxs()) {
            LOG.log(System.Logger.Level.INFO, "fault injection: dropping tx {0}", hash);
            return hash;
        }
        pool.put(hash, new Pending(tx, hash, now));
        return hash;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** go-iost {@code tx.CheckBadTx}: action data must be a JSON array. */
    private void checkActionData(Action a) {
        JsonNode data;
        try {
            data = json.readTree(a.data());
        } catch (IOException e) {
            throw NodeException.unknown("invalid json array: " + firstLine(e.getMessage()) + ", " + a.data());
        }
        if (data == null || !data.isArray()) {
            throw NodeException.unknown("invalid json array: not an array, " + a.data());
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    /** go-iost {@code Tx.VerifySelf}, with the txpool's "VerifyError " prefix. */
    private void verifySelf(Transaction tx) {
        if (tx.chainId() != genesis.chainId()) {
            throw verifyError("invalid chain_id, should be " + genesis.chainId() + ", yours:" + Integer.toUnsignedString(tx.chainId()));
        }
        if (!(tx.time() > 0 && tx.expiration() > tx.time())) {
            throw verifyError("invalid time and expiration");
        }
        if (tx.delay() != 0) {
            throw verifyError("invalid delay time");
        }
        int size = tx.toBytes(Transaction.Level.FULL).length;
        if (size > TX_SIZE_LIMIT) {
            throw verifyError("tx size illegal, should <= " + TX_SIZE_LIMIT + ", got " + size);
        }
        if (tx.internalGasRatio() < 100 || tx.internalGasRatio() > 10000) {
            throw verifyError("gas ratio illegal, should in [1, 100]");
        }
        if (tx.internalGasLimit() < 600000 || tx.internalGasLimit() > 400000000) {
            throw verifyError("gas limit illegal, should in [6000, 4000000]");
        }
        byte[] baseHash = tx.baseHash();
        for (Signature s : tx.signatures()) {
            if (!s.verify(baseHash)) {
                throw verifyError("signer error");
            }
        }
        if (tx.publisherSigs().isEmpty()) {
            throw verifyError("publisher empty error");
        }
        byte[] publishHash = tx.publishHash();
        for (Signature s : tx.publisherSigs()) {
            if (!s.verify(publishHash)) {
                throw verifyError("publisher error");
            }
        }
    }

    private static NodeException verifyError(String message) {
        return NodeException.unknown("VerifyError " + message);
    }

    /**
     * The publisher's signatures must satisfy {@code publisher@active}, and the signers' signatures each
     * {@code account@permission}. A node checks this when it builds a block and silently drops a failing tx; the
     * devnet refuses it at sendTx instead (ADR 0101).
     */
    private void checkAuthorization(Transaction tx) {
        if (!satisfied(tx.publisher(), "active", tx.publisherSigs())) {
            throw verifyError("publisher error: no publisher signature is by a key of " + tx.publisher() + "@active");
        }
        for (String signer : tx.signers()) {
            int at = signer.indexOf('@');
            if (at <= 0 || !satisfied(signer.substring(0, at), signer.substring(at + 1), tx.signatures())) {
                throw verifyError("signer error: no signature is by a key of " + signer);
            }
        }
    }

    /** Each key has weight 100 and each permission threshold 100, as {@code signUp} creates them; owner implies active. */
    private boolean satisfied(String account, String permission, List<Signature> sigs) {
        Genesis.AccountSpec a = genesis.accounts().get(account);
        if (a == null) {
            return false;
        }
        List<String> keys = new ArrayList<>(a.owner());
        if ("active".equals(permission)) {
            keys.addAll(a.active());
        } else if (!"owner".equals(permission)) {
            return false;
        }
        return sigs.stream().anyMatch(s -> keys.contains(s.keyId()));
    }

    private static boolean expired(Transaction tx, long now) {
        return tx.expiration() <= now || now - tx.time() > MAX_EXPIRATION_NANOS;
    }

    // ---------------------------------------------------------------------------------------------- blocks

    /** Packs the pending txs that may go in now into a new block, persists it, then makes it the head. */
    synchronized Block produceBlock() {
        Block parent = head();
        long now = Math.max(clock.getAsLong(), parent.time() + 1);
        Faults.Settings f = faults.get();
        List<Pending> selected = new ArrayList<>();
        Map<String, Integer> perPublisher = new HashMap<>();
        for (Iterator<Pending> it = pool.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (expired(p.tx(), now)) {
                it.remove();
                LOG.log(System.Logger.Level.INFO, "tx {0} expired in the pool", p.hash());
                continue;
            }
            if (p.tx().time() > now || now - p.receivedAt() < f.packDelayMs() * 1_000_000L
                    || selected.size() >= MAX_TXS_PER_BLOCK
                    || perPublisher.getOrDefault(p.tx().publisher(), 0) >= MAX_TXS_PER_PUBLISHER_PER_BLOCK) {
                continue;
            }
            perPublisher.merge(p.tx().publisher(), 1, Integer::sum);
            selected.add(p);
        }
        long number = parent.number() + 1;
        Map<String, String> blockWrites = new HashMap<>();
        List<PackedTx> packed = new ArrayList<>();
        for (Pending p : selected) {
            packed.add(new Executor(p, number, blockWrites, f.failTxs()).run());
        }
        String txMerkle = merkle(packed.stream().map(PackedTx::hash).toList());
        String receiptMerkle = merkle(packed.stream().map(p -> receiptDigest(p.receipt())).toList());
        String hash = blockHash(number, parent.hash(), txMerkle, receiptMerkle, now);
        Block block = new Block(number, hash, parent.hash(), now, genesis.witness(), txMerkle, receiptMerkle, List.copyOf(packed));
        try {
            log.append(blockJson(block), !packed.isEmpty());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot persist block " + number + "; its txs stay pending", e);
            return null;
        }
        packed.forEach(p -> {
            p.writes().forEach(this::apply);
            pool.remove(p.hash());
        });
        addBlock(block);
        if (!f.holdIrreversibility()) {
            libNumber = Math.max(libNumber, number - irreversibleLag);
        }
        return block;
    }

    /** What {@code account} has spent on this chain so far. */
    synchronized AccountUsage.Spent spent(String account) {
        return usage.of(account);
    }

    private void addBlock(Block b) {
        b.txs().forEach(usage::charge);
        blocks.add(b);
        blocksByHash.put(b.hash(), b);
        b.txs().forEach(p -> txIndex.put(p.hash(), new Located(p, b)));
    }

    private void apply(Write w) {
        Map<String, String> kv = storage.computeIfAbsent(w.contract(), c -> new HashMap<>());
        if (w.value() == null) {
            kv.remove(w.key());
        } else {
            kv.put(w.key(), w.value());
        }
    }

    private String blockHash(long number, String parentHash, String txMerkle, String receiptMerkle, long time) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(0);
            out.writeUTF(parentHash);
            out.writeUTF(txMerkle);
            out.writeUTF(receiptMerkle);
            out.writeLong(number);
            out.writeUTF(genesis.witness());
            out.writeLong(time);
            return Base58.encode(Hashes.sha3(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A simple binary SHA3 Merkle root of the items (not go-iost's own tree; clients do not recompute it). */
    private static String merkle(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        List<byte[]> level = items.stream().map(s -> Hashes.sha3(s.getBytes(StandardCharsets.UTF_8))).toList();
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                byte[] left = level.get(i);
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
                byte[] both = new byte[64];
                System.arraycopy(left, 0, both, 0, 32);
                System.arraycopy(right, 0, both, 32, 32);
                next.add(Hashes.sha3(both));
            }
            level = next;
        }
        return Base58.encode(level.get(0));
    }

    private String receiptDigest(TxReceipt r) {
        try {
            return json.writeValueAsString(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode blockJson(Block b) {
        ObjectNode o = json.createObjectNode()
                .put("number", b.number()).put("hash", b.hash()).put("parent_hash", b.parentHash()).put("time", b.time())
                .put("witness", b.witness()).put("tx_merkle_hash", b.txMerkleHash())
                .put("tx_receipt_merkle_hash", b.receiptMerkleHash());
        ArrayNode txs = o.putArray("txs");
        for (PackedTx p : b.txs()) {
            ObjectNode t = txs.addObject();
            t.set("request", TxJson.toRequest(p.tx()));
            t.set("receipt", json.valueToTree(p.receipt()));
            ArrayNode writes = t.putArray("writes");
            p.writes().forEach(w -> writes.addObject().put("contract", w.contract()).put("key", w.key())
                    .put("value", w.value()).put("previous", w.previous()));
        }
        return o;
    }

    private Block readBlock(JsonNode o) {
        List<PackedTx> txs = new ArrayList<>();
        for (JsonNode t : o.path("txs")) {
            Transaction tx = TxJson.fromRequest(t.get("request"));
            TxReceipt receipt = json.convertValue(t.get("receipt"), TxReceipt.class);
            if (!tx.hashBase58().equals(receipt.txHash())) {
                throw new IllegalStateException("devnet chain: tx " + receipt.txHash() + " in block " + o.path("number")
                        + " does not hash to its receipt; move the data directory away");
            }
            List<Write> writes = new ArrayList<>();
            t.path("writes").forEach(w -> writes.add(new Write(w.path("contract").asText(), w.path("key").asText(),
                    w.path("value").isNull() ? null : w.path("value").asText(),
                    w.path("previous").isNull() ? null : w.path("previous").asText())));
            txs.add(new PackedTx(tx, receipt.txHash(), receipt, List.copyOf(writes)));
        }
        return new Block(o.path("number").asLong(), o.path("hash").asText(), o.path("parent_hash").asText(),
                o.path("time").asLong(), o.path("witness").asText(), o.path("tx_merkle_hash").asText(),
                o.path("tx_receipt_merkle_hash").asText(), List.copyOf(txs));
    }

    // ---------------------------------------------------------------------------------------------- queries

    synchronized Block head() {
        return blocks.get(blocks.size() - 1);
    }

    synchronized Block lib() {
        return blocks.get((int) libNumber);
    }

    synchronized int poolSize() {
        return pool.size();
    }

    synchronized Block block(long number) {
        if (number < 0 || number >= blocks.size()) {
            throw NodeException.unknown("block not found");
        }
        return blocks.get((int) number);
    }

    synchronized Block blockByHash(String hash) {
        Block b = blocksByHash.get(hash);
        if (b == null) {
            throw NodeException.unknown("block not found");
        }
        return b;
    }

    synchronized boolean irreversible(Block b) {
        return b.number() <= libNumber;
    }

    /** go-iost {@code GetTxByHash}: IRREVERSIBLE (with block number), PACKED (block number -1) or PENDING. */
    synchronized TxLookup lookupTx(String hash) {
        Located l = txIndex.get(hash);
        if (l != null) {
            boolean done = irreversible(l.block());
            return new TxLookup(done ? TxResponse.Status.IRREVERSIBLE : TxResponse.Status.PACKED, l.packed().tx(), hash,
                    l.packed().receipt(), done ? l.block().number() : -1);
        }
        Pending p = pool.get(hash);
        if (p != null) {
            return new TxLookup(TxResponse.Status.PENDING, p.tx(), hash, null, -1);
        }
        throw NodeException.unknown("tx not found");
    }

    /** go-iost {@code GetTxReceiptByTxHash}: only irreversible txs have a receipt in the node's chain database. */
    synchronized TxReceipt receipt(String hash) {
        Located l = txIndex.get(hash);
        if (l == null || !irreversible(l.block())) {
            throw NodeException.unknown("failed to Get the receipt hash: not found");
        }
        return l.packed().receipt();
    }

    /** A key or map field of a contract's storage, at the head or (not by longest chain) at the last irreversible block. */
    synchronized StorageRead storage(String contract, String key, String field, boolean byLongestChain) {
        String k = field == null || field.isEmpty() ? key : key + "-" + field;
        String value = storage.getOrDefault(contract, Map.of()).get(k);
        if (!byLongestChain) {
            for (int n = (int) head().number(); n > libNumber; n--) {
                List<PackedTx> txs = blocks.get(n).txs();
                for (int i = txs.size() - 1; i >= 0; i--) {
                    List<Write> writes = txs.get(i).writes();
                    for (int j = writes.size() - 1; j >= 0; j--) {
                        Write w = writes.get(j);
                        if (w.contract().equals(contract) && w.key().equals(k)) {
                            value = w.previous();
                        }
                    }
                }
            }
        }
        return new StorageRead(value, byLongestChain ? head() : lib());
    }

    Genesis genesis() {
        return genesis;
    }

    Contracts contracts() {
        return contracts;
    }

    @Override
    public void close() {
        log.close();
    }

    // ---------------------------------------------------------------------------------------------- execution

    /** Runs one tx's actions against the state as of this block; writes are kept only if every action succeeds. */
    private final class Executor implements ContractHost {
        private final Pending pending;
        private final long blockNumber;
        private final Map<String, String> blockWrites;
        private final TxReceipt.StatusCode injectedFailure;
        private final LinkedHashMap<String, String> txWrites = new LinkedHashMap<>();
        private final List<TxReceipt.Receipt> receipts = new ArrayList<>();
        private String contract;
        private String contractOwner;
        private String action;

        Executor(Pending pending, long blockNumber, Map<String, String> blockWrites, TxReceipt.StatusCode injectedFailure) {
            this.pending = pending;
            this.blockNumber = blockNumber;
            this.blockWrites = blockWrites;
            this.injectedFailure = injectedFailure;
        }

        PackedTx run() {
            Transaction tx = pending.tx();
            double gas = 10.0 * tx.toBytes(Transaction.Level.FULL).length;
            List<String> returns = new ArrayList<>();
            TxReceipt.StatusCode status = TxReceipt.StatusCode.SUCCESS;
            String message = "";
            if (injectedFailure != null) {
                status = injectedFailure;
                message = "devnet fault injection: tx failed with " + injectedFailure;
            } else {
                for (Action a : tx.actions()) {
                    try {
                        gas += Contracts.JS_CALL_GAS;
                        JsonNode ret = call(a);
                        returns.add(json.createArrayNode().add(ret == null ? json.nullNode() : ret).toString());
                    } catch (ContractError e) {
                        status = TxReceipt.StatusCode.RUNTIME_ERROR;
                        message = "running action " + describe(a) + " error: " + e.getMessage();
                        break;
                    }
                }
            }
            List<Write> writes = new ArrayList<>();
            Map<String, Long> ram = new LinkedHashMap<>();
            if (status == TxReceipt.StatusCode.SUCCESS) {
                txWrites.forEach((composite, value) -> {
                    int sep = composite.indexOf('\u0000');
                    String c = composite.substring(0, sep);
                    String k = composite.substring(sep + 1);
                    String previous = readBeforeTx(composite, c, k);
                    writes.add(new Write(c, k, value, previous));
                    blockWrites.put(composite, value);
                    long bytes = (c + "-" + k).length() + k.length() + ("s" + value + "@" + c).length()
                            - (previous == null ? 0 : ("s" + previous + "@" + c).length() + (c + "-" + k).length() + k.length());
                    ram.merge(contracts.owner(c), bytes, Long::sum);
                });
                gas += 300.0 * writes.size() + receipts.stream().mapToInt(r -> 10 * r.content().length()).sum();
            } else {
                receipts.clear();
                returns.clear();
            }
            TxReceipt receipt = new TxReceipt(pending.hash(), gas, ram, status, message, returns,
                    status == TxReceipt.StatusCode.SUCCESS ? List.copyOf(receipts) : List.of());
            return new PackedTx(tx, pending.hash(), receipt, List.copyOf(writes));
        }

        private JsonNode call(Action a) {
            Contracts.Deployed c = contracts.get(a.contract());
            if (c == null) {
                throw new ContractError("prepare contract: contract " + a.contract() + " not found");
            }
            List<JsonNode> args = c.unmarshalArgs(a.actionName(), a.data(), json);
            contract = c.id();
            contractOwner = c.owner();
            action = a.actionName();
            return c.vm().call(this, a.actionName(), args);
        }

        /** go-iost {@code Action.String()}, cut to 100 runes as the isolator does. */
        private static String describe(Action a) {
            String d = "Action{Contract: " + a.contract() + ", ActionName: " + a.actionName() + ", Data: " + a.data() + "}\n";
            return d.codePointCount(0, d.length()) > 100 ? d.substring(0, d.offsetByCodePoints(0, 100)) + "..." : d;
        }

        private String read(String c, String k) {
            String composite = c + '\u0000' + k;
            return txWrites.containsKey(composite) ? txWrites.get(composite) : readBeforeTx(composite, c, k);
        }

        private String readBeforeTx(String composite, String c, String k) {
            if (blockWrites.containsKey(composite)) {
                return blockWrites.get(composite);
            }
            return storage.getOrDefault(c, Map.of()).get(k);
        }

        @Override
        public String get(String key) {
            return read(contract, checkKey(key));
        }

        @Override
        public void put(String key, String value) {
            txWrites.put(contract + '\u0000' + checkKey(key), value);
        }

        @Override
        public String mapGet(String key, String field) {
            return read(contract, checkKey(key) + "-" + checkKey(field));
        }

        @Override
        public void mapPut(String key, String field, String value) {
            txWrites.put(contract + '\u0000' + checkKey(key) + "-" + checkKey(field), value);
        }

        /** go-iost {@code IsValidKey}: 1-64 printable ASCII, no '-' or '@'. */
        private String checkKey(String key) {
            if (key.isEmpty() || key.length() > 64 || key.indexOf('-') >= 0 || key.indexOf('@') >= 0
                    || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
                throw new ContractError("invalid storage key " + key);
            }
            return key;
        }

        @Override
        public boolean requireAuth(String account, String permission) {
            Transaction tx = pending.tx();
            if (account.equals(tx.publisher()) && ("active".equals(permission) || "owner".equals(permission))) {
                return satisfied(account, permission, tx.publisherSigs());
            }
            return tx.signers().contains(account + "@" + permission) && satisfied(account, permission, tx.signatures());
        }

        @Override
        public String contractOwner() {
            return contractOwner;
        }

        @Override
        public void receipt(String content) {
            receipts.add(new TxReceipt.Receipt(contract + "/" + action, content));
        }

        @Override
        public String txHash() {
            return pending.hash();
        }

        @Override
        public long blockNumber() {
            return blockNumber;
        }
    }
}
