#!/usr/bin/env python3
"""Produces the policy tables of docs/policies.md by running longitude-cli.

Every routing policy (longitude-cli list-policies --names) runs on samples/three-regions in three
forms: as shipped (one warm hour), from a cold start (first 10 minutes, no warm-up), and under
cache pressure (400 system prompts instead of 40: 800k prompt tokens for 448k KV tokens per
replica). Then samples/global-service-outage runs as shipped and in three variants. Each run is
`longitude-cli run FILE --policy X --json OUT`; variants are written to a temporary folder.

usage: scripts/policy_table.py [--cli PATH] [--update-doc] [--policies a,b,c]
  --cli PATH     longitude-cli to run (default: $LONGITUDE_CLI, else build/app/cli/longitude-cli)
  --update-doc   replace the generated sections of docs/policies.md instead of printing them
  --policies     comma-separated subset of policies for the three-regions tables

Python 3 standard library only. Same binary, same results: the CLI is deterministic.
"""
import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "policies.md")


def find_cli(explicit):
    for candidate in (explicit, os.environ.get("LONGITUDE_CLI"), os.path.join(ROOT, "build", "app", "cli", "longitude-cli")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("policy_table.py: longitude-cli not found; build it or pass --cli PATH")


def run(cli, scenario_path, policy, tmp, tag, duration=None):
    out = os.path.join(tmp, "%s-%s.json" % (tag, policy or "default"))
    command = [cli, "run", scenario_path, "--json", out, "--quiet"]
    if policy:
        command += ["--policy", policy]
    if duration:
        command += ["--duration", str(duration)]
    subprocess.run(command, check=True)
    with open(out) as f:
        return json.load(f)


def write_variant(tmp, name, scenario):
    path = os.path.join(tmp, name + ".longitude.json")
    with open(path, "w") as f:
        json.dump(scenario, f)
    return path


def fmt(value, digits):
    return ("{:,.%df}" % digits).format(value)


def policy_table(cli, policies, scenario_path, tmp, tag, duration=None):
    rows = ["| policy | token hit rate | request hit rate | TTFT p50 (ms) | TTFT p99 (ms) | cross-region | shed | egress (USD) | total cost (USD) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for policy in policies:
        s = run(cli, scenario_path, policy, tmp, tag, duration)
        req = s["requests"]
        completed = max(req["completed"], 1)
        rows.append("| %s | %.4f | %.4f | %s | %s | %.1f %% | %s | %s | %s |" % (
            policy, s["prefix_cache"]["token_hit_rate"], s["prefix_cache"]["request_hit_rate"],
            fmt(s["ttft_ms"]["p50"], 1), fmt(s["ttft_ms"]["p99"], 1), 100.0 * req["cross_region"] / completed,
            fmt(req["shed"], 0), fmt(s["cost"]["egress_usd"], 2), fmt(s["cost"]["total_usd"], 2)))
    return "\n".join(rows)


def outage_table(cli, tmp):
    base_path = os.path.join(ROOT, "samples", "global-service.longitude.json")
    outage_path = os.path.join(ROOT, "samples", "global-service-outage.longitude.json")
    with open(outage_path) as f:
        outage = json.load(f)
    probes_only = copy.deepcopy(outage)
    probes_only["failover"]["params"]["breakerFailures"] = 0
    unbounded = copy.deepcopy(outage)
    unbounded["overflow"] = {"enabled": False, "params": {}}
    unbounded["failover"].pop("degradeModel", None)
    runs = [
        ("global-service (no outage)", base_path),
        ("global-service-outage (as shipped)", outage_path),
        ("... probes only (no circuit breaker)", write_variant(tmp, "outage-probes-only", probes_only)),
        ("... no overflow, no rate cap, no degradation", write_variant(tmp, "outage-unbounded", unbounded)),
    ]
    head = ["| run | completed | shed | TTFT p50 (ms) | TTFT p99 (ms) | SLA attainment | detected after (s) | lost in flight | failed deliveries | retried | rerouted | degraded | shed (rescuer protection) | spilled | queue timeouts | residency violations |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rescuers = ["| run | rescuer | spilled in | rerouted in | peak per second | cap refusals |", "|---|---|---:|---:|---:|---:|"]
    for label, path in runs:
        s = run(cli, path, None, tmp, "outage-" + str(len(head)))
        req, fo, ov = s["requests"], s["failover"], s["overflow"]
        detected = ", ".join("%.4f" % o["detected_after_s"] if o["detected_after_s"] is not None else "never"
                             for o in fo["outages"]) or "-"
        head.append("| %s | %s | %s | %s | %s | %.4f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            label, fmt(req["completed"], 0), fmt(req["shed"], 0), fmt(s["ttft_ms"]["p50"], 1), fmt(s["ttft_ms"]["p99"], 1),
            s["sla"]["attainment"], detected, fmt(fo["lost_in_flight"], 0), fmt(fo["failed_deliveries"], 0),
            fmt(fo["retried"], 0), fmt(fo["rerouted"], 0), fmt(fo["degraded"], 0), fmt(fo["shed_rescuer_protection"], 0),
            fmt(ov["spilled"], 0), fmt(ov["queue_timeouts"], 0), fmt(req["residency_violations"], 0)))
        for region, r in ov["by_rescuer"].items():
            rescuers.append("| %s | %s | %s | %s | %s | %s |" % (label, region, fmt(r["spilled_in"], 0), fmt(r["rerouted_in"], 0),
                                                                fmt(r["peak_per_second"], 0), fmt(r["cap_refusals"], 0)))
    return "\n".join(head) + "\n\nPer rescuer region:\n\n" + "\n".join(rescuers)


def replace_section(text, name, body):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    a, b = text.index(begin) + len(begin), text.index(end)
    return text[:a] + "\n" + body + "\n" + text[b:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli")
    parser.add_argument("--update-doc", action="store_true")
    parser.add_argument("--policies")
    args = parser.parse_args()
    cli = find_cli(args.cli)
    policies = args.policies.split(",") if args.policies else subprocess.run(
        [cli, "list-policies", "--names"], check=True, capture_output=True, text=True).stdout.split()

    sample = os.path.join(ROOT, "samples", "three-regions.longitude.json")
    with open(sample) as f:
        scenario = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        cold = copy.deepcopy(scenario)
        cold["simulation"]["warmupS"] = 0
        pressure = copy.deepcopy(scenario)
        pressure["workloads"][0]["prefixGroups"] = 400
        pressure["simulation"]["warmupS"] = 0
        sections = {
            "policy-table-warm": policy_table(cli, policies, sample, tmp, "warm"),
            "policy-table-cold": policy_table(cli, policies, write_variant(tmp, "cold", cold), tmp, "cold", 600),
            "policy-table-pressure": policy_table(cli, policies, write_variant(tmp, "pressure", pressure), tmp, "pressure", 1200),
            "outage-table": outage_table(cli, tmp),
        }
    if args.update_doc:
        with open(DOC) as f:
            text = f.read()
        for name, body in sections.items():
            text = replace_section(text, name, body)
        with open(DOC, "w") as f:
            f.write(text)
    else:
        for name, body in sections.items():
            print("## %s\n\n%s\n" % (name, body))


if __name__ == "__main__":
    main()
