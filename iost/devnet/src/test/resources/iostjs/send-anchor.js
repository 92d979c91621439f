'use strict';
// Signs an anchor tx with the official iost.js SDK and sends it with the SDK's own signAndSend, which polls
// getTxReceiptByTxHash until the tx is irreversible. Prints one JSON line: the hash the node returned, the exact
// body the SDK posted, and the receipt. Usage: node send-anchor.js <url> <chainId> <contract> <account> <rawKey> <origin> <rootHex>
const IOST = require('iost');

async function main() {
    const [url, chainId, contract, accountName, rawKey, origin, root] = process.argv.slice(2);
    const iost = new IOST.IOST({ gasRatio: 1, gasLimit: 100000, delay: 0, expiration: 90 });
    await iost.setRPC(new IOST.RPC(new IOST.HTTPProvider(url)));
    const account = new IOST.Account(accountName);
    const kp = new IOST.KeyPair(IOST.Bs58.decode(rawKey));
    account.addKeyPair(kp, 'owner');
    account.addKeyPair(kp, 'active');
    iost.setAccount(account);
    const tx = iost.callABI(contract, 'anchor', [origin, 3, root, 0]);
    tx.setChainID(Number(chainId));
    let hash = null;
    iost.signAndSend(tx)
        .on('pending', (h) => { hash = h; })
        .on('success', (receipt) => {
            console.log(JSON.stringify({ hash, body: JSON.parse(JSON.stringify(tx)), receipt }));
            process.exit(0);
        })
        .on('failed', (e) => {
            console.error('iost.js reported failure: ' + (typeof e === 'string' ? e : JSON.stringify(e)));
            process.exit(1);
        });
}

main().catch((e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
