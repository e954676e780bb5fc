"""A checkout against `sendout serve` through the official Voucherify Python SDK, asserting on the webhooks the
receiver got. Run: `SENDOUT_BIN=/path/to/sendout pytest examples/python` (requirements.txt: pytest, voucherify)."""
import uuid

import voucherify as v
from voucherify.models import (
    CreatePublicationCampaign,
    Customer,
    CustomersCreateRequestBody,
    Order,
    PublicationsCreateRequestBody,
    RedemptionsRedeemRequestBody,
    RedemptionsRedeemRequestBodyRedeemablesItem,
)


def api(sendout):
    config = v.Configuration(host=sendout["url"], api_key={"X-App-Id": sendout["app_id"],
                                                           "X-App-Token": sendout["app_token"]})
    return v.ApiClient(config)


def test_customer_created_sends_a_signed_webhook(sendout, receiver):
    source_id = f"pytest-{uuid.uuid4().hex[:8]}"
    customer = v.CustomersApi(api(sendout)).create_customer(CustomersCreateRequestBody(source_id=source_id))

    webhook = receiver.wait_for(lambda b: b["type"] == "customer.created" and b["data"]["customer"]["id"] == customer.id)
    assert webhook["verified"]
    assert webhook["body"]["data"]["customer"]["source_id"] == source_id


def test_redemption_sends_redemption_succeeded(sendout, receiver):
    client = api(sendout)
    who = Customer(source_id=f"pytest-{uuid.uuid4().hex[:8]}")
    code = v.PublicationsApi(client).create_publication(publications_create_request_body=PublicationsCreateRequestBody(
        customer=who, campaign=CreatePublicationCampaign(name="Welcome Offer"))).voucher.code
    redeemed = v.RedemptionsApi(client).redeem_stacked_discounts(RedemptionsRedeemRequestBody(
        redeemables=[RedemptionsRedeemRequestBodyRedeemablesItem(object="voucher", id=code)],
        order=Order(amount=20000), customer=who)).redemptions[0]

    webhook = receiver.wait_for(
        lambda b: b["type"] == "redemption.succeeded" and b["data"]["redemption"]["id"] == redeemed.id)
    assert webhook["verified"]
    assert webhook["body"]["data"]["redemption"]["voucher"]["code"] == code
