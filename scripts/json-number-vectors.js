#!/usr/bin/env node
// Generates Tests/Fixtures/json-number-vectors.json: [bit pattern (16 hex digits), JSON.stringify(n)]
// for 2,000 doubles from a fixed-seed PRNG: raw bit patterns (all exponents, subnormals) and
// decimal-looking values (k / 10^j, money amounts, powers of ten). Same output on every run.
// Usage: node scripts/json-number-vectors.js > Tests/Fixtures/json-number-vectors.json
"use strict";

let state = 0x2545f4914f6cdd1dn;
function next64() {  // xorshift64*
  state ^= state >> 12n; state ^= (state << 25n) & 0xffffffffffffffffn; state ^= state >> 27n;
  return (state * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
}
const view = new DataView(new ArrayBuffer(8));
function fromBits(bits) { view.setBigUint64(0, bits); return view.getFloat64(0); }
function toBits(n) { view.setFloat64(0, n); return view.getBigUint64(0).toString(16).padStart(16, "0"); }

const numbers = [];
while (numbers.length < 1000) {
  const n = fromBits(next64());
  if (Number.isFinite(n)) numbers.push(n);
}
for (let i = 0; i < 600; i++) {
  const k = Number(next64() % 100000000n) - 50000000;
  const j = Number(next64() % 30n);
  numbers.push(k / 10 ** j);
}
for (let i = 0; i < 200; i++) numbers.push(Number(next64() % 10000000n) / 100);
for (let e = -330; e <= 310; e += 4) numbers.push(Number("1e" + e), Number("7.5e" + e));
while (numbers.length > 2000) numbers.pop();

const vectors = numbers.map((n) => [toBits(n), JSON.stringify(n)]);
process.stdout.write(JSON.stringify({ generator: "scripts/json-number-vectors.js", node: process.version, vectors }) + "\n");
