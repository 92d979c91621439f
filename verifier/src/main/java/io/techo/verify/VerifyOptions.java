package io.techo.verify;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code verify} command line.
 *
 * @param confirmation the confirmation's JSON file
 * @param logKey the pinned verifier key of the log
 * @param iostUrl a node to read the anchor from, or null
 * @param chainData an exported bundle to read it from, or null
 * @param ciphertext the record's ciphertext file, or null
 * @param ciphertextSha256 its SHA-256 in hex, or null
 * @param exportChainData where to write the node's data as a bundle, or null
 * @param json whether to print JSON instead of text
 */
record VerifyOptions(Path confirmation, String logKey, URI iostUrl, Path chainData, Path ciphertext,
        String ciphertextSha256, Path exportChainData, boolean json) {

    static final String USAGE = """
            usage: techo-verify --confirmation <file> --log-key <vkey>
                                (--iost-url <url> | --chain-data <bundle.json>)
                                [--ciphertext <file> | --ciphertext-sha256 <hex>]
                                [--export-chain-data <bundle.json>] [--json]

              --confirmation       the data of a techo.anchor.confirmed event (JSON)
              --log-key            the log's verifier key, <name>+<hash>+<base64 key>, from a source you trust
              --iost-url           any IOST node's HTTP API, e.g. http://127.0.0.1:30001
              --chain-data         a bundle written earlier by --export-chain-data (offline verification)
              --ciphertext         the record's ciphertext as downloaded, to tie it to the confirmation
              --ciphertext-sha256  or just its SHA-256, in hex
              --export-chain-data  with --iost-url: also save the node's answers for later offline verification
              --json               machine-readable output

            exit codes: 0 verified, 1 a check failed, 2 usage error
            """;

    private static final Set<String> VALUED = Set.of("--confirmation", "--log-key", "--iost-url", "--chain-data",
            "--ciphertext", "--ciphertext-sha256", "--export-chain-data");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** @throws UsageException with what is wrong in plain language */
    static VerifyOptions parse(String[] args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json")) {
                json = true;
            } else if (VALUED.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                if (values.put(arg, args[++i]) != null) {
                    throw new UsageException(arg + " is given twice");
                }
            } else {
                throw new UsageException("unknown argument: " + arg);
            }
        }
        require(values, "--confirmation");
        require(values, "--log-key");
        if (values.containsKey("--iost-url") == values.containsKey("--chain-data")) {
            throw new UsageException("give exactly one of --iost-url and --chain-data");
        }
        if (values.containsKey("--ciphertext") && values.containsKey("--ciphertext-sha256")) {
            throw new UsageException("give at most one of --ciphertext and --ciphertext-sha256");
        }
        if (values.containsKey("--export-chain-data") && !values.containsKey("--iost-url")) {
            throw new UsageException("--export-chain-data needs --iost-url (it saves that node's answers)");
        }
        String sha = values.get("--ciphertext-sha256");
        if (sha != null && !SHA256_HEX.matcher(sha).matches()) {
            throw new UsageException("--ciphertext-sha256 must be 64 hex characters");
        }
        return new VerifyOptions(path(values, "--confirmation"), values.get("--log-key"), url(values.get("--iost-url")),
                path(values, "--chain-data"), path(values, "--ciphertext"), sha, path(values, "--export-chain-data"), json);
    }

    private static void require(Map<String, String> values, String option) throws UsageException {
        if (!values.containsKey(option)) {
            throw new UsageException(option + " is required");
        }
    }

    private static Path path(Map<String, String> values, String option) throws UsageException {
        String value = values.get(option);
        try {
            return value == null ? null : Path.of(value);
        } catch (RuntimeException e) {
            throw new UsageException(option + " is not a valid file name: " + value);
        }
    }

    private static URI url(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException("--iost-url must be an http(s) URL like http://127.0.0.1:30001");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--iost-url is not a URL: " + value);
        }
    }
}
