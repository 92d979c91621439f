package io.techo.iost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IOST transaction (go-iost {@code core/tx/tx.go}) with the node's exact byte encoding and hashes. Immutable; build
 * it with {@link #builder()}, then sign with {@link #signedBy} (signers, over the base hash) and {@link #publishedBy}
 * (the publisher, over the publish hash, which covers the signers' signatures).
 *
 * <p>Gas values are in user units, as in the JSON request; the node serializes {@code int64(x*100)}.
 */
public final class Transaction {
    /** Serialization levels of {@code Tx.ToBytes}. */
    public enum Level { BASE, PUBLISH, FULL }

    private final long time;
    private final long expiration;
    private final double gasRatio;
    private final double gasLimit;
    private final long delay;
    private final int chainId;
    private final List<String> signers;
    private final List<Action> actions;
    private final List<AmountLimit> amountLimits;
    private final List<Signature> signatures;
    private final String publisher;
    private final List<Signature> publisherSigs;

    private Transaction(Builder b) {
        this.time = b.time;
        this.expiration = b.expiration;
        this.gasRatio = b.gasRatio;
        this.gasLimit = b.gasLimit;
        this.delay = b.delay;
        this.chainId = b.chainId;
        this.signers = List.copyOf(b.signers);
        this.actions = List.copyOf(b.actions);
        this.amountLimits = List.copyOf(b.amountLimits);
        this.signatures = List.copyOf(b.signatures);
        this.publisher = b.publisher;
        this.publisherSigs = List.copyOf(b.publisherSigs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().time(time).expiration(expiration).gasRatio(gasRatio).gasLimit(gasLimit).delay(delay)
                .chainId(chainId).publisher(publisher);
        b.signers.addAll(signers);
        b.actions.addAll(actions);
        b.amountLimits.addAll(amountLimits);
        b.signatures.addAll(signatures);
        b.publisherSigs.addAll(publisherSigs);
        return b;
    }

    /** Adds a signer's signature over the base hash. Do this before {@link #publishedBy}. */
    public Transaction signedBy(KeyPair signerKey) {
        Builder b = toBuilder();
        b.signatures.add(signerKey.sign(baseHash()));
        b.publisherSigs.clear();
        return b.build();
    }

    /** Sets the publisher and replaces its signatures with one signature per key over the publish hash. */
    public Transaction publishedBy(String publisherName, KeyPair... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("at least one publisher key is required");
        }
        byte[] publishHash = publishHash();
        Builder b = toBuilder().publisher(publisherName);
        b.publisherSigs.clear();
        for (KeyPair key : keys) {
            b.publisherSigs.add(key.sign(publishHash));
        }
        return b.build();
    }

    /** {@code Tx.ToBytes(level)}: the exact bytes the node hashes. */
    public byte[] toBytes(Level level) {
        TxEncoder e = new TxEncoder()
                .writeInt64(time)
                .writeInt64(expiration)
                .writeInt64(internalGasRatio())
                .writeInt64(internalGasLimit())
                .writeInt64(delay)
                .writeInt32(chainId)
                .writeBytes(new byte[0]) // reserved: never set for RPC-submitted txs
                .writeStringSlice(signers)
                .writeSlice(actions, Action::toBytes)
                .writeSlice(amountLimits, AmountLimit::toBytes);
        if (level.compareTo(Level.PUBLISH) >= 0) {
            e.writeSlice(signatures, Transaction::signatureBytes);
        }
        if (level == Level.FULL) {
            e.writeBytes(new byte[0]); // referred_tx: empty for RPC-submitted txs
            e.writeString(publisher == null ? "" : publisher);
            e.writeSlice(publisherSigs, Transaction::signatureBytes);
        }
        return e.toByteArray();
    }

    private static byte[] signatureBytes(Signature s) {
        TxEncoder e = new TxEncoder();
        s.writeTo(e);
        return e.toByteArray();
    }

    /** SHA3-256 of the base bytes: what signers sign. */
    public byte[] baseHash() {
        return Hashes.sha3(toBytes(Level.BASE));
    }

    /** SHA3-256 of the publish bytes: what the publisher signs (covers signers' signatures, not the publisher name). */
    public byte[] publishHash() {
        return Hashes.sha3(toBytes(Level.PUBLISH));
    }

    /** The tx hash: SHA3-256 of the full bytes. */
    public byte[] hash() {
        return Hashes.sha3(toBytes(Level.FULL));
    }

    /** The tx hash as the node shows it (sendTx, getTxByHash, receipts). */
    public String hashBase58() {
        return Base58.encode(hash());
    }

    /** {@code int64(gas_ratio*100)}, as go-iost {@code rpc/convert.go toCoreTx}. */
    public long internalGasRatio() {
        return (long) (gasRatio * 100);
    }

    /** {@code int64(gas_limit*100)}, as go-iost {@code rpc/convert.go toCoreTx}. */
    public long internalGasLimit() {
        return (long) (gasLimit * 100);
    }

    public long time() {
        return time;
    }

    public long expiration() {
        return expiration;
    }

    public double gasRatio() {
        return gasRatio;
    }

    public double gasLimit() {
        return gasLimit;
    }

    public long delay() {
        return delay;
    }

    public int chainId() {
        return chainId;
    }

    public List<String> signers() {
        return signers;
    }

    public List<Action> actions() {
        return actions;
    }

    public List<AmountLimit> amountLimits() {
        return amountLimits;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public String publisher() {
        return publisher;
    }

    public List<Signature> publisherSigs() {
        return publisherSigs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && java.util.Arrays.equals(t.toBytes(Level.FULL), toBytes(Level.FULL));
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hash());
    }

    @Override
    public String toString() {
        return "Transaction{" + hashBase58() + ", publisher=" + publisher + ", actions=" + actions + "}";
    }

    /** Mutable builder; defaults follow iwallet except the chain id, which has no safe default (read it from the node). */
    public static final class Builder {
        private long time;
        private long expiration;
        private double gasRatio = 1;
        private double gasLimit = 1_000_000;
        private long delay;
        private int chainId;
        private final List<String> signers = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<AmountLimit> amountLimits = new ArrayList<>();
        private final List<Signature> signatures = new ArrayList<>();
        private String publisher = "";
        private final List<Signature> publisherSigs = new ArrayList<>();

        private Builder() {
        }

        /** Creation time in nanoseconds since the epoch. */
        public Builder time(long nanos) {
            this.time = nanos;
            return this;
        }

        /** Expiration in nanoseconds since the epoch; the node keeps a tx at most 90 s after its time anyway. */
        public Builder expiration(long nanos) {
            this.expiration = nanos;
            return this;
        }

        public Builder gasRatio(double gasRatio) {
            this.gasRatio = gasRatio;
            return this;
        }

        public Builder gasLimit(double gasLimit) {
            this.gasLimit = gasLimit;
            return this;
        }

        public Builder delay(long delay) {
            this.delay = delay;
            return this;
        }

        public Builder chainId(int chainId) {
            this.chainId = chainId;
            return this;
        }

        public Builder signer(String accountAtPermission) {
            signers.add(Objects.requireNonNull(accountAtPermission));
            return this;
        }

        public Builder action(Action action) {
            actions.add(Objects.requireNonNull(action));
            return this;
        }

        public Builder action(String contract, String actionName, String jsonArrayData) {
            return action(new Action(contract, actionName, jsonArrayData));
        }

        public Builder amountLimit(AmountLimit limit) {
            amountLimits.add(Objects.requireNonNull(limit));
            return this;
        }

        public Builder signature(Signature signature) {
            signatures.add(Objects.requireNonNull(signature));
            return this;
        }

        public Builder publisher(String publisher) {
            this.publisher = publisher == null ? "" : publisher;
            return this;
        }

        public Builder publisherSig(Signature signature) {
            publisherSigs.add(Objects.requireNonNull(signature));
            return this;
        }

        public Transaction build() {
            return new Transaction(this);
        }
    }
}
