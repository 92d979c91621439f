'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { FakeHost, base58 } = require('./fake-host');

const CONTRACT = path.join(__dirname, '..', 'anchor.js');
const ABI = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'anchor.abi'), 'utf8'));
const CASES = JSON.parse(fs.readFileSync(path.join(__dirname, 'conformance.json'), 'utf8'));
const originKey = (o) => base58(crypto.createHash('sha3-256').update(o).digest());

test('conformance steps: refusals, receipts and return values', () => {
    const host = new FakeHost(CASES.owner).load(CONTRACT);
    CASES.steps.forEach((step, i) => {
        const opts = { auth: step.auth, txHash: step.tx_hash, block: step.block };
        const label = `step ${i}: ${step.action}(${JSON.stringify(step.args)})`;
        if (step.expect.error) {
            const before = new Map(host.data);
            assert.throws(() => host.call(step.action, step.args, opts), { message: step.expect.error }, label);
            assert.deepEqual(host.data, before, label + ' left storage changed');
        } else {
            const { ret, receipts } = host.call(step.action, step.args, opts);
            assert.deepEqual(receipts, step.expect.receipts || [], label);
            if ('return' in step.expect) assert.deepEqual(ret, step.expect.return, label);
        }
    });
    for (const r of CASES.stored_records) {
        assert.equal(host.data.get(originKey(r.origin) + '-' + r.size), r.value);
    }
    assert.equal(host.data.get('origin-' + originKey('techo-dev.local/log')), 'techo-dev.local/log');
    assert.equal(host.data.get('last-' + originKey('techo-dev.local/log')), '10');
});

test('every stored value is a string and every key valid (the fake host enforces both)', () => {
    const host = new FakeHost('admin').load(CONTRACT);
    host.call('set_writer', ['techoanchor'], { auth: ['admin'] });
    host.call('anchor', ['x'.repeat(256), 1, 'a'.repeat(64), 0], { auth: ['techoanchor'] });
    for (const [k, v] of host.data) {
        assert.equal(typeof v, 'string', k);
        for (const part of k.split('-')) assert.ok(part.length >= 1 && part.length <= 64, k);
    }
});

test('origin keys are IOSTCrypto.sha3: base58 of SHA3-256, as the IOST docs example gives', () => {
    const host = new FakeHost('admin');
    assert.equal(host.globals.IOSTCrypto.sha3('Fule will be expensive. Everyone will have a small car.'),
        'EBNarfcGkAczpeiSJwtUfH9FEVd1xFhdZis83erU9WNu');
});

test('the ABI matches the contract: VM rules for names, arity and types', () => {
    const Anchor = require(CONTRACT);
    assert.equal(ABI.lang, 'javascript');
    for (const entry of ABI.abi) {
        assert.match(entry.name, /^[A-Za-z0-9_]{1,32}$/);
        assert.ok(!entry.name.startsWith('_'));
        assert.equal(typeof Anchor.prototype[entry.name], 'function', entry.name);
        assert.equal(Anchor.prototype[entry.name].length, entry.args.length, entry.name + ' arity');
        entry.args.forEach((a) => assert.ok(['string', 'bool', 'number', 'json'].includes(a)));
    }
    assert.equal(typeof Anchor.prototype.init, 'function');
    // validate.js: the source must end with module.exports = ClassName; and have no constructor
    const src = fs.readFileSync(CONTRACT, 'utf8');
    assert.match(src.trim(), /module\.exports = Anchor;$/);
    assert.ok(!/constructor\s*\(/.test(src));
    assert.ok(Buffer.byteLength(src) <= 49152, 'code must fit the 49152-byte limit');
});

test('can_update needs the owner', () => {
    const host = new FakeHost('admin').load(CONTRACT);
    assert.equal(host.call('can_update', [''], { auth: ['admin'] }).ret, true);
    assert.equal(host.call('can_update', [''], { auth: ['techoanchor'] }).ret, false);
});
