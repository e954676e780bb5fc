// A Node test suite against `sendout serve`, the mock Voucherify API, with nothing from npm: node:test, fetch, and
// node:crypto to verify the signatures. Run: SENDOUT_BIN=/path/to/sendout node --test examples/node/
// (SENDOUT_BIN defaults to `sendout` on the PATH).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

const SECRET = 'recipe-webhook-secret'; // what your application is configured with
const received = []; // { verified, body }
let receiver, serve, api;

// The webhook endpoint (in your suite: your application's), checking x-voucherify-signature:
// lowercase hex HMAC-SHA256 of the exact body bytes with the webhook secret.
function verified(raw, signature) {
  const expected = Buffer.from(createHmac('sha256', SECRET).update(raw).digest('hex'));
  const given = Buffer.from(String(signature ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function waitFor(predicate, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = received.find((w) => predicate(w.body));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no such webhook within ${timeoutMs} ms; got ${received.map((w) => w.body.type)}`);
}

async function call(method, path, body) {
  const response = await fetch(api.url + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-app-id': api.app_id, 'x-app-token': api.app_token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, `${method} ${path}`);
  return response.json();
}

before(async () => {
  receiver = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ verified: verified(raw, request.headers['x-voucherify-signature']), body: JSON.parse(raw) });
      response.writeHead(200).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const to = `http://127.0.0.1:${receiver.address().port}/webhooks`;
  serve = spawn(process.env.SENDOUT_BIN ?? 'sendout', ['serve', '--port', '0', '--json', '--to', to, '--secret', SECRET,
    '--audit', `${process.env.TMPDIR ?? '/tmp'}/sendout-node-recipe-${process.pid}.jsonl`], { stdio: ['ignore', 'pipe', 'ignore'] });
  const lines = createInterface({ input: serve.stdout });
  const [first] = await once(lines, 'line'); // where it listens and the generated keys, as one JSON object
  api = JSON.parse(first);
  serve.stdout.resume(); // keep the rest of its output flowing
});

after(() => {
  serve?.kill();
  receiver?.close();
});

test('creating a customer sends a signed customer.created', async () => {
  const sourceId = `node-${randomUUID().slice(0, 8)}`;
  const customer = await call('POST', '/v1/customers', { source_id: sourceId });
  const webhook = await waitFor((b) => b.type === 'customer.created' && b.data.customer.id === customer.id);
  assert.ok(webhook.verified, 'signature verified');
  assert.equal(webhook.body.data.customer.source_id, sourceId);
});

test('a redemption sends redemption.succeeded with the code', async () => {
  const customer = { source_id: `node-${randomUUID().slice(0, 8)}` };
  const publication = await call('POST', '/v1/publications', { customer, campaign: { name: 'Welcome Offer' } });
  const code = publication.voucher.code;
  const redeemed = await call('POST', '/v1/redemptions', {
    redeemables: [{ object: 'voucher', id: code }], order: { amount: 20000 }, customer,
  });
  const id = redeemed.redemptions[0].id;
  const webhook = await waitFor((b) => b.type === 'redemption.succeeded' && b.data.redemption.id === id);
  assert.ok(webhook.verified, 'signature verified');
  assert.equal(webhook.body.data.redemption.voucher.code, code);
});
