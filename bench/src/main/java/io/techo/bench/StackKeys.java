package io.techo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The keys of one run, made fresh in its own directory with the same commands as local development
 * ({@code deploy/dev-keys.sh}): the gateway's Ed25519 token key, whose public half the services trust, and a
 * self-signed TLS certificate for the gateway's HTTPS port.
 */
record StackKeys(Path tokenPrivateKey, String tokenPublicKeyPem, Path tlsCert, Path tlsKey) {

    static StackKeys generate(Path repositoryRoot, Path directory) {
        Path script = repositoryRoot.resolve("deploy/dev-keys.sh").toAbsolutePath();
        Path log = directory.resolve("dev-keys.log");
        try {
            Files.createDirectories(directory);
            ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                    "set -euo pipefail; source \"$0\"; ensure_gateway_token_key; ensure_gateway_tls_cert", script.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("TECHO_KEYS", directory.toAbsolutePath().toString());
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("generating the run's keys failed; see " + log);
            }
            return new StackKeys(directory.resolve("gateway-jwt-private.pem"),
                    Files.readString(directory.resolve("gateway-jwt-public.pem")),
                    directory.resolve("gateway-tls-cert.pem"), directory.resolve("gateway-tls-key.pem"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
