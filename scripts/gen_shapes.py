"""Request shapes for scripts/gen-api-operations.py --shapes (a module of it, not a script of its own).

Turns each operation's request body schema and query parameters into the compact notation `APIShape` reads:
"any", "string", "date" (a string of `format: date`), "integer", "number", "boolean"; {"enum": [strings]}; {"object": {name: shape}, "required": [names]};
{"array": shape}; {"ref": "SchemaName"}; {"anyOf": [shapes]}; {"nullable": shape}.

How the spec's constructs are read, so the check never refuses what the spec allows:
- `$ref` to a component schema stays a reference (schemas nest and recur); a reference to a scalar is inlined.
- `allOf` merges its parts' properties and `required`; `oneOf`/`anyOf` of objects merge into one object whose
  properties are the union (a property two alternatives declare as objects or enums merges the same way, else
  accepts either) and whose `required` is what every alternative requires; of anything else, a value must match one alternative.
- `nullable: true` accepts `null`; unknown properties are always accepted (the spec sets `additionalProperties:
  false` on no request body); of the formats only `date` is checked (`YYYY-MM-DD`: Voucherify refuses a birthdate that
  is no date), not `date-time` or `email`, nor are ranges.
- A query parameter of type object (`style: deepObject`, sent as `customer[id]=…`) or array is not checked.
"""
import json

SCALARS = ("any", "string", "date", "integer", "number", "boolean")


def emit(spec):
    schemas = spec["components"]["schemas"]
    parameters = spec["components"].get("parameters", {})
    named = {}  # schema name -> shape (filled as references are met)
    pending = []

    def ref(name):
        if name not in named:
            named[name] = None
            pending.append(name)
        return {"ref": name}

    def flat(shape):
        """The shape behind a reference (for merging), resolved now."""
        while isinstance(shape, dict) and "ref" in shape:
            name = shape["ref"]
            shape = convert(schemas[name], set([name]))
        return shape

    def is_object(shape):
        return isinstance(shape, dict) and "object" in shape

    def merge_all(parts):
        props, required = {}, []
        for part in parts:
            for k, v in part["object"].items():
                if k not in props or props[k] == "any":
                    props[k] = v
            required += [r for r in part.get("required", []) if r not in required]
        return obj(props, required)

    def merge_any(parts):
        props = {}
        for part in parts:
            for k, v in part["object"].items():
                props[k] = either(props[k], v) if k in props else v
        required = [r for r in parts[0].get("required", []) if all(r in p.get("required", []) for p in parts)]
        return obj(props, required)

    def either(a, b):
        """A property two alternatives declare: objects merge (what both require is required), else either."""
        if a == b:
            return a
        if a == "any" or b == "any":
            return "any"
        fa, fb = flat(a), flat(b)
        nullable = fa != strip(fa) or fb != strip(fb)
        if is_object(strip(fa)) and is_object(strip(fb)):
            merged = merge_any([strip(fa), strip(fb)])
            return {"nullable": merged} if nullable else merged
        if all(isinstance(s, dict) and "enum" in s for s in (strip(fa), strip(fb))):
            merged = {"enum": list(dict.fromkeys(strip(fa)["enum"] + strip(fb)["enum"]))}
            return {"nullable": merged} if nullable else merged
        alternatives = []
        for s in (a, b):
            for alt in s["anyOf"] if isinstance(s, dict) and "anyOf" in s else [s]:
                if alt not in alternatives:
                    alternatives.append(alt)
        return {"anyOf": alternatives}

    def obj(props, required):
        shape = {"object": props}
        if required:
            shape["required"] = required
        return shape

    def convert(schema, seen=frozenset()):
        if "$ref" in schema:
            target = schema["$ref"]
            if not target.startswith("#/components/schemas/"):
                return "any"
            name = target.split("/")[-1]
            inner = schemas[name]
            if name not in seen and not any(k in inner for k in ("properties", "allOf", "oneOf", "anyOf", "items")):
                return convert(inner, seen | {name})
            return ref(name)
        shape = bare(schema, seen)
        if schema.get("nullable") and shape != "any":
            return {"nullable": shape}
        return shape

    def bare(schema, seen):
        if "allOf" in schema:
            parts = [convert(p, seen) for p in schema["allOf"]]
            flats = [flat(p) for p in parts]
            if "properties" in schema:
                flats.append(bare({k: v for k, v in schema.items() if k != "allOf"}, seen))
            objects = [strip(p) for p in flats if is_object(strip(p))]
            if len(objects) == len(flats):
                return merge_all(objects)
            return parts[0] if len(parts) == 1 else "any"
        for key in ("oneOf", "anyOf"):
            if key in schema:
                parts = [convert(p, seen) for p in schema[key]]
                flats = [strip(flat(p)) for p in parts]
                if "any" in flats:
                    return "any"
                if all(is_object(p) for p in flats):
                    return merge_any(flats)
                if all(isinstance(p, dict) and "enum" in p for p in flats):
                    values = [v for p in flats for v in p["enum"]]
                    merged = {"enum": list(dict.fromkeys(values))}
                    return {"nullable": merged} if any(p != strip(p) for p in map(flat, parts)) else merged
                unique = []
                for p in parts:
                    if p not in unique:
                        unique.append(p)
                return unique[0] if len(unique) == 1 else {"anyOf": unique}
        kind = schema.get("type")
        if kind is None and "properties" in schema:
            kind = "object"
        if kind == "string":
            values = schema.get("enum")
            if values and all(isinstance(v, str) for v in values):
                return {"enum": values}
            return "date" if schema.get("format") == "date" else "string"
        if kind in ("integer", "number", "boolean"):
            return kind
        if kind == "array":
            return {"array": convert(schema.get("items", {}), seen)}
        if kind == "object":
            props = {k: convert(v, seen) for k, v in (schema.get("properties") or {}).items()}
            required = [r for r in schema.get("required", []) if r in props]
            return obj(props, required)
        return "any"

    def strip(shape):
        """A nullable wrapper off (merging reads the shape inside)."""
        return shape["nullable"] if isinstance(shape, dict) and "nullable" in shape else shape

    operations = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in ("get", "post", "put", "delete", "patch"):
            op = item.get(method)
            if op is None:
                continue
            entry = {}
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
            if body is not None:
                entry["body"] = convert(body)
            query, required = {}, []
            for p in shared + op.get("parameters", []):
                if "$ref" in p:
                    p = parameters[p["$ref"].split("/")[-1]]
                if p.get("in") != "query":
                    continue
                shape = strip(flat(convert(p.get("schema", {}))))
                if shape in SCALARS[1:] or (isinstance(shape, dict) and "enum" in shape):
                    query[p["name"]] = shape
                    if p.get("required"):
                        required.append(p["name"])
            if query:
                entry["query"] = query
            if required:
                entry["required_query"] = required
            if entry:
                operations[op["operationId"]] = entry

    while pending:
        name = pending.pop(0)
        named[name] = bare(schemas[name], frozenset([name]))
        if schemas[name].get("nullable") and named[name] != "any":
            named[name] = {"nullable": named[name]}

    print("// Generated by scripts/gen-api-operations.py --shapes from Spec/voucherify-api-openapi.json.")
    print("// Do not edit. The notation is APIShape's; how the spec's schemas are read: scripts/gen_shapes.py.")
    print()
    print("extension APIRequestShape {")
    print("  /// The spec's request shapes: `operations` (by operationId: `body`, `query`, `required_query`) and the")
    print("  /// component `schemas` their `ref`s name.")
    print('  static let specText = #"""')
    print("    {")
    print('    "operations": {')
    entries = sorted(operations.items())
    for i, (name, entry) in enumerate(entries):
        wrap(f"{json.dumps(name)}:{compact(entry)}" + ("," if i < len(entries) - 1 else ""))
    print("    },")
    print('    "schemas": {')
    entries = sorted(named.items())
    for i, (name, shape) in enumerate(entries):
        wrap(f"{json.dumps(name)}:{compact(shape)}" + ("," if i < len(entries) - 1 else ""))
    print("    }")
    print("    }")
    print('    """#')
    print("}")


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def wrap(text, width=114):
    """Prints `text` (compact JSON) indented by 4, broken after `,` `{` `[` `:` outside strings to stay within `width`."""
    line, start, in_string, escaped = "", 0, False, False
    breaks = []
    for i, c in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in ",{[:":
            breaks.append(i + 1)
    last = 0
    cut = 0
    for b in breaks + [len(text)]:
        if b - last > width and cut > last:
            print("    " + text[last:cut])
            last = cut
        cut = b
    print("    " + text[last:])
