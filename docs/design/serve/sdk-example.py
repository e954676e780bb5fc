#!/usr/bin/env python3
"""A checkout through the official Voucherify Python SDK (PyPI `voucherify`, checked with 6.1.1),
against any Voucherify-compatible base URL -- meant for `sendout serve`.

Skeleton for scripts/interop.sh (issue 11). Not yet run against a server (none exists yet);
imports and client construction are checked with `--selftest`.

Environment:
  VOUCHERIFY_BASE_URL      e.g. http://127.0.0.1:8080   (no trailing slash, no /v1)
  VOUCHERIFY_APP_ID        X-App-Id
  VOUCHERIFY_APP_TOKEN     X-App-Token
  PUBLISH_CAMPAIGN         campaign to publish a code from (default "Welcome Offer", the sample world's)
  LOYALTY_CAMPAIGN         optional: loyalty campaign id; default: first LOYALTY_PROGRAM from list_campaigns
  VOUCHERIFY_CLIENT_APP_ID / VOUCHERIFY_CLIENT_TOKEN   optional: also drive /client/v1/events
  VOUCHERIFY_MANAGEMENT_ID / VOUCHERIFY_MANAGEMENT_TOKEN / VOUCHERIFY_PROJECT_ID   optional: list webhooks

Usage:
  python3 sdk-example.py --selftest    # import + construct clients only, no network
  python3 sdk-example.py               # run the checkout; exit 1 on the first failed check
"""
import json
import os
import sys
import uuid

import voucherify as v
from voucherify.exceptions import ApiException, NotFoundException, UnauthorizedException
from voucherify.models import (
    ClientEventsCreateRequestBody,
    CreatePublicationCampaign,
    Customer,
    CustomersCreateRequestBody,
    EventsCreateRequestBody,
    LoyaltiesMembersBalanceUpdateRequestBody,
    LoyaltiesMembersCreateRequestBody,
    Order,
    OrderItem,
    OrdersCreateRequestBody,
    OrdersUpdateRequestBody,
    PublicationsCreateRequestBody,
    RedemptionsRedeemRequestBody,
    RedemptionsRedeemRequestBodyRedeemablesItem,
    RedemptionsRollbackCreateRequestBody,
    ValidationsValidateRequestBody,
    ValidationsValidateRequestBodyRedeemablesItem,
)

BASE = os.environ.get("VOUCHERIFY_BASE_URL", "http://127.0.0.1:8080").rstrip("/")


def server_client(app_id=None, token=None):
    """Server-side client: Configuration(host=...) sets server_index=None, so `host` is used verbatim."""
    cfg = v.Configuration(
        host=BASE,
        api_key={
            "X-App-Id": app_id or os.environ.get("VOUCHERIFY_APP_ID", "app-id"),
            "X-App-Token": token or os.environ.get("VOUCHERIFY_APP_TOKEN", "app-token"),
        },
    )
    cfg.retries = 0  # fail fast: the mock is local
    return v.ApiClient(cfg)  # sends X-Voucherify-Channel: Python-SDK, User-Agent: OpenAPI-Python-SDK/6.1.1


def client_side_client():
    cfg = v.Configuration(
        host=BASE,
        api_key={
            "X-Client-Application-Id": os.environ.get("VOUCHERIFY_CLIENT_APP_ID", "client-app-id"),
            "X-Client-Token": os.environ.get("VOUCHERIFY_CLIENT_TOKEN", "client-token"),
        },
    )
    return v.ApiClient(cfg)


def management_client():
    cfg = v.Configuration(
        host=BASE,
        api_key={
            "X-Management-Id": os.environ.get("VOUCHERIFY_MANAGEMENT_ID", "mgmt-id"),
            "X-Management-Token": os.environ.get("VOUCHERIFY_MANAGEMENT_TOKEN", "mgmt-token"),
        },
    )
    return v.ApiClient(cfg)


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        sys.exit(1)


def error_body(e: ApiException) -> dict:
    """The SDK does not parse error bodies: ApiException.body is the raw text."""
    try:
        return json.loads(e.body or "{}")
    except ValueError:
        return {}


def checkout():
    api = server_client()
    customers, publications = v.CustomersApi(api), v.PublicationsApi(api)
    validations, redemptions = v.ValidationsApi(api), v.RedemptionsApi(api)
    orders, events, loyalties = v.OrdersApi(api), v.EventsApi(api), v.LoyaltiesApi(api)
    vouchers, campaigns = v.VouchersApi(api), v.CampaignsApi(api)

    run = uuid.uuid4().hex[:8]
    source_id = f"interop-{run}"
    who = Customer(source_id=source_id)

    # 0. auth: wrong keys -> 401 with Voucherify's Error body
    try:
        v.VouchersApi(server_client("wrong", "wrong")).list_vouchers(limit=1)
        check(False, "wrong keys are rejected")
    except UnauthorizedException as e:
        check(e.status == 401 and error_body(e).get("code") == 401, "401 with an Error body")

    # 1. customer (POST /v1/customers; upsert by source_id)
    c = customers.create_customer(
        CustomersCreateRequestBody(source_id=source_id, name="Interop Tester", email=f"{run}@example.com",
                                   metadata={"run": run}))
    check(c.id is not None and c.source_id == source_id, f"customer {c.id}")
    again = customers.create_customer(CustomersCreateRequestBody(source_id=source_id, name="Interop Tester 2"))
    check(again.id == c.id, "create with the same source_id upserts (same id)")

    # 2. publish a code to the customer (POST /v1/publications)
    pub = publications.create_publication(
        publications_create_request_body=PublicationsCreateRequestBody(
            customer=who, campaign=CreatePublicationCampaign(name=os.environ.get("PUBLISH_CAMPAIGN", "Welcome Offer"))))
    code = pub.voucher.code if pub.voucher else (pub.vouchers or [None])[0]
    check(code is not None and pub.customer_id == c.id, f"published {code}")

    # 3. validate (POST /v1/validations) -- no event, same arithmetic as redeem
    order = Order(amount=20000, items=[OrderItem(source_id="sku-1", related_object="sku", quantity=2, price=10000)])
    val = validations.validate_stacked_discounts(ValidationsValidateRequestBody(
        redeemables=[ValidationsValidateRequestBodyRedeemablesItem(object="voucher", id=code)],
        order=order, customer=who))
    check(val.valid is True, f"valid, discount {val.order.total_discount_amount if val.order else '?'}")

    # 4. redeem (POST /v1/redemptions)
    red = redemptions.redeem_stacked_discounts(RedemptionsRedeemRequestBody(
        redeemables=[RedemptionsRedeemRequestBodyRedeemablesItem(object="voucher", id=code)],
        order=order, customer=who, metadata={"run": run}))
    r0 = red.redemptions[0]
    check(r0.result == "SUCCESS", f"redeemed {r0.id}")
    if val.order and red.order:
        check(val.order.total_discount_amount == red.order.total_discount_amount, "validate == redeem discount")

    # 5. rollback (POST /v1/redemptions/{id}/rollback, or /rollbacks for a stacked parent)
    if red.parent_redemption is not None:
        rb = redemptions.rollback_stacked_redemptions(red.parent_redemption.id, reason="interop")
        check(rb.parent_rollback is not None, "stacked rollback")
    else:
        rb = redemptions.rollback_redemption(r0.id, reason="interop",
                                             redemptions_rollback_create_request_body=RedemptionsRollbackCreateRequestBody())
        check(rb.result == "SUCCESS" and rb.redemption == r0.id, f"rollback {rb.id}")

    # 6. voucher state (GET /v1/vouchers/{code})
    vo = vouchers.get_voucher(code)
    check(vo.code == code and vo.redemption is not None, f"voucher redeemed_quantity={vo.redemption.redeemed_quantity}")

    # 7. order lifecycle (POST /v1/orders, PUT /v1/orders/{id}) -> customer.order.created / .paid
    o = orders.create_order(OrdersCreateRequestBody(source_id=f"order-{run}", status="CREATED", amount=15000,
                                                    customer=who))
    paid = orders.update_order(o.id, OrdersUpdateRequestBody(status="PAID"))
    check(paid.id == o.id and paid.status == "PAID", f"order {o.id} paid")

    # 8. custom event (POST /v1/events)
    ev = events.track_custom_event(EventsCreateRequestBody(event="interop_checkout", customer=who,
                                                           metadata={"run": run}))
    check(ev.type == "interop_checkout", "custom event tracked")

    # 9. loyalty: join + add points (POST /v1/loyalties/{campaignId}/members, .../members/{memberId}/balance)
    loyalty_id = os.environ.get("LOYALTY_CAMPAIGN")
    if not loyalty_id:
        lst = campaigns.list_campaigns(campaign_type="LOYALTY_PROGRAM", limit=1)
        loyalty_id = lst.campaigns[0].id if lst.campaigns else None
    check(loyalty_id is not None, f"loyalty campaign {loyalty_id}")
    card = loyalties.add_member(loyalty_id, LoyaltiesMembersCreateRequestBody(customer=who))
    bal = loyalties.update_loyalty_card_balance1(
        loyalty_id, card.code, LoyaltiesMembersBalanceUpdateRequestBody(points=250, reason="interop"))
    check(bal.points == 250 and bal.balance is not None, f"card {card.code} balance {bal.balance}")

    # 10. errors have Voucherify's shape
    try:
        vouchers.get_voucher(f"NO-SUCH-{run}")
        check(False, "unknown voucher is a 404")
    except NotFoundException as e:
        b = error_body(e)
        check(b.get("code") == 404 and b.get("key") == "not_found", f"404 {b.get('key')}: {b.get('details')}")

    # 11. optional: client-side event, management webhooks
    if os.environ.get("VOUCHERIFY_CLIENT_APP_ID"):
        ce = v.ClientSideApi(client_side_client()).track_custom_event_client_side(
            origin="http://localhost", client_events_create_request_body=ClientEventsCreateRequestBody(
                event="interop_client_event", customer=who))
        check(ce.type == "interop_client_event", "client-side event")
    if os.environ.get("VOUCHERIFY_MANAGEMENT_ID") and os.environ.get("VOUCHERIFY_PROJECT_ID"):
        hooks = v.ManagementApi(management_client()).list_webhooks(os.environ["VOUCHERIFY_PROJECT_ID"])
        check(hooks.data is not None, f"{len(hooks.data)} project webhook(s)")
    print(json.dumps({"customer": c.id, "code": code, "redemption": r0.id, "order": o.id, "card": card.code}))


def selftest():
    """No network: the SDK imports, the clients and every API object used above construct."""
    for mk in (server_client, client_side_client, management_client):
        api = mk()
        assert api.configuration.host == BASE, api.configuration.host
    api = server_client()
    for cls in (v.CustomersApi, v.PublicationsApi, v.ValidationsApi, v.RedemptionsApi, v.OrdersApi, v.EventsApi,
                v.LoyaltiesApi, v.VouchersApi, v.CampaignsApi, v.ClientSideApi, v.ManagementApi):
        cls(api)
    # the request models build (pydantic validation runs here)
    RedemptionsRedeemRequestBody(redeemables=[RedemptionsRedeemRequestBodyRedeemablesItem(object="voucher", id="X")],
                                 order=Order(amount=100), customer=Customer(source_id="s"))
    print(f"selftest ok: voucherify {v.__version__}, host {BASE}, default headers {api.default_headers}")


if __name__ == "__main__":
    selftest() if "--selftest" in sys.argv else checkout()
