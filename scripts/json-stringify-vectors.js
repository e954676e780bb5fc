#!/usr/bin/env node
// Generates Tests/Fixtures/json-stringify-vectors.json: golden JSON.stringify outputs.
// Usage: node scripts/json-stringify-vectors.js > Tests/Fixtures/json-stringify-vectors.json
// Each vector: `input` is the value written with code-point escapes only where JSON needs them
// (parse it with JSONParser to get the value), `compact` = JSON.stringify(v),
// `pretty` = JSON.stringify(v, null, 2). Numbers are given as JavaScript numbers; `number_text`
// holds the same value as an expression so the Swift side can build the Double exactly.
"use strict";

const controls = {};
for (let c = 0; c < 0x20; c++) controls["c" + c.toString(16).padStart(2, "0")] = String.fromCharCode(c);

const values = [
  ["empty object", {}],
  ["empty array", []],
  ["null", null],
  ["true", true],
  ["false", false],
  ["empty string", ""],
  ["quote backslash slash", "\"\\/"],
  ["all control characters", Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join("")],
  ["control characters as keys", controls],
  ["DEL and C1", "\u007f\u0080\u009f"],
  ["latin and CJK", "zażółć gęślą jaźń 日本語"],
  ["emoji", "😀👍🏽👨‍👩‍👧"],
  ["line and paragraph separators", "a\u2028b\u2029c"],
  ["BOM and noncharacters", "\ufeff\uffff"],
  ["html-ish", "<script>&amp;</script>"],
  ["key order kept", { z: 1, a: 2, m: { y: [], b: {} } }],
  ["integer-like keys", { b: 1, a: 2, c: 3 }],
  ["nested", { a: [1, [2, [3, [4, {}]]], { b: null }], c: { d: { e: { f: "g" } } } }],
  ["array of scalars", [0, -1, 1.5, "x", true, false, null]],
  ["mixed empty containers", { a: {}, b: [], c: [{}], d: [[]] }],
  ["voucherify-ish", { id: "whs_0e16e42bc6e0c65b57", created_at: "2024-01-01T11:11:11.111Z", data: { amount: 1000, metadata: {} } }],
];

const numbers = [
  ["zero", "0"],
  ["negative zero", "-0"],
  ["one", "1"],
  ["minus one", "-1"],
  ["1.5", "1.5"],
  ["-2.25e-10", "-2.25e-10"],
  ["0.1+0.2", "0.1+0.2"],
  ["1e21", "1e21"],
  ["1e20", "1e20"],
  ["999999999999999900000", "999999999999999900000"],
  ["1e-7", "1e-7"],
  ["1e-6", "1e-6"],
  ["0.000001234", "0.000001234"],
  ["5e-324", "5e-324"],
  ["max double", "Number.MAX_VALUE"],
  ["min normal", "2.2250738585072014e-308"],
  ["123456789012345680000", "123456789012345680000"],
  ["1e300", "1e300"],
  ["-1e300", "-1e300"],
  ["2^53", "9007199254740992"],
  ["2^53+2", "9007199254740994"],
  ["max safe integer", "Number.MAX_SAFE_INTEGER"],
  ["1/3", "1/3"],
  ["2/3", "2/3"],
  ["100", "100"],
  ["123.456", "123.456"],
  ["1e100", "1e100"],
  ["1.7976931348623157e308", "1.7976931348623157e308"],
  ["4.35", "4.35"],
  ["0.5", "0.5"],
  ["1234.5678e10", "1234.5678e10"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["-Infinity", "-Infinity"],
];

const vectors = [];
for (const [name, value] of values) {
  vectors.push({ name, input: value, compact: JSON.stringify(value), pretty: JSON.stringify(value, null, 2) });
}
for (const [name, expr] of numbers) {
  const n = eval(expr);
  const wrapped = { n, list: [n] };
  vectors.push({
    name: "number " + name,
    number_text: Number.isFinite(n) ? (Object.is(n, -0) ? "-0" : String(n)) : expr,
    compact: JSON.stringify(n),
    pretty: JSON.stringify(wrapped, null, 2),
  });
}

process.stdout.write(
  JSON.stringify(
    {
      generator: "scripts/json-stringify-vectors.js",
      node: process.version,
      note: "compact = JSON.stringify(v); pretty = JSON.stringify(v, null, 2); for numbers pretty wraps n as {n, list: [n]}",
      vectors,
    },
    null,
    2,
  ) + "\n",
);
