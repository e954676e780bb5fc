<?php
// A webhook endpoint that verifies Voucherify's signature (and so sendout's): x-voucherify-signature is the
// lowercase hex HMAC-SHA256 of the exact request body with the webhook secret. Hash the raw body, never a
// re-encoded json_decode() of it, and compare in constant time.
//   php -S 127.0.0.1:3000 examples/php/receiver.php
//   sendout fire customer.created --to http://127.0.0.1:3000/webhooks --secret "$VOUCHERIFY_WEBHOOK_SECRET"

$secret = getenv('VOUCHERIFY_WEBHOOK_SECRET') ?: 'recipe-webhook-secret';
$body = file_get_contents('php://input');
$given = $_SERVER['HTTP_X_VOUCHERIFY_SIGNATURE'] ?? '';

if (!hash_equals(hash_hmac('sha256', $body, $secret), $given)) {
    http_response_code(401);
    exit("signature mismatch\n");
}
$event = json_decode($body, true);
error_log(sprintf('%s %s', $event['type'] ?? '?', $event['id'] ?? '?'));
http_response_code(200); // answer 2xx fast; anything else (or 10 s of silence) is retried
