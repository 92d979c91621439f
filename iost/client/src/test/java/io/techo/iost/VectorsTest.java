package io.techo.iost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every value in {@code iost-vectors.json} (made by the official iost.js SDK 0.1.22), reproduced byte for byte. */
class VectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode root;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = VectorsTest.class.getResourceAsStream("/iost-vectors.json")) {
            root = JSON.readTree(in);
        }
    }

    static List<String> vectorNames() throws IOException {
        load();
        return StreamSupport.stream(root.get("vectors").spliterator(), false).map(v -> v.get("name").asText()).toList();
    }

    private static JsonNode vector(String name) {
        return StreamSupport.stream(root.get("vectors").spliterator(), false)
                .filter(v -> v.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static KeyPair key(String which) {
        JsonNode k = root.get("keys").get(which);
        Algorithm alg = Algorithm.fromCode(k.get("algorithm_enum").asInt());
        return KeyPair.fromSecretKey(alg, k.get("seckey_base58_iost_raw_key").asText());
    }

    @ParameterizedTest
    @MethodSource("vectorNames")
    void keysDecodeFromTheirRawKeyText(String ignored) {
        for (String which : List.of("ed25519", "secp256k1")) {
            JsonNode k = root.get("keys").get(which);
            KeyPair kp = key(which);
            assertThat(HEX.formatHex(kp.publicKey())).isEqualTo(k.get("pubkey_hex").asText());
            assertThat(kp.publicKeyId()).isEqualTo(k.get("pubkey_base58_account_key_id").asText());
            assertThat(Base64.getEncoder().encodeToString(kp.publicKey())).isEqualTo(k.get("pubkey_base64_rpc").asText());
            assertThat(kp.secretKeyBase58()).isEqualTo(k.get("seckey_base58_iost_raw_key").asText());
            assertThat(KeyPair.fromSecretKey(kp.algorithm(), "0x" + k.get("seckey_hex").asText()).publicKeyId())
                    .isEqualTo(kp.publicKeyId());
        }
        assertThat(KeyPair.ed25519FromSeed(HEX.parseHex(root.get("keys").get("ed25519").get("seed_hex").asText()))
                .secretKeyBase58()).isEqualTo(root.get("keys").get("ed25519").get("seckey_base58_iost_raw_key").asText());
    }

    @ParameterizedTest
    @MethodSource("vectorNames")
    void bytesHashesSignaturesAndBodiesMatch(String name) throws IOException {
        JsonNode v = vector(name);
        JsonNode in = v.get("input");
        Transaction.Builder b = Transaction.builder()
                .time(Long.parseLong(in.get("time").asText()))
                .expiration(Long.parseLong(in.get("expiration").asText()))
                .gasRatio(in.get("gas_ratio").asDouble())
                .gasLimit(in.get("gas_limit").asDouble())
                .delay(Long.parseLong(in.get("delay").asText()))
                .chainId(in.get("chain_id").asInt())
                .action(in.get("contract").asText(), in.get("action_name").asText(), in.get("data").asText());
        in.get("amount_limit").forEach(a -> b.amountLimit(new AmountLimit(a.get("token").asText(), a.get("value").asText())));
        in.get("signers").forEach(s -> b.signer(s.asText()));
        Transaction tx = b.build();

        assertThat(HEX.formatHex(tx.toBytes(Transaction.Level.BASE))).isEqualTo(v.get("base_bytes_hex").asText());
        assertThat(HEX.formatHex(tx.baseHash())).isEqualTo(v.get("base_hash_sha3_256_hex").asText());

        for (JsonNode cosigner : in.get("cosigner_keys")) {
            tx = tx.signedBy(key(cosigner.asText()));
        }
        assertSignatures(tx.signatures(), v.get("signatures"));
        assertThat(HEX.formatHex(tx.toBytes(Transaction.Level.PUBLISH))).isEqualTo(v.get("publish_bytes_hex").asText());
        assertThat(HEX.formatHex(tx.publishHash())).isEqualTo(v.get("publish_hash_sha3_256_hex").asText());
        assertThat(Base64.getEncoder().encodeToString(tx.publishHash())).isEqualTo(v.get("publish_hash_base64").asText());

        tx = tx.publishedBy(in.get("publisher").asText(), key(in.get("publisher_key").asText()));
        assertSignatures(tx.publisherSigs(), v.get("publisher_sigs"));
        assertThat(tx.publisherSigs().get(0).verify(tx.publishHash())).isTrue();
        tx.signatures().forEach(s -> assertThat(s.verify(HEX.parseHex(v.get("base_hash_sha3_256_hex").asText()))).isTrue());

        assertThat(HEX.formatHex(tx.toBytes(Transaction.Level.FULL))).isEqualTo(v.get("full_bytes_hex").asText());
        assertThat(HEX.formatHex(tx.hash())).isEqualTo(v.get("tx_hash_sha3_256_hex").asText());
        assertThat(tx.hashBase58()).isEqualTo(v.get("tx_hash_base58").asText());

        // the body a Java client POSTs is the proto-name body, byte for byte
        assertThat(JSON.writeValueAsString(TxJson.toRequest(tx)))
                .isEqualTo(JSON.writeValueAsString(v.get("sendTx_body_proto_names")));
        // what iost.js POSTs (lowerCamel names, "reserved": null) reads back into the same transaction
        assertThat(TxJson.fromRequest(v.get("sendTx_body_as_posted_by_iostjs")).toBytes(Transaction.Level.FULL))
                .isEqualTo(tx.toBytes(Transaction.Level.FULL));
        assertThat(TxJson.fromRequest(v.get("sendTx_body_proto_names")).hashBase58()).isEqualTo(tx.hashBase58());
    }

    private static void assertSignatures(List<Signature> actual, JsonNode expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            Signature s = actual.get(i);
            JsonNode e = expected.get(i);
            assertThat(s.algorithm().name()).isEqualTo(e.get("algorithm").asText());
            assertThat(s.algorithm().code()).isEqualTo(e.get("algorithm_enum").asInt());
            assertThat(HEX.formatHex(s.signature())).isEqualTo(e.get("signature_hex").asText());
            assertThat(Base64.getEncoder().encodeToString(s.signature())).isEqualTo(e.get("signature_base64").asText());
            assertThat(HEX.formatHex(s.publicKey())).isEqualTo(e.get("public_key_hex").asText());
            assertThat(Base64.getEncoder().encodeToString(s.publicKey())).isEqualTo(e.get("public_key_base64").asText());
        }
    }

    @Test
    void officialDocsExampleReproducesItsPublishHashSignatureAndFullBytes() {
        JsonNode d = root.get("docs_example_check");
        byte[] secret = Base64.getDecoder().decode("gkpobuI3gbFGstgfdymLBQAGR67ulguDzNmLXEJSWaGUNL5J0z5qJUdsPJdqm+uyDIrEWD2Ym4dY9lv8g0FFZg==");
        KeyPair kp = KeyPair.fromSecretKey(Algorithm.ED25519, Base58.encode(secret));
        Transaction tx = Transaction.builder()
                .time(1544709662543340000L).expiration(1544709692318715000L).gasRatio(1).gasLimit(500000).delay(0)
                .chainId(1024)
                .action("token.iost", "transfer", "[\"iost\", \"testaccount\", \"anothertest\", \"100\", \"this is an example transfer\"]")
                .amountLimit(new AmountLimit("*", "unlimited"))
                .build();
        assertThat(Base64.getEncoder().encodeToString(tx.publishHash())).isEqualTo(d.get("publish_hash_base64_docs").asText());
        tx = tx.publishedBy("testaccount", kp);
        assertThat(Base64.getEncoder().encodeToString(tx.publisherSigs().get(0).signature()))
                .isEqualTo(d.get("signature_base64_computed").asText());
        assertThat(HEX.formatHex(tx.toBytes(Transaction.Level.FULL))).isEqualTo(d.get("full_bytes_hex").asText());
        assertThat(tx.hashBase58()).isEqualTo(d.get("tx_hash_base58_computed_unverified").asText());
    }

    @Test
    void sha3IsFips202AsInTheIostCryptoDocsExample() {
        JsonNode m = root.get("misc").get("iostcrypto_sha3_doc_example");
        assertThat(Base58.encode(Hashes.sha3(m.get("input").asText().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(m.get("expected").asText());
    }
}
