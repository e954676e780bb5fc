#!/usr/bin/env python3
"""Extract the operations table of the Voucherify REST spec for `sendout serve` (issue 11).

Usage: python3 extract_operations.py [SPEC] [OUTDIR]
  SPEC   default /work/shared/reference/voucherify-api-openapi.json
  OUTDIR default the directory of this script

Writes:
  operations.tsv      the operations issue 11 asks for (scope core/extra), with the scenario operation
  operations-all.tsv  every operation of the spec, scope core/extra/501
Columns: scope, group, method, path, operationId, auth, request_schema, success_status,
         response_schema, path_params, query_params, scenario_op, first_wave, sdk_method
sdk_method comes from sdk-methods.tsv (method, path, Class.method of the Python SDK voucherify 6.1.1) when present.
"""
import json
import os
import sys

SPEC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/voucherify-api-openapi.json"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))

# operationId -> (group, scope, scenario operation(s) it reaches or "read")
# scope: core  = named in issue 11 (or needed for the named thing to be usable)
#        extra = same resource, cheap once the core exists (list/get views); still in the table
# Everything not listed here: scope 501.
SCOPE = {
    # Customers
    "create-customer": ("customers", "core", "customer_create (upsert by source_id: customer_update)"),
    "get-customer": ("customers", "core", "read"),
    "update-customer": ("customers", "core", "customer_update"),
    "delete-customer": ("customers", "core", "customer_delete"),
    "list-customers": ("customers", "core", "read"),
    "customer-permanently-deletion": ("customers", "extra", "customer_delete"),
    "list-customer-segments": ("customers", "extra", "read"),
    "list-customer-activity": ("customers", "extra", "read"),
    "list-customer-redeemables": ("customers", "extra", "read"),
    # Vouchers
    "get-voucher": ("vouchers", "core", "read"),
    "list-vouchers": ("vouchers", "core", "read"),
    "create-voucher": ("vouchers", "core", "voucher_create"),
    "generate-random-code": ("vouchers", "core", "voucher_create"),
    "update-voucher": ("vouchers", "core", "voucher_update"),
    "enable-voucher": ("vouchers", "core", "voucher_enable"),
    "disable-voucher": ("vouchers", "core", "voucher_disable"),
    "delete-voucher": ("vouchers", "core", "voucher_delete"),
    "update-voucher-balance": ("vouchers", "core", "gift_credits_add | loyalty_points_add"),
    "list-voucher-transactions": ("vouchers", "extra", "read"),
    "get-voucher-redemptions": ("redemptions", "core", "read"),
    "release-validation-session": ("vouchers", "extra", "(session release; no event)"),
    # Campaigns
    "create-campaign": ("campaigns", "core", "campaign_create"),
    "get-campaign": ("campaigns", "core", "read"),
    "list-campaigns": ("campaigns", "core", "read"),
    "update-campaign": ("campaigns", "core", "campaign_update"),
    "enable-campaign": ("campaigns", "core", "campaign_enable"),
    "disable-campaign": ("campaigns", "core", "campaign_disable"),
    "delete-campaign": ("campaigns", "core", "campaign_delete"),
    "add-vouchers-to-campaign": ("campaigns", "extra", "voucher_create"),
    "add-voucher-with-specific-code-to-campaign": ("campaigns", "extra", "voucher_create"),
    "get-campaign-summary": ("campaigns", "extra", "read"),
    "list-campaign-transactions": ("campaigns", "extra", "read"),
    # Publications
    "create-publication": ("publications", "core", "publish"),
    "create-publication-1": ("publications", "core", "publish"),
    "list-publications": ("publications", "extra", "read"),
    # Validations / qualifications
    "validate-stacked-discounts": ("validations", "core", "(validate: redeem arithmetic, no event)"),
    # Redemptions
    "redeem-stacked-discounts": ("redemptions", "core", "redeem | referral"),
    "get-redemption": ("redemptions", "core", "read"),
    "list-redemptions": ("redemptions", "core", "read"),
    "rollback-redemption": ("redemptions", "core", "rollback"),
    "rollback-stacked-redemptions": ("redemptions", "extra", "rollback (each child)"),
    # Orders
    "create-order": ("orders", "core", "order_create (+ order_pay/order_cancel by status)"),
    "get-order": ("orders", "core", "read"),
    "update-order": ("orders", "core", "order_update | order_pay | order_cancel (by status)"),
    "list-orders": ("orders", "core", "read"),
    # Events
    "track-custom-event": ("events", "core", "custom_event"),
    # Loyalties
    "list-loyalty-programs": ("loyalties", "extra", "read"),
    "create-loyalty-program": ("loyalties", "extra", "campaign_create (LOYALTY_PROGRAM)"),
    "get-loyalty-program": ("loyalties", "extra", "read"),
    "update-loyalty-program": ("loyalties", "extra", "campaign_update"),
    "delete-loyalty-program": ("loyalties", "extra", "campaign_delete"),
    "list-members": ("loyalties", "core", "read"),
    "add-member": ("loyalties", "core", "publish (loyalty card)"),
    "get-member": ("loyalties", "core", "read"),
    "get-member-1": ("loyalties", "core", "read"),
    "update-loyalty-card-balance": ("loyalties", "core", "loyalty_points_add (points<0: remove)"),
    "update-loyalty-card-balance-1": ("loyalties", "core", "loyalty_points_add (points<0: remove)"),
    "list-member-pending-points": ("loyalties", "core", "read"),
    "list-member-pending-points-1": ("loyalties", "core", "read"),
    "list-campaign-pending-points": ("loyalties", "extra", "read"),
    "activate-member-pending-points": ("loyalties", "core", "pending_points_activate"),
    "adjust-member-pending-points": ("loyalties", "core", "pending_points_update"),
    "cancel-member-pending-points": ("loyalties", "core", "pending_points_cancel"),
    "list-member-activity": ("loyalties", "extra", "read"),
    "list-member-activity-1": ("loyalties", "extra", "read"),
    "list-loyalty-card-transactions": ("loyalties", "extra", "read"),
    "list-loyalty-card-transactions-1": ("loyalties", "extra", "read"),
    "list-loyalty-campaign-transactions": ("loyalties", "extra", "read"),
    "list-points-expiration": ("loyalties", "extra", "read"),
    "list-earning-rules": ("loyalties", "core", "read"),
    "create-earning-rule": ("loyalties", "core", "campaign_create earning_rules (no event)"),
    "get-earning-rule": ("loyalties", "core", "read"),
    "update-earning-rule": ("loyalties", "core", "earning_rule_update"),
    "delete-earning-rule": ("loyalties", "extra", "(no event)"),
    "enable-earning-rule": ("loyalties", "extra", "(no event)"),
    "disable-earning-rule": ("loyalties", "extra", "(no event)"),
    "list-member-rewards": ("loyalties", "core", "read"),
    "redeem-reward": ("loyalties", "core", "reward_redeem"),
    "redeem-reward-1": ("loyalties", "core", "reward_redeem"),
    "list-reward-assignments-1": ("loyalties", "extra", "read"),
    "list-reward-assignments-2": ("loyalties", "extra", "read"),
    "get-reward-assignment-1": ("loyalties", "extra", "read"),
    "get-reward-assignment-2": ("loyalties", "extra", "read"),
    "get-reward-details": ("loyalties", "extra", "read"),
    "list-loyalty-tiers": ("loyalties", "core", "read"),
    "create-in-bulk-loyalty-tiers": ("loyalties", "core", "loyalty_tier_create"),
    "get-loyalty-tier": ("loyalties", "core", "read"),
    "list-member-loyalty-tier": ("loyalties", "core", "read"),
    "list-loyalty-tier-earning-rules": ("loyalties", "extra", "read"),
    "list-loyalty-tier-rewards": ("loyalties", "extra", "read"),
    # Referrals
    "referrals-add-holders": ("referrals", "core", "holder_assign"),
    "referrals-add-holders-1": ("referrals", "core", "holder_assign"),
    "referrals-code-holders": ("referrals", "core", "read"),
    "referrals-code-holders-1": ("referrals", "core", "read"),
    "referrals-remove-holder": ("referrals", "core", "holder_remove"),
    "referrals-remove-holder-1": ("referrals", "core", "holder_remove"),
    # Promotion tiers
    "list-promotion-tiers": ("promotions", "core", "read"),
    "list-promotion-tiers-from-campaign": ("promotions", "core", "read"),
    "add-promotion-tier-to-campaign": ("promotions", "core", "promotion_tier_create"),
    "get-promotion-tier": ("promotions", "core", "read"),
    "update-promotion-tier": ("promotions", "core", "promotion_tier_update"),
    "delete-promotion-tier": ("promotions", "core", "promotion_tier_delete"),
    "enable-promotion-tier": ("promotions", "core", "promotion_tier_enable"),
    "disable-promotion-tier": ("promotions", "core", "promotion_tier_disable"),
    # Validation rules
    "list-validation-rules": ("validation-rules", "core", "read"),
    "create-validation-rules": ("validation-rules", "core", "validation_rule_create"),
    "get-validation-rule": ("validation-rules", "core", "read"),
    "update-validation-rule": ("validation-rules", "core", "validation_rule_update"),
    "delete-validation-rules": ("validation-rules", "core", "validation_rule_delete"),
    "list-validation-rules-assignments": ("validation-rules", "core", "read"),
    "list-validation-rule-assignments": ("validation-rules", "core", "read"),
    "create-validation-rule-assignment": ("validation-rules", "core", "validation_rule_assign"),
    "delete-validation-rule-assignment": ("validation-rules", "core", "validation_rule_unassign"),
    # Segments (spec has only create/get/delete; no list)
    "create-segment": ("segments", "core", "(world segment; static segments only)"),
    "get-segment": ("segments", "core", "read"),
    "delete-segment": ("segments", "core", "(segment delete)"),
    # Client-side
    "validate-stacked-discounts-client-side": ("client", "core", "(validate, no event)"),
    "redeem-stacked-discounts-client-side": ("client", "core", "redeem"),
    "track-custom-event-client-side": ("client", "core", "custom_event"),
    # Management webhooks
    "create-webhook": ("management-webhooks", "core", "(project webhook config)"),
    "list-webhooks": ("management-webhooks", "core", "read"),
    "get-webhook": ("management-webhooks", "core", "read"),
    "update-webhook": ("management-webhooks", "core", "(project webhook config)"),
    "delete-webhook": ("management-webhooks", "core", "(project webhook config)"),
}

# The first wave (see RESEARCH.md section 5): order of implementation, 1-based.
FIRST_WAVE = [
    "create-customer", "get-customer", "update-customer",
    "get-voucher", "list-vouchers", "enable-voucher", "disable-voucher",
    "get-campaign", "list-campaigns",
    "create-publication", "create-publication-1",
    "validate-stacked-discounts", "redeem-stacked-discounts",
    "get-redemption", "list-redemptions", "rollback-redemption",
    "create-order", "get-order", "update-order",
    "track-custom-event",
    "update-voucher-balance", "add-member", "get-member-1", "update-loyalty-card-balance-1",
    "create-webhook", "list-webhooks",
]

METHODS = ("get", "put", "post", "delete", "patch")


def ref_name(schema):
    if not schema:
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        return "array<" + schema["items"]["$ref"].rsplit("/", 1)[-1] + ">"
    return schema.get("type", "inline")


def auth_of(op):
    sec = op.get("security") or []
    names = set().union(*[set(s) for s in sec]) if sec else set()
    if "X-Management-Id" in names:
        return "management"
    if "X-Client-Application-Id" in names:
        return "client"
    if "X-App-Id" in names:
        return "server"
    return "none"


def params(spec, path_item, op):
    out = {"path": [], "query": []}
    for p in path_item.get("parameters", []) + op.get("parameters", []):
        if "$ref" in p:
            p = spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]]
        if p.get("in") in out:
            out[p["in"]].append(p["name"])
    return out


def main():
    spec = json.load(open(SPEC))
    sdk = {}
    sdk_file = os.path.join(OUT, "sdk-methods.tsv")
    if os.path.exists(sdk_file):
        for line in open(sdk_file):
            m, p, name = line.rstrip("\n").split("\t")
            sdk[(m, p)] = name
    rows = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            oid = op.get("operationId", "")
            rb = op.get("requestBody") or {}
            req = []
            for ct, c in (rb.get("content") or {}).items():
                name = ref_name(c.get("schema"))
                req.append(name if ct == "application/json" else f"{name} ({ct})")
            success = sorted(s for s in op["responses"] if s.startswith("2"))
            resp = []
            for s in success:
                for ct, c in (op["responses"][s].get("content") or {}).items():
                    name = ref_name(c.get("schema"))
                    resp.append(name if ct == "application/json" else f"{name} ({ct})")
            ps = params(spec, item, op)
            group, scope, scen = SCOPE.get(oid, ((op.get("tags") or ["?"])[0].lower(), "501", ""))
            wave = str(FIRST_WAVE.index(oid) + 1) if oid in FIRST_WAVE else ""
            rows.append([scope, group, method.upper(), path, oid, auth_of(op), " | ".join(req) or "-",
                         "/".join(success), " | ".join(resp) or "-", ",".join(ps["path"]),
                         ",".join(ps["query"]), scen, wave, sdk.get((method.upper(), path), "")])
    missing = set(SCOPE) - {r[4] for r in rows}
    assert not missing, f"operationIds not in spec: {missing}"
    header = ["scope", "group", "method", "path", "operationId", "auth", "request_schema",
              "success_status", "response_schema", "path_params", "query_params", "scenario_op",
              "first_wave", "sdk_method"]
    order = {"core": 0, "extra": 1, "501": 2}
    rows.sort(key=lambda r: (order[r[0]], r[1]))
    with open(os.path.join(OUT, "operations-all.tsv"), "w") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(OUT, "operations.tsv"), "w") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            if r[0] != "501":
                f.write("\t".join(r) + "\n")
    from collections import Counter
    print("paths:", len(spec["paths"]), "operations:", len(rows))
    print("by scope:", dict(Counter(r[0] for r in rows)))
    print("by auth:", dict(Counter(r[5] for r in rows)))
    print("in-scope by group:", dict(Counter(r[1] for r in rows if r[0] != "501")))
    print("first wave:", len(FIRST_WAVE))


if __name__ == "__main__":
    main()
