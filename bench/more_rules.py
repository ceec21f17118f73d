#!/usr/bin/env python3
"""Write a rule file with N copies of every shipped pattern rule (new ids, same patterns and
examples), to measure how the run time grows with the number of rules:

    python3 bench/more_rules.py 9 > /tmp/more.toml
    copydesk check -j 1 --rules /tmp/more.toml CORPUS      # vs. without --rules
"""
import json
import pathlib
import sys
import tomllib

copies = int(sys.argv[1]) if len(sys.argv) > 1 else 9
root = pathlib.Path(__file__).resolve().parent.parent / "rules"


def repr_toml(value):
    """A TOML basic string (JSON string escapes are valid TOML)."""
    return json.dumps(value, ensure_ascii=False)


out = []
for pack in sorted(root.glob("*.toml")):
    for rule in tomllib.loads(pack.read_text(encoding="utf-8")).get("rule", []):
        if rule.get("kind") != "pattern":
            continue
        for k in range(copies):
            out.append("[[rule]]")
            out.append(f'id = "more/{k}-{rule["id"].replace("/", "-")}"')
            for key in ("kind", "severity", "scope", "message", "help", "pattern", "unless", "fix", "safety"):
                if key in rule:
                    out.append(f"{key} = {repr_toml(rule[key])}")
            for ex in rule.get("example", []):
                out.append("[[rule.example]]")
                for key, value in ex.items():
                    out.append(f"{key} = {repr_toml(value)}")
            out.append("")

print("\n".join(out))
