// The Node peer of `sendout bench render` (scripts/bench.sh render-vs-node). Builds the event objects once from
// bodies that `sendout render` printed (one per line in BODIES, e.g. the seeds `sendout bench render` cycles
// through), then for SECONDS takes them in turn: a fresh top-level `id`, JSON.stringify, createHmac('sha256')
// hex. Prints the rate in the format of `sendout bench render`.
// Usage: node scripts/bench/render-node.js BODIES SECONDS [SECRET]
'use strict';
const fs = require('fs');
const { createHmac } = require('crypto');

const [bodiesPath, secondsText = '3', secret = 'bench-secret'] = process.argv.slice(2);
const events = fs.readFileSync(bodiesPath, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line));
const seconds = Number(secondsText);
const firstID = 0x0e6fc40d65ca; // a whs_ id counter (fits a double exactly)
let count = 0;
let bytes = 0;
let signatures = 0; // uses every digest, so no work can be skipped
const start = process.hrtime.bigint();
const end = start + BigInt(Math.round(seconds * 1e9));
let now = start;
while (now < end) {
  for (let i = 0; i < 256; i++) {
    const event = events[count % events.length];
    event.id = 'whs_' + (firstID + count).toString(16).padStart(18, '0');
    const body = JSON.stringify(event);
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    bytes += body.length;
    signatures += signature.length;
    count++;
  }
  now = process.hrtime.bigint();
}
const elapsed = Number(now - start) / 1e9;
if (signatures !== count * 64) throw new Error('a signature was not 64 hex digits');
console.log(
  `node render+sign: ${Math.round(count / elapsed)} payloads/s on one core ` +
    `(${count} in ${elapsed.toFixed(2)} s, mean body ${Math.round(bytes / count)} B)`);
