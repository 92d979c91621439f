package io.techo.iost.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.iost.rpc.RpcJson;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running devnet: the chain, its block producer and the HTTP gateway. Start with {@link #start}, stop with close. */
public final class Devnet implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Devnet.class.getName());

    private final DevnetConfig config;
    private final Chain chain;
    private final Faults faults;
    private final Vertx vertx;
    private final HttpServer server;
    private final ScheduledExecutorService producer;

    private Devnet(DevnetConfig config, Chain chain, Faults faults, Vertx vertx, HttpServer server,
                   ScheduledExecutorService producer) {
        this.config = config;
        this.chain = chain;
        this.faults = faults;
        this.vertx = vertx;
        this.server = server;
        this.producer = producer;
    }

    public static Devnet start(DevnetConfig config) {
        ObjectMapper json = RpcJson.mapper();
        Genesis genesis = Genesis.load(config.genesis());
        Faults faults = new Faults(config.faults());
        Chain chain = new Chain(genesis, new Contracts(genesis, json), BlockLog.open(config.dataDir(), json), json,
                faults, Devnet::nowNanos, config.irreversibleLag());
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(4).setEventLoopPoolSize(1));
        HttpServer server;
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                    .requestHandler(new HttpApi(chain, faults, json).router(vertx))
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            chain.close();
            throw new IllegalStateException("devnet cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devnet-block-producer");
            t.setDaemon(true);
            return t;
        });
        long interval = config.blockInterval().toMillis();
        producer.scheduleAtFixedRate(() -> {
            try {
                chain.produceBlock();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "block production failed", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        Devnet devnet = new Devnet(config.withPort(server.actualPort()), chain, faults, vertx, server, producer);
        LOG.log(System.Logger.Level.INFO, "IOST devnet (chain id {0}) listening on {1}, data in {2}, a block every {3} ms, irreversible after {4} blocks",
                String.valueOf(genesis.chainId()), devnet.uri(), config.dataDir().toAbsolutePath(), String.valueOf(interval), String.valueOf(config.irreversibleLag()));
        return devnet;
    }

    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public URI uri() {
        return URI.create("http://" + config.host() + ":" + config.port() + "/");
    }

    public int port() {
        return config.port();
    }

    public int chainId() {
        return chain.genesis().chainId();
    }

    public Faults faults() {
        return faults;
    }

    public long headBlock() {
        return chain.head().number();
    }

    @Override
    public void close() {
        producer.shutdown();
        try {
            producer.awaitTermination(10, TimeUnit.SECONDS);
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "devnet shutdown: " + e);
        }
        chain.close();
    }
}
