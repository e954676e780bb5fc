#!/usr/bin/env python3
"""A checkout through the official Voucherify Python SDK (PyPI `voucherify`, pinned by scripts/interop.sh)
against `sendout serve`: customer (what was sent comes back, an upsert updates it), publish, redeem on an order of
items and metadata (kept as sent, read back by its source_id), rollback, a validated then redeemed stack of two codes, an
order created then paid, voucher, custom event, the client-side API, loyalty program and points, products and check
eligibility (eligibility.py), and the errors. Exits 1 on the first failed check and prints
the ids it created as the last line (JSON), so the caller can match them with the webhooks that arrived.

Environment: VOUCHERIFY_BASE_URL (http://127.0.0.1:PORT), VOUCHERIFY_APP_ID, VOUCHERIFY_APP_TOKEN,
VOUCHERIFY_CLIENT_APP_ID, VOUCHERIFY_CLIENT_TOKEN.
"""
import json
import os
import sys
import uuid

import voucherify as v
from eligibility import products_and_eligibility
from voucherify.exceptions import ApiException, NotFoundException, UnauthorizedException
from voucherify.models import (
    ClientEventsCreateRequestBody,
    ClientValidationsValidateRequestBody,
    ClientValidationsValidateRequestBodyRedeemablesItem,
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

BASE = os.environ["VOUCHERIFY_BASE_URL"].rstrip("/")


def client(app_id=None, token=None):
    cfg = v.Configuration(
        host=BASE,
        api_key={
            "X-App-Id": app_id or os.environ["VOUCHERIFY_APP_ID"],
            "X-App-Token": token or os.environ["VOUCHERIFY_APP_TOKEN"],
        },
    )
    cfg.retries = 0
    return v.ApiClient(cfg)


def client_side():
    cfg = v.Configuration(
        host=BASE,
        api_key={
            "X-Client-Application-Id": os.environ["VOUCHERIFY_CLIENT_APP_ID"],
            "X-Client-Token": os.environ["VOUCHERIFY_CLIENT_TOKEN"],
        },
    )
    cfg.retries = 0
    return v.ClientSideApi(v.ApiClient(cfg))


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        sys.exit(1)


def error_body(e: ApiException) -> dict:
    try:
        return json.loads(e.body or "{}")
    except ValueError:
        return {}


def main():
    api = client()
    customers, publications = v.CustomersApi(api), v.PublicationsApi(api)
    redemptions, events, vouchers = v.RedemptionsApi(api), v.EventsApi(api), v.VouchersApi(api)
    campaigns, loyalties = v.CampaignsApi(api), v.LoyaltiesApi(api)
    run = uuid.uuid4().hex[:8]
    source_id = f"interop-{run}"
    who = Customer(source_id=source_id)

    try:
        v.CustomersApi(client("wrong", "wrong")).get_customer(source_id)
        check(False, "wrong keys are rejected")
    except UnauthorizedException as e:
        check(e.status == 401 and error_body(e).get("code") == 401, "401 with Voucherify's Error body")

    c = customers.create_customer(
        CustomersCreateRequestBody(source_id=source_id, name="Interop Tester", email=f"{run}@example.com"))
    check(c.id is not None and c.source_id == source_id, f"customer {c.id} (SDK model CustomersCreateResponseBody)")
    again = customers.create_customer(CustomersCreateRequestBody(source_id=source_id))
    check(again.id == c.id, "the same source_id upserts: same id")
    fetched = customers.get_customer(c.id)
    check(fetched.email == f"{run}@example.com", "get customer")
    check(c.name == "Interop Tester" and c.phone is None and c.address is None and c.metadata == {},
          "the customer holds what was sent: its name, and nothing invented (phone, address, metadata)")
    email = f"{run}+2@example.com"
    changed = customers.create_customer(CustomersCreateRequestBody(source_id=source_id, email=email))
    check(changed.id == c.id and changed.email == email and changed.name == "Interop Tester",
          "an upsert by source_id updates the email it is given and keeps the name")

    pub = publications.create_publication(
        publications_create_request_body=PublicationsCreateRequestBody(
            customer=who, campaign=CreatePublicationCampaign(name="Welcome Offer")))
    code = pub.voucher.code
    check(code is not None and pub.customer_id == c.id, f"published {code}")

    cart = f"cart-{run}"
    red = redemptions.redeem_stacked_discounts(RedemptionsRedeemRequestBody(
        redeemables=[RedemptionsRedeemRequestBodyRedeemablesItem(object="voucher", id=code)],
        order=Order(source_id=cart, items=[OrderItem(source_id="sku-interop", quantity=2, price=10000)],
                    metadata={"channel": "interop"}),
        customer=who, metadata={"till": "interop-7"}))
    r0 = red.redemptions[0]
    check(r0.result == "SUCCESS" and r0.voucher.code == code, f"redeemed {r0.id}")
    item = red.order.items[0]
    check(red.order.source_id == cart and red.order.amount == 20000 and red.order.metadata == {"channel": "interop"}
          and (item.source_id, item.quantity, item.price, item.amount) == ("sku-interop", 2, 10000, 20000),
          "the redemption's order holds the source_id, items and metadata sent (amount = price × quantity)")
    check(r0.metadata == {"till": "interop-7"}, "the redemption keeps its metadata")
    orders = v.OrdersApi(api)
    by_source = orders.get_order(cart)
    check(by_source.id == red.order.id and by_source.customer_id == c.id, f"GET /v1/orders/{cart} reads the order")
    check(customers.get_customer(source_id).email == email, "the customer named in the redemption is unchanged")

    rb = redemptions.rollback_redemption(
        r0.id, reason="interop", redemptions_rollback_create_request_body=RedemptionsRollbackCreateRequestBody())
    check(rb.result == "SUCCESS" and rb.redemption == r0.id, f"rolled back {rb.id}")

    # A stack of two codes: validated (nothing changes), then redeemed together on one order, all or nothing.
    stack = [
        publications.create_publication(publications_create_request_body=PublicationsCreateRequestBody(
            customer=who, campaign=CreatePublicationCampaign(name="Welcome Offer"))).voucher.code
        for _ in range(2)]
    val = v.ValidationsApi(api).validate_stacked_discounts(ValidationsValidateRequestBody(
        redeemables=[ValidationsValidateRequestBodyRedeemablesItem(object="voucher", id=s) for s in stack],
        order=Order(amount=30000), customer=who))
    check(val.valid and [r.status for r in val.redeemables] == ["APPLICABLE", "APPLICABLE"],
          f"validated {stack}: order total {val.order.total_amount} (SDK model ValidationsValidateResponseBody)")
    stacked = redemptions.redeem_stacked_discounts(RedemptionsRedeemRequestBody(
        redeemables=[RedemptionsRedeemRequestBodyRedeemablesItem(object="voucher", id=s) for s in stack],
        order=Order(amount=30000), customer=who))
    parent = stacked.parent_redemption.id
    children = [r.id for r in stacked.redemptions]
    check(len(children) == 2 and all(r.redemption == parent for r in stacked.redemptions),
          f"redeemed the stack: parent {parent}, children {children}")
    check(stacked.order.total_discount_amount == val.order.total_discount_amount
          and stacked.order.total_amount == val.order.total_amount, "the redemption gave the validated discount")

    created = orders.create_order(OrdersCreateRequestBody(
        source_id=f"order-{run}", amount=12000, status="CREATED", customer=who, metadata={"k": "v"}))
    check(created.source_id == f"order-{run}" and created.metadata == {"k": "v"} and created.amount == 12000,
          "an order holds the source_id, amount and metadata sent")
    paid = orders.update_order(created.id, OrdersUpdateRequestBody(status="PAID"))
    check(paid.id == created.id and paid.status == "PAID", f"order {created.id} created then paid")
    upserted = orders.create_order(OrdersCreateRequestBody(source_id=f"order-{run}", metadata={"k": "w"}))
    check(upserted.id == created.id and upserted.metadata == {"k": "w"} and upserted.status == "PAID",
          "the same source_id upserts the order: same id, new metadata")

    client_api = client_side()
    origin = "http://shop.example"
    cval = client_api.validate_stacked_discounts_client_side(origin, ClientValidationsValidateRequestBody(
        redeemables=[ClientValidationsValidateRequestBodyRedeemablesItem(object="voucher", id=stack[0])],
        order=Order(amount=5000), customer=who))
    cerr = cval.redeemables[0].result.error if cval.redeemables[0].result else None
    check(cval.valid is False and cval.redeemables[0].status == "INAPPLICABLE"
          and cerr is not None and cerr.key == "quantity_exceeded",
          "client-side validation (client keys + origin): the redeemed code is quantity_exceeded")
    cev = client_api.track_custom_event_client_side(
        origin, ClientEventsCreateRequestBody(event="interop_client", customer=who))
    check(cev.type == "interop_client", "client-side custom event tracked")
    try:
        v.ValidationsApi(client("wrong", "wrong")).validate_stacked_discounts(ValidationsValidateRequestBody(
            redeemables=[ValidationsValidateRequestBodyRedeemablesItem(object="voucher", id=code)],
            order=Order(amount=100)))
        check(False, "wrong keys cannot validate")
    except UnauthorizedException:
        check(True, "wrong keys cannot validate (401)")

    vo = vouchers.get_voucher(code)
    check(vo.code == code and vo.holder_id == c.id, "get voucher")

    ev = events.track_custom_event(EventsCreateRequestBody(event="interop_checkout", customer=who))
    check(ev.type == "interop_checkout" and ev.customer.id == c.id, "custom event tracked")

    programs = campaigns.list_campaigns(campaign_type="LOYALTY_PROGRAM", limit=1)
    check(len(programs.campaigns) == 1, f"loyalty program {programs.campaigns[0].id}")
    card = loyalties.add_member(programs.campaigns[0].id, LoyaltiesMembersCreateRequestBody(customer=who))
    bal = loyalties.update_loyalty_card_balance1(
        programs.campaigns[0].id, card.code, LoyaltiesMembersBalanceUpdateRequestBody(points=250, reason="interop"))
    check(bal.points == 250 and bal.balance is not None and bal.balance >= 250, f"card {card.code} balance {bal.balance}")

    try:
        vouchers.get_voucher(f"NO-SUCH-{run}")
        check(False, "an unknown voucher is a 404")
    except NotFoundException as e:
        b = error_body(e)
        check(b.get("key") == "not_found" and b.get("resource_type") == "voucher", f"404 {b.get('details')}")

    products_and_eligibility(api, run, who, check)

    print(json.dumps({"customer": c.id, "code": code, "redemption": r0.id, "rollback": rb.id, "card": card.code,
                      "stacked": children, "order": created.id, "cart": cart, "email": f"{run}@example.com",
                      "email2": email}))


if __name__ == "__main__":
    main()
