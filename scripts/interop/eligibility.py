"""The product-and-eligibility flow of scripts/interop.sh (issue 20), through the official Voucherify Python SDK:
two products and a SKU, a campaign whose validation rule asks for both products, check eligibility
(`QualificationsApi`, scenario CUSTOMER_WALLET) for a cart holding them and a cart without the SKU's product, then
the qualifying cart redeemed with the discount the qualification gave. Called from checkout.py's main(); its
`check(cond, what)` prints each line and exits on the first failure.
"""
import voucherify as v
from voucherify.models import (
    CampaignsCreateRequestBody,
    CampaignsCreateRequestBodyVoucher,
    CreatePublicationCampaign,
    Discount,
    Order,
    OrderItem,
    ProductsCreateRequestBody,
    ProductsSkusCreateRequestBody,
    PublicationsCreateRequestBody,
    QualificationsCheckEligibilityRequestBody,
    QualificationsOption,
    RedemptionsRedeemRequestBody,
    RedemptionsRedeemRequestBodyRedeemablesItem,
    ValidationRulesCreateRequestBody,
)


def products_and_eligibility(api, run, who, check):
    """Runs the flow for customer `who` with names made unique by `run`; returns the redemption's id."""
    products = v.ProductsApi(api)
    shoe = products.create_product(ProductsCreateRequestBody(source_id=f"shoe-{run}", name="Interop Shoe", price=8000))
    sock = products.create_product(ProductsCreateRequestBody(source_id=f"sock-{run}", name="Interop Sock", price=1000))
    sku = products.create_sku(shoe.id, ProductsSkusCreateRequestBody(source_id=f"shoe-{run}-42", sku="42", price=8500))
    check(shoe.id and sock.id and sku.id and sku.product_id == shoe.id,
          f"products {shoe.id}, {sock.id} and SKU {sku.id} of the shoe")

    def needs(product):
        return {"name": "order.items.any",
                "conditions": {"$is": [{"id": product.id, "object": "product", "source_id": product.source_id}]}}

    rule = v.ValidationRulesApi(api).create_validation_rules(ValidationRulesCreateRequestBody(
        name=f"shoe and sock {run}", rules={"1": needs(shoe), "2": needs(sock), "logic": "1 and 2"}))
    name = f"Interop Outfit {run}"
    campaign = v.CampaignsApi(api).create_campaign(CampaignsCreateRequestBody(
        name=name, campaign_type="DISCOUNT_COUPONS", vouchers_count=1, validation_rules=[rule.id],
        voucher=CampaignsCreateRequestBodyVoucher(
            type="DISCOUNT_VOUCHER", discount=Discount(type="AMOUNT", amount_off=1500))))
    code = v.PublicationsApi(api).create_publication(publications_create_request_body=PublicationsCreateRequestBody(
        customer=who, campaign=CreatePublicationCampaign(name=name))).voucher.code
    check(campaign.id and code, f"campaign {campaign.id} with rule {rule.id}, its code {code} published")

    outfit = [OrderItem(product_id=shoe.id, sku_id=sku.id, quantity=1, price=8500),
              OrderItem(product_id=sock.id, quantity=2, price=1000)]
    socks_only = [OrderItem(product_id=sock.id, quantity=2, price=1000)]
    qualifications = v.QualificationsApi(api)

    def eligible(items):
        answer = qualifications.check_eligibility(QualificationsCheckEligibilityRequestBody(
            customer=who, order=Order(items=items), scenario="CUSTOMER_WALLET",
            options=QualificationsOption(limit=50, expand=["redeemable"])))
        return {r.id: r for r in answer.redeemables.data or []}

    yes, no = eligible(outfit), eligible(socks_only)
    mine = yes.get(code)
    check(mine is not None and mine.campaign_id == campaign.id and mine.result.discount.amount_off == 1500
          and mine.order.total_amount == 10500 - 1500,
          f"eligible with the shoe and socks: {code} takes 15.00 off 105.00 (SDK model "
          "QualificationsCheckEligibilityResponseBody)")
    check(code not in no, f"not eligible with socks only: {code} is not listed ({len(no)} other codes are)")

    red = v.RedemptionsApi(api).redeem_stacked_discounts(RedemptionsRedeemRequestBody(
        redeemables=[RedemptionsRedeemRequestBodyRedeemablesItem(object="voucher", id=code)],
        order=Order(items=outfit), customer=who))
    check(red.redemptions[0].result == "SUCCESS"
          and red.order.total_discount_amount == mine.order.total_discount_amount,
          f"the eligible cart redeemed {code} with the discount the qualification gave ({red.redemptions[0].id})")
    return red.redemptions[0].id
