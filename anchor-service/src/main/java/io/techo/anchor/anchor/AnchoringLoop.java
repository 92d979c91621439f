package io.techo.anchor.anchor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techo.anchor.config.AnchorConfig;
import io.techo.anchor.log.LogLeaf;
import io.techo.anchor.log.LogStore;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorPacked;
import io.techo.common.events.AnchorRef;
import io.techo.common.events.TechoEvent;
import io.techo.common.log.Checkpoint;
import io.techo.common.log.MerkleLog;
import io.techo.common.log.MerkleProofs;
import io.techo.common.log.NoteSigner;
import io.techo.iost.IostClient;
import io.techo.iost.IostException;
import io.techo.iost.IostRejectedException;
import io.techo.iost.rpc.TxReceipt;
import io.techo.iost.rpc.TxResponse;
import io.techo.kit.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The anchoring loop, on one thread of the instance that holds the {@link LeaderLease}: every tick it catches the
 * tree up with the stored log, drives the in-flight checkpoint's IOST transaction one step (broadcast, re-broadcast,
 * re-sign after expiry, PACKED, IRREVERSIBLE), makes the next checkpoint when due, and publishes pending confirmations.
 * Every step starts from the database, so a crash anywhere resumes where it stopped.
 */
@ApplicationScoped
public class AnchoringLoop {

    /** The verifier key of the local-development checkpoint key published in application.properties. */
    private static final String PUBLISHED_DEV_KEY = "techo.local/log+bb64e28a+AU+D2LI6Ju/r5LQU/6bi+t2GH4ojIMuU/tnMu/KHvlxq";
    /** A tx no node knows this long after its expiry is certainly not included (node clocks drift a little). */
    private static final Duration EXPIRY_GRACE = Duration.ofSeconds(5);
    /**
     * A tx must stay PACKED this long before the PACKED notices go out: where irreversibility follows at once (the
     * devnet at lag 0) they would only double the outbox traffic; on a real chain (≈ 36 s to finality) they are news.
     */
    private static final Duration PACKED_NOTICE_AFTER = Duration.ofSeconds(1);
    /** How long confirmations wait after Kafka did not acknowledge a batch. */
    private static final Duration CONFIRMATIONS_RETRY = Duration.ofSeconds(5);
    /** Per-leaf PACKED notices are skipped for checkpoints larger than this (the confirmations still follow). */
    private static final int MAX_PACKED_NOTICES = 10_000;

    private final AnchorConfig config;
    private final LogStore log;
    private final LogTree logTree;
    private final CheckpointStore checkpoints;
    private final AnchorTransactions transactions;
    private final Confirmations confirmations;
    private final ConfirmationPublisher publisher;
    private final IostClient node;
    private final LeaderLease lease;
    private final AnchorMetrics metrics;
    private final OutboxRelay relay;
    private final CrashPoints crashPoints;
    private final Clock clock;
    private final NoteSigner signer;
    private final ChainBreaker breaker;

    private volatile boolean running;
    private Thread thread;
    private Integer chainId;
    private Instant lastCheckpointAt = Instant.MIN;
    private Instant lastBroadcastAt = Instant.MIN;
    private String packedTx;
    private Instant packedSeenAt = Instant.MIN;
    private Instant confirmationsPausedUntil = Instant.MIN;

    public AnchoringLoop(AnchorConfig config, LogStore log, LogTree logTree, CheckpointStore checkpoints,
            AnchorTransactions transactions, Confirmations confirmations, ConfirmationPublisher publisher, IostClient node,
            LeaderLease lease, AnchorMetrics metrics, OutboxRelay relay, CrashPoints crashPoints, Clock clock) {
        this.config = config;
        this.log = log;
        this.logTree = logTree;
        this.checkpoints = checkpoints;
        this.transactions = transactions;
        this.confirmations = confirmations;
        this.publisher = publisher;
        this.node = node;
        this.lease = lease;
        this.metrics = metrics;
        this.relay = relay;
        this.crashPoints = crashPoints;
        this.clock = clock;
        this.signer = NoteSigner.fromSignerKey(config.log().signingKey());
        this.breaker = new ChainBreaker(config.iost());
        if (PUBLISHED_DEV_KEY.equals(signer.verifierKey())) {
            Log.warn("checkpoints are signed with the PUBLISHED LOCAL-DEVELOPMENT key: they prove nothing; "
                    + "set TECHO_LOG_SIGNING_KEY outside local development");
        }
        if (!signer.name().equals(config.log().origin())) {
            throw new IllegalStateException("the checkpoint key is named " + signer.name()
                    + " but the log's origin is " + config.log().origin() + ": use a key named after the origin");
        }
    }

    /** The log's public key as verifiers pin it. */
    public String verifierKey() {
        return signer.verifierKey();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "anchoring-loop");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException, SQLException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        lease.release();
    }

    private void run() {
        while (running) {
            Duration pause = config.checkpoint().pollInterval();
            try {
                if (lease.hold()) {
                    tick();
                }
            } catch (IostException e) {
                pause = chainFailed(e);
            } catch (SQLException | RuntimeException e) {
                Log.warnf("anchoring step failed, retrying: %s", e.toString());
                pause = Duration.ofSeconds(1);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration chainFailed(IostException e) {
        String kind = e instanceof IostRejectedException rejected ? rejected.reason().name() : e.getClass().getSimpleName();
        metrics.chainError(kind);
        Duration wait = breaker.failed(clock.instant());
        Log.warnf("IOST call failed (%s), next try in %d ms%s: %s", kind, wait.toMillis(),
                breaker.open() ? " (circuit open)" : "", e.getMessage());
        return wait;
    }

    /** One step; public so tests can drive it deterministically. */
    public synchronized void tick() throws SQLException {
        long size = logTree.sync();
        Optional<CheckpointRow> anchored = checkpoints.latestAnchored();
        metrics.sizes(size, anchored.map(CheckpointRow::size).orElse(0L));
        // first, and whatever the chain does: confirmations left over by a crash never wait for the chain
        publishConfirmations();
        if (!breaker.allows(clock.instant())) {
            return;
        }
        Optional<CheckpointRow> inFlight = checkpoints.inFlight();
        if (inFlight.isEmpty()) {
            inFlight = makeCheckpointIfDue(size, anchored);
        }
        if (inFlight.isPresent()) {
            advance(inFlight.get());
            breaker.succeeded();
        }
    }

    private Optional<CheckpointRow> makeCheckpointIfDue(long size, Optional<CheckpointRow> anchored) throws SQLException {
        long prevSize = anchored.map(CheckpointRow::size).orElse(0L);
        Instant now = clock.instant();
        boolean due = !now.isBefore(lastCheckpointAt.plus(config.checkpoint().interval()))
                || size - prevSize >= config.checkpoint().maxPending();
        if (size <= prevSize || !due) {
            return Optional.empty();
        }
        MerkleLog tree = logTree.tree();
        byte[] root = tree.root(size);
        if (anchored.isPresent()) {
            // the new tree must extend the anchored one: never anchor a history that rewrites what was anchored
            MerkleProofs.verifyConsistency(prevSize, size, tree.consistencyProof(prevSize, size),
                    anchored.get().root(), root);
        }
        String note = signer.sign(new Checkpoint(config.log().origin(), size, root));
        int chain = chainId();
        SignedAnchorTx tx = transactions.sign(chain, config.log().origin(), size, Hex.encode(root), prevSize);
        CheckpointRow row = checkpoints.insertSigned(size, root, prevSize, note, chain, tx, now);
        metrics.txSigned();
        lastCheckpointAt = now;
        Log.debugf("checkpoint %d (+%d leaves) signed, anchor tx %s", size, size - prevSize, tx.hash());
        crashPoints.reached(CrashPoints.AFTER_PERSIST);
        return Optional.of(row);
    }

    private void advance(CheckpointRow row) throws SQLException {
        switch (row.state()) {
            case SIGNED -> broadcast(row);
            case SENT, PACKED -> follow(row);
            default -> throw new IllegalStateException("checkpoint " + row.id() + " is not in flight");
        }
    }

    private void broadcast(CheckpointRow row) throws SQLException {
        Instant now = clock.instant();
        try {
            node.sendTx(AnchorTransactions.parse(signed(row)));
        } catch (IostRejectedException e) {
            switch (e.reason()) {
                case DUPLICATE -> Log.debugf("anchor tx %s already known to the node", row.txHash());
                case TIME -> {
                    resign(row, "the node refused the tx time");
                    return;
                }
                default -> throw e;
            }
        }
        lastBroadcastAt = now;
        checkpoints.markSent(row.id(), now);
        crashPoints.reached(CrashPoints.AFTER_BROADCAST);
    }

    private void follow(CheckpointRow row) throws SQLException {
        Instant now = clock.instant();
        TxResponse status;
        try {
            status = node.getTxByHash(row.txHash());
        } catch (IostRejectedException e) {
            if (e.reason() != IostRejectedException.Reason.NOT_FOUND) {
                throw e;
            }
            if (now.isAfter(row.txExpiresAt().plus(EXPIRY_GRACE))) {
                resign(row, "expired without inclusion");
            } else if (now.isAfter(lastBroadcastAt.plus(config.iost().rebroadcastInterval()))) {
                rebroadcast(row, now);
            }
            return;
        }
        switch (status.status()) {
            case PENDING -> {
                if (now.isAfter(lastBroadcastAt.plus(config.iost().rebroadcastInterval()))) {
                    rebroadcast(row, now);
                }
            }
            case PACKED -> {
                if (!row.txHash().equals(packedTx)) {
                    packedTx = row.txHash();
                    packedSeenAt = now;
                }
                if (row.state() == CheckpointState.SENT && !now.isBefore(packedSeenAt.plus(PACKED_NOTICE_AFTER))) {
                    packed(row, now);
                }
            }
            case IRREVERSIBLE -> irreversible(row, status.blockNumber(), now);
        }
    }

    /** The same signed bytes again: a node that lost it takes it, one that has it answers DUPLICATE. */
    private void rebroadcast(CheckpointRow row, Instant now) {
        try {
            node.sendTx(AnchorTransactions.parse(signed(row)));
        } catch (IostRejectedException e) {
            if (e.reason() != IostRejectedException.Reason.DUPLICATE) {
                throw e;
            }
        }
        lastBroadcastAt = now;
    }

    private void resign(CheckpointRow row, String why) throws SQLException {
        SignedAnchorTx tx = transactions.sign(row.chainId(), config.log().origin(), row.size(), Hex.encode(row.root()),
                row.prevSize());
        checkpoints.resign(row.id(), tx);
        metrics.txSigned();
        Log.infof("checkpoint %d: anchor tx %s %s; signed a new one, %s", row.size(), row.txHash(), why, tx.hash());
    }

    private void packed(CheckpointRow row, Instant now) throws SQLException {
        AnchorRef anchor = confirmations.anchorRef(row, -1, AnchorRef.PACKED);
        List<TechoEvent> announcements = new ArrayList<>();
        announcements.add(confirmations.checkpointAnchored(row, anchor));
        if (row.size() - row.prevSize() <= MAX_PACKED_NOTICES) {
            for (LogLeaf leaf : log.leaves(row.prevSize(), row.size())) {
                AnchorPacked notice = confirmations.packed(leaf, anchor);
                if (notice != null) {
                    announcements.add(notice);
                }
            }
        }
        checkpoints.markPacked(row.id(), now, announcements);
        relay.wake();
    }

    private void irreversible(CheckpointRow row, long blockNumber, Instant now) throws SQLException {
        TxReceipt receipt = node.getTxReceiptByTxHash(row.txHash());
        if (!receipt.succeeded()) {
            checkpoints.markFailed(row.id(), receipt.statusCode() + ": " + Objects.toString(receipt.message(), ""), now);
            metrics.chainError("TX_" + receipt.statusCode());
            Log.errorf("checkpoint %d: anchor tx %s is irreversible with status %s (%s); the next checkpoint covers "
                    + "its leaves", row.size(), row.txHash(), receipt.statusCode(), receipt.message());
            return;
        }
        AnchorRef anchor = confirmations.anchorRef(row, blockNumber, AnchorRef.IRREVERSIBLE);
        checkpoints.markIrreversible(row.id(), blockNumber, now, confirmations.checkpointAnchored(row, anchor));
        relay.wake();
        Log.debugf("checkpoint %d anchored irreversibly in block %d", row.size(), blockNumber);
        publishConfirmations();
    }

    /**
     * Confirmations of anchored leaves, a batch at a time, each batch acknowledged by Kafka before the cursor moves
     * past it (ADR 0014). While Kafka refuses them, anchoring goes on and they are retried a little later.
     */
    private void publishConfirmations() throws SQLException {
        if (clock.instant().isBefore(confirmationsPausedUntil)) {
            return;
        }
        Optional<CheckpointRow> next;
        while ((next = checkpoints.unconfirmed()).isPresent()) {
            CheckpointRow row = next.get();
            long from = row.confirmedThrough();
            long through = Math.min(row.size(), from + config.checkpoint().confirmationBatch());
            AnchorRef anchor = confirmations.anchorRef(row, row.blockNumber(), AnchorRef.IRREVERSIBLE);
            List<LogLeaf> leaves = log.leaves(from, through);
            List<AnchorConfirmed> batch = new ArrayList<>(leaves.size());
            for (LogLeaf leaf : leaves) {
                AnchorConfirmed confirmation = confirmations.confirmed(leaf, row, anchor, logTree.tree());
                if (confirmation != null) {
                    batch.add(confirmation);
                }
            }
            try {
                publisher.publish(batch, row.finalAt());
            } catch (ConfirmationPublisher.ConfirmationsNotPublished e) {
                confirmationsPausedUntil = clock.instant().plus(CONFIRMATIONS_RETRY);
                Log.warnf("checkpoint %d: %s; next try in %d s", row.size(), e.getMessage(), CONFIRMATIONS_RETRY.toSeconds());
                return;
            }
            crashPoints.reached(CrashPoints.AFTER_CONFIRMATIONS_PUBLISHED);
            Instant now = clock.instant();
            if (checkpoints.advanceConfirmed(row.id(), from, through)) {
                leaves.forEach(leaf -> metrics.confirmed(Duration.between(leaf.eventTime(), now)));
            }
        }
    }

    private int chainId() {
        if (chainId == null) {
            chainId = node.getChainInfo().chainId();
        }
        return chainId;
    }

    private SignedAnchorTx signed(CheckpointRow row) {
        return new SignedAnchorTx(row.txHash(), row.txBody(), row.txExpiresAt());
    }
}
