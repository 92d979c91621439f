// Techo anchor contract for the IOST JavaScript VM (go-iost v3).
//
// anchor(origin, size, rootHex, prevSize) records the Merkle root of the log `origin` at tree size `size`.
// Sizes must grow, and `prevSize` must equal the last anchored size of that origin (0 before the first anchor), so
// a writer that lost track of the chain is refused instead of forking the history. Only the configured anchoring
// account (`set_writer`, contract owner only) may anchor. Every anchor writes a receipt with what was anchored.
//
// Storage layout (keys and fields: at most 64 chars, no '-' or '@', so origins are keyed by IOSTCrypto.sha3):
//   writer                          -> the anchoring account name
//   last   / <originKey>            -> last anchored size, decimal string
//   origin / <originKey>            -> the origin string
//   <originKey> / <size>            -> JSON {"root","prev","tx","block"}
// where originKey = IOSTCrypto.sha3(origin) (base58 of SHA3-256). The devnet (iost/devnet) implements the same
// semantics in Java and both are checked against test/conformance.json.

const ROOT_HEX = /^[0-9a-f]{64}$/;
const ORIGIN = /^[\x20-\x7e]{1,256}$/;
const ACCOUNT = /^[a-z0-9_]{5,11}$/;
const MAX_SIZE = 9007199254740991; // 2^53 - 1: the largest integer a JS number holds exactly

function originKey(origin) {
    return IOSTCrypto.sha3(origin);
}

function absent(v) {
    return v === null || v === undefined || v === '';
}

function requireOrigin(origin) {
    if (typeof origin !== 'string' || !ORIGIN.test(origin)) {
        throw new Error('anchor: origin must be 1 to 256 printable ASCII characters');
    }
}

function requireSize(name, value, min) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_SIZE) {
        throw new Error('anchor: ' + name + ' must be an integer from ' + min + ' to 2^53-1, got ' + JSON.stringify(value));
    }
}

function lastSize(key) {
    const v = storage.mapGet('last', key);
    return absent(v) ? 0 : Number(v);
}

class Anchor {
    init() {
    }

    can_update(data) {
        return blockchain.requireAuth(blockchain.contractOwner(), 'active');
    }

    set_writer(account) {
        if (!blockchain.requireAuth(blockchain.contractOwner(), 'active')) {
            throw new Error('anchor: only the contract owner may set the writer');
        }
        if (typeof account !== 'string' || !ACCOUNT.test(account)) {
            throw new Error('anchor: invalid account name ' + JSON.stringify(account));
        }
        storage.put('writer', account);
        blockchain.receipt(JSON.stringify({ writer: account }));
    }

    anchor(origin, size, rootHex, prevSize) {
        const writer = storage.get('writer');
        if (absent(writer)) {
            throw new Error('anchor: no anchoring account is configured');
        }
        if (!blockchain.requireAuth(writer, 'active')) {
            throw new Error('anchor: only ' + writer + '@active may anchor');
        }
        requireOrigin(origin);
        requireSize('size', size, 1);
        if (typeof rootHex !== 'string' || !ROOT_HEX.test(rootHex)) {
            throw new Error('anchor: rootHex must be 64 lowercase hex characters');
        }
        requireSize('prevSize', prevSize, 0);
        const key = originKey(origin);
        const last = lastSize(key);
        if (prevSize !== last) {
            throw new Error('anchor: prevSize ' + prevSize + ' is not the last anchored size ' + last);
        }
        if (size <= last) {
            throw new Error('anchor: size ' + size + ' does not grow past the last anchored size ' + last);
        }
        if (last === 0) {
            storage.mapPut('origin', key, origin);
        }
        storage.mapPut(key, String(size), JSON.stringify({ root: rootHex, prev: prevSize, tx: tx.hash, block: block.number }));
        storage.mapPut('last', key, String(size));
        blockchain.receipt(JSON.stringify({ origin: origin, size: size, root: rootHex, prev_size: prevSize }));
    }

    last_size(origin) {
        requireOrigin(origin);
        return lastSize(originKey(origin));
    }

    root_at(origin, size) {
        requireOrigin(origin);
        requireSize('size', size, 1);
        const v = storage.mapGet(originKey(origin), String(size));
        if (absent(v)) {
            throw new Error('anchor: no root anchored at size ' + size);
        }
        return JSON.parse(v).root;
    }
}

module.exports = Anchor;
