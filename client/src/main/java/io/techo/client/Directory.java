package io.techo.client;

import io.techo.common.crypto.KeyIds;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads the directory of parties and keys through the gateway. Every key it hands out is checked against its id
 * (the SHA-256 of the key), so an answer cannot swap a key under a known id. Keys are cached per client: a key's
 * bytes never change under its id.
 */
final class Directory {

    private final GatewayHttp http;
    private final Supplier<String> token;
    private final Map<String, PartyKey> keysById = new ConcurrentHashMap<>();

    Directory(GatewayHttp http, Supplier<String> token) {
        this.http = http;
        this.token = token;
    }

    Party party(String partyId) {
        Party party = GatewayHttp.convert(http.get("/api/v1/parties/" + PathSegments.accountId(partyId), Map.of(), token.get()), Party.class);
        party.keys().forEach(Directory::checked);
        return party;
    }

    /** The public key with this id and its owner, active or retired (old signatures stay checkable). */
    PartyKey key(String keyId) {
        return keysById.computeIfAbsent(keyId, id -> checked(GatewayHttp.convert(http.get("/api/v1/keys/" + PathSegments.keyId(id), Map.of(),
                token.get()), PartyKey.class)));
    }

    /** The raw encryption keys a party reads envelopes with now; none for a party that cannot (a facility). */
    List<byte[]> activeEncryptionKeys(String partyId) {
        return party(partyId).activeKeys("ENCRYPTION").stream().map(key -> Base64.getDecoder().decode(key.publicKey())).toList();
    }

    private static PartyKey checked(PartyKey key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.publicKey());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IntegrityException("the directory's key " + key.keyId() + " is not base64");
        }
        if (!KeyIds.of(raw).equals(key.keyId())) {
            throw new IntegrityException("the directory answered key " + key.keyId() + " with a key of another id");
        }
        return key;
    }
}
