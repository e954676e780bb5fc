#!/usr/bin/env python3
"""A loyalty program through the official Voucherify Python SDK's LoyaltiesApi (PyPI `voucherify`, pinned by
scripts/interop.sh) against `sendout serve`: a program created with `create_loyalty_program` keeps what was sent, two
members join, one earns points, the members are listed, points are transferred between them and the program is
updated; then the webhooks those calls caused are looked up in the `sendout listen --json` file given as the first
argument. Exits 1 on the first failed check.

Environment: VOUCHERIFY_BASE_URL (http://127.0.0.1:PORT), VOUCHERIFY_APP_ID, VOUCHERIFY_APP_TOKEN.
"""
import json
import os
import sys
import time
import uuid

import voucherify as v
from voucherify.models import (
    CampaignLoyaltyCard,
    CampaignLoyaltyCardExpirationRules,
    CampaignLoyaltyVoucher,
    CodeConfig,
    Customer,
    LoyaltiesCreateCampaignRequestBody,
    LoyaltiesMembersBalanceUpdateRequestBody,
    LoyaltiesMembersCreateRequestBody,
    LoyaltiesTransferPoints,
    LoyaltiesUpdateCampaignRequestBody,
)


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        sys.exit(1)


def api():
    cfg = v.Configuration(
        host=os.environ["VOUCHERIFY_BASE_URL"].rstrip("/"),
        api_key={"X-App-Id": os.environ["VOUCHERIFY_APP_ID"], "X-App-Token": os.environ["VOUCHERIFY_APP_TOKEN"]},
    )
    cfg.retries = 0
    return v.LoyaltiesApi(v.ApiClient(cfg))


def webhooks(path, want):
    """Waits (10 s at most) until every (type, check) in `want` matches an arrived webhook body; the missing ones."""
    deadline = time.time() + 10
    while True:
        bodies = []
        for line in open(path):
            rec = json.loads(line)
            if "body" in rec:
                bodies.append(json.loads(rec["body"]) if isinstance(rec["body"], str) else rec["body"])
        missing = [(t, why) for t, why, ok in want if not any(b.get("type") == t and ok(b) for b in bodies)]
        if not missing or time.time() > deadline:
            return missing
        time.sleep(0.1)


def main():
    loyalties = api()
    run = uuid.uuid4().hex[:8]
    name = f"Interop Club {run}"
    metadata = {"run": run, "tier": "gold"}
    rules = CampaignLoyaltyCardExpirationRules(period_type="MONTH", period_value=3, rounding_type="END_OF_QUARTER")
    program = loyalties.create_loyalty_program(LoyaltiesCreateCampaignRequestBody(
        name=name, description="Interop loyalty", type="AUTO_UPDATE", auto_join=False, join_once=True,
        metadata=metadata, validity_day_of_week=[1, 2, 3], activity_duration_after_publishing="P24D",
        voucher=CampaignLoyaltyVoucher(
            type="LOYALTY_CARD", loyalty_card=CampaignLoyaltyCard(points=10, expiration_rules=rules),
            code_config=CodeConfig(pattern=f"IC{run[:3]}-#####"))))
    check(program.id is not None and program.name == name and program.campaign_type == "LOYALTY_PROGRAM",
          f"LoyaltiesApi.create_loyalty_program: {program.id}")
    check(program.metadata == metadata and program.description == "Interop loyalty", "metadata and description kept")
    check(program.auto_join is False and program.join_once is True and program.type == "AUTO_UPDATE",
          "auto_join, join_once and type kept")
    check(program.validity_day_of_week == [1, 2, 3] and program.activity_duration_after_publishing == "P24D",
          "validity_day_of_week and activity_duration_after_publishing kept")
    check(program.voucher.loyalty_card.points == 10, "voucher.loyalty_card.points kept")
    got = loyalties.get_loyalty_program(program.id)
    check(got.id == program.id and got.metadata == metadata, "get_loyalty_program answers what was created")

    cards = []
    for who in ("a", "b"):
        card = loyalties.add_member(program.id, LoyaltiesMembersCreateRequestBody(
            customer=Customer(source_id=f"interop-club-{run}-{who}")))
        check(card.code.startswith(f"IC{run[:3]}-") and card.loyalty_card.points == 10, f"member {who}: {card.code}")
        cards.append(card.code)
    earned = loyalties.update_loyalty_card_balance1(
        program.id, cards[0], LoyaltiesMembersBalanceUpdateRequestBody(points=90, reason="interop earn"))
    check(earned.balance == 100, f"{cards[0]} earned 90 points: balance {earned.balance}")

    members = loyalties.list_members(program.id, limit=10)
    listed = [m.code for m in members.vouchers]
    check(members.total == 2 and listed == cards, f"list_members: {listed}")

    # The SDK's model for this answer types `active` as a string and `validity_*` as non-null, so it cannot parse the
    # answer the spec's own example shows (`"active": true`, nulls): read it raw, as an application has to.
    raw = loyalties.transfer_points_without_preload_content(program.id, cards[1], [
        LoyaltiesTransferPoints(code=cards[0], points=40, reason="interop transfer", source_id=f"tr-{run}")])
    moved = json.loads(raw.data)
    check(raw.status == 200 and moved["code"] == cards[1] and moved["loyalty_card"]["balance"] == 50,
          f"transfer_points: {cards[1]} has 50")
    giver = loyalties.get_member(cards[0])
    check(giver.loyalty_card.balance == 60, f"{cards[0]} gave 40: balance {giver.loyalty_card.balance}")
    activity = loyalties.list_member_activity(cards[0])
    kinds = [a.type for a in activity.data or []]
    check("customer.voucher.loyalty_card.points_added" in kinds, f"list_member_activity: {kinds}")

    updated = loyalties.update_loyalty_program(program.id, LoyaltiesUpdateCampaignRequestBody(
        description="Interop loyalty, updated", metadata={"tier": "silver"}))
    check(updated.description == "Interop loyalty, updated" and updated.metadata == {"run": run, "tier": "silver"},
          "update_loyalty_program merges metadata")

    missing = webhooks(sys.argv[1], [
        ("campaign.created", "campaign.created with the metadata sent",
         lambda b: b["data"]["campaign"]["id"] == program.id and b["data"]["campaign"]["metadata"] == metadata),
        ("campaign.updated", "campaign.updated with the new description",
         lambda b: b["data"]["campaign"]["description"] == "Interop loyalty, updated"),
        ("voucher.loyalty_card.transaction.created", "POINTS_TRANSFER_OUT on the giving card",
         lambda b: b["data"]["transaction"]["type"] == "POINTS_TRANSFER_OUT"
         and b["data"]["voucher"]["code"] == cards[0] and b["data"]["transaction"]["source_id"] == f"tr-{run}"),
        ("voucher.loyalty_card.transaction.created", "POINTS_TRANSFER_IN on the receiving card",
         lambda b: b["data"]["transaction"]["type"] == "POINTS_TRANSFER_IN"
         and b["data"]["voucher"]["code"] == cards[1]),
    ])
    for _, why in missing:
        print(f"FAIL webhook: {why}")
    check(not missing, "the loyalty webhooks arrived")


if __name__ == "__main__":
    main()
