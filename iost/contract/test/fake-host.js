'use strict';
// A small fake of the IOST contract host API (go-iost vm/v8vm/v8/libjs: storage.js, blockchain.js, the tx/block
// globals and IOSTCrypto) that is just strict enough to catch what a real chain would refuse: non-string storage
// values, invalid storage keys, and writes that must be rolled back when an action throws.
const crypto = require('node:crypto');
const path = require('node:path');

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(buf) {
    let n = BigInt('0x' + (buf.toString('hex') || '0'));
    let out = '';
    while (n > 0n) {
        out = B58[Number(n % 58n)] + out;
        n /= 58n;
    }
    for (const b of buf) {
        if (b !== 0) break;
        out = '1' + out;
    }
    return out;
}

// vm/host/db_handler.go IsValidKey: 1-64 printable ASCII chars, no '-' or '@'
function checkKey(k) {
    if (typeof k !== 'string' || !/^[\x21-\x7e]{1,64}$/.test(k) || k.includes('-') || k.includes('@')) {
        throw new Error('fake host: invalid storage key ' + JSON.stringify(k));
    }
}

function checkValue(v) {
    if (typeof v !== 'string') {
        throw new Error('fake host: storage values must be strings, got ' + typeof v);
    }
}

class FakeHost {
    constructor(owner) {
        this.owner = owner;
        this.data = new Map(); // "key" or "key-field" -> value, like the node's own layout
        this.receipts = [];
        this.auth = new Set();
        this.tx = { hash: 'FakeTxHash', publisher: owner, time: 0 };
        this.block = { number: 1, time: 0, parentHash: '', witness: 'fake' };
        const self = this;
        this.globals = {
            storage: {
                put(k, v) { checkKey(k); checkValue(v); self.data.set(k, v); },
                get(k) { checkKey(k); return self.data.has(k) ? self.data.get(k) : null; },
                has(k) { checkKey(k); return self.data.has(k); },
                del(k) { checkKey(k); self.data.delete(k); },
                mapPut(k, f, v) { checkKey(k); checkKey(f); checkValue(v); self.data.set(k + '-' + f, v); },
                mapGet(k, f) { checkKey(k); checkKey(f); const x = k + '-' + f; return self.data.has(x) ? self.data.get(x) : null; },
                mapHas(k, f) { checkKey(k); checkKey(f); return self.data.has(k + '-' + f); },
                mapDel(k, f) { checkKey(k); checkKey(f); self.data.delete(k + '-' + f); },
            },
            blockchain: {
                requireAuth(account, permission) { return permission === 'active' && self.auth.has(account); },
                contractOwner() { return self.owner; },
                receipt(content) {
                    if (typeof content !== 'string') throw new Error('fake host: receipt must be a string');
                    self.receipts.push(content);
                },
            },
            IOSTCrypto: {
                sha3(s) { return base58(crypto.createHash('sha3-256').update(Buffer.from(s, 'utf8')).digest()); },
            },
        };
    }

    /** Loads the contract class the way the VM does: module.exports of the source, with the host globals set. */
    load(file) {
        Object.assign(globalThis, this.globals);
        const resolved = path.resolve(file);
        delete require.cache[resolved];
        const Contract = require(resolved);
        this.instance = new Contract();
        this.instance.init();
        return this;
    }

    /** Runs one action as a tx would: the globals of this tx, rolled back storage and receipts when it throws. */
    call(action, args, { auth = [], txHash = 'FakeTxHash', block = 1 } = {}) {
        Object.assign(globalThis, this.globals);
        globalThis.tx = Object.assign({}, this.tx, { hash: txHash });
        globalThis.block = Object.assign({}, this.block, { number: block });
        this.auth = new Set(auth);
        const snapshot = new Map(this.data);
        const receiptCount = this.receipts.length;
        try {
            const ret = this.instance[action](...args);
            return { ret, receipts: this.receipts.slice(receiptCount) };
        } catch (e) {
            this.data = snapshot;
            this.receipts.length = receiptCount;
            throw e;
        }
    }
}

module.exports = { FakeHost, base58 };
