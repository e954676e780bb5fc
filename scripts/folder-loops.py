#!/usr/bin/env python3
"""Usage: scripts/folder-loops.py [MODULE_DIR...]   (default: every Sources/* module, plus the folders below)

Fails (exit 1) when two top-level folders of one module reference each other's types both ways, so the
folders keep reading the data flow one way (Scenario -> World -> Events -> Sendout -> Delivery -> Reports).
A type belongs to the folder that declares it at top level; a reference is the type's name as a word in
code (comments and string literals are ignored). Files directly in the module root count as folder ".".
Prints each loop with the files that make it.

By default some folders are checked as if each were a module too, so their subfolders keep one direction as well:
Sources/SendoutCore/World (Store at the bottom, then one folder per domain) and, when it exists,
Sources/SendoutAPI's subfolders that hold folders (Endpoints/{Vouchers,Campaigns,...}).
"""
import collections, os, re, sys

DECL = re.compile(r'^(?:public |internal |package |private |fileprivate )*(?:final )?'
                  r'(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)', re.M)

def strip(code):
    code = re.sub(r'"""[\s\S]*?"""', '""', code)
    code = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', code)
    return re.sub(r'//.*', '', code)

def loops(module):
    files, owner = {}, {}
    for dirpath, _, names in os.walk(module):
        for name in names:
            if name.endswith('.swift'):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(dirpath, module)
                folder = '.' if rel == '.' else rel.split(os.sep)[0]
                code = strip(open(path, encoding='utf-8').read())
                files[path] = (folder, code)
                for match in DECL.finditer(code):  # top level only: no indentation
                    owner.setdefault(match.group(1), set()).add(folder)
    edges = collections.defaultdict(set)
    for path, (folder, code) in files.items():
        words = set(re.findall(r'\b[A-Z]\w*\b', code))
        for word in words & owner.keys():
            for other in owner[word] - {folder}:
                edges[(folder, other)].add((word, os.path.relpath(path, module)))
    return [(a, b, sorted(edges[(a, b)]), sorted(edges[(b, a)])) for (a, b) in sorted(edges) if a < b and (b, a) in edges]

NESTED = {'Sources/SendoutCore/World': 'itself', 'Sources/SendoutAPI': 'subfolders'}

def nested():
    """The folders checked as modules beyond Sources/*: each NESTED root that exists, itself or its subfolders
    that hold folders."""
    found = []
    for root, what in NESTED.items():
        if not os.path.isdir(root):
            continue
        if what == 'itself':
            found.append(root)
            continue
        for name in sorted(os.listdir(root)):
            sub = os.path.join(root, name)
            if os.path.isdir(sub) and any(os.path.isdir(os.path.join(sub, n)) for n in os.listdir(sub)):
                found.append(sub)
    return found

def main(argv):
    modules = argv or sorted(os.path.join('Sources', m) for m in os.listdir('Sources')) + nested()
    found = 0
    for module in modules:
        for a, b, there, back in loops(module):
            found += 1
            print(f'{module}: {a} <-> {b}')
            for (x, y, refs) in ((a, b, there), (b, a, back)):
                for word, path in refs:
                    print(f'    {x} -> {y}: {word} in {path}')
    if found:
        print(f'{found} folder loop(s); move the types so references run one way', file=sys.stderr)
        return 1
    print(f'No folder loops in {len(modules)} modules and folders')
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
