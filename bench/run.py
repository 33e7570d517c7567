"""``make bench``: llmswitch vs raw httpx (and openai-python, litellm) on a loopback server.

Every figure is printed as a ratio against raw httpx measured in the same run, per provider
wire format, as medians over fresh worker processes with their spread. No timing assertion
lives in the test suite; ``--quick`` (tiny counts) is run by a smoke test so this cannot rot.

    python bench/run.py [--quick] [--repeats 3] [--json FILE] [--peers-python PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from server import PROVIDERS, raw_socket_ceiling  # noqa: E402

GOALS = {  # figure -> (comparison, goal ratio vs raw httpx; import: vs its floor)
    "import": ("<=", 1.3),
    "p50": ("<=", 1.0),
    "stream": (">=", 0.85),
    "fanout": ("<=", 0.15),
    "first": ("<=", 4.0),
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(HERE.parent / "src")
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), src, env.get("PYTHONPATH", "")])
    return env


IMPORTS = (
    ("llmswitch", "import llmswitch"),
    ("raw", "import httpx, pydantic, tenacity"),
    # For reading the ratio: pydantic imports its model machinery only when a model is defined.
    ("raw+model", "import httpx, pydantic, tenacity\nclass M(pydantic.BaseModel): a: int"),
)


def import_times(python: str, repeats: int) -> dict[str, Any]:
    """Median seconds and peak RSS of ``import llmswitch`` vs ``import httpx, pydantic,
    tenacity`` in fresh interpreters, and which heavy modules the import loaded."""
    code = (
        "import time, resource, sys; t = time.perf_counter(); exec({mods}); "
        "d = time.perf_counter() - t; "
        "heavy = [m for m in ('pandas', 'matplotlib', 'rich', 'jwt') if m in sys.modules]; "
        "print(d, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, ','.join(heavy))"
    )
    samples: dict[str, dict[str, list[Any]]] = {
        label: {"t": [], "rss": [], "heavy": []} for label, _ in IMPORTS
    }
    # Interleaved, so that drift on a shared machine hits both sides alike.
    for _ in range(repeats):
        for label, mods in IMPORTS:
            res = subprocess.run([python, "-c", code.format(mods=repr(mods))], capture_output=True,
                                 text=True, check=True, env=_env())  # fmt: skip
            t, r, h = ([*res.stdout.split(" "), ""])[:3]
            samples[label]["t"].append(float(t))
            samples[label]["rss"].append(int(r))
            samples[label]["heavy"].append(h.strip())
    out: dict[str, Any] = {}
    for label, got in samples.items():
        times = got["t"]
        out[label] = {
            "s": statistics.median(times),
            "spread": (min(times), max(times)),
            "rss_kb": statistics.median(got["rss"]),
            "heavy": got["heavy"][-1],
        }
    return out


def run_worker(
    python: str, client: str, provider: str, port: int, counts: tuple[int, int, int]
) -> dict[str, Any] | None:
    args = [python, str(HERE / "worker.py"), client, provider, str(port), *map(str, counts)]
    res = subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=300)
    if res.returncode != 0:
        print(f"  worker {client}/{provider} failed: {res.stderr.strip().splitlines()[-1:]}",
              file=sys.stderr)  # fmt: skip
        return None
    return json.loads(res.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def has_module(python: str, module: str) -> bool:
    res = subprocess.run([python, "-c", f"import {module}"], capture_output=True, env=_env())
    return res.returncode == 0


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ["first_call_s", "p50_s", "p99_s", "stream_chunks_per_s", "ttfc_s", "fanout_wall_s",
            "fanout_rps"]  # fmt: skip
    out: dict[str, Any] = {}
    for key in keys:
        values = [r[key] for r in runs]
        out[key] = {"median": statistics.median(values), "min": min(values), "max": max(values)}
    return out


def fmt_ratio(value: float, goal: tuple[str, float] | None) -> str:
    text = f"{value:.2f}×"
    if goal is not None:
        op, target = goal
        ok = value <= target if op == "<=" else value >= target
        text += " ✅" if ok else " ❌"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny counts (smoke test)")
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--json", dest="json_out", default=None, help="write results to FILE")
    parser.add_argument(
        "--peers-python",
        default=os.environ.get("LLMSWITCH_BENCH_PEERS_PYTHON"),
        help="python of a venv with bench/requirements-peers.txt installed",
    )
    parser.add_argument("--providers", default=",".join(PROVIDERS))
    args = parser.parse_args()
    repeats = args.repeats or (1 if args.quick else 3)
    counts = (20, 1, 20) if args.quick else (400, 3, 200)
    python = sys.executable
    providers = [p for p in args.providers.split(",") if p]

    server = subprocess.Popen([python, str(HERE / "server.py")], stdout=subprocess.PIPE,
                              text=True, env=_env())  # fmt: skip
    try:
        assert server.stdout is not None
        port = json.loads(server.stdout.readline())["port"]
        started = time.perf_counter()
        ceiling = raw_socket_ceiling(port, 0.3 if args.quick else 1.0)
        imports = import_times(python, 3 if args.quick else 7)
        results: dict[str, dict[str, Any]] = {}
        clients = [("llmswitch", python), ("raw", python)]
        if has_module(python, "aiohttp"):
            clients.append(("rawaiohttp", python))  # the fan-out ceiling
        peers: list[tuple[str, str]] = []
        for peer in ("openai", "litellm"):
            peer_python = args.peers_python or python
            if has_module(peer_python, peer):
                peers.append((peer, peer_python))
            else:
                print(f"peer {peer}: not installed (pip install -r bench/requirements-peers.txt"
                      " in a venv and pass --peers-python); skipped")  # fmt: skip
        for provider in providers:
            cells = clients + (peers if provider == "openai" else [])
            runs: dict[str, list[dict[str, Any]]] = {client: [] for client, _ in cells}
            for _ in range(repeats):  # interleaved: llmswitch, raw, peers, llmswitch, raw, ...
                for client, py in cells:
                    result = run_worker(py, client, provider, port, counts)
                    if result is not None:
                        runs[client].append(result)
            for client, got in runs.items():
                if got:
                    results[f"{client}/{provider}"] = summarize(got)
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(report(results, imports, ceiling, providers, peers, repeats, counts, elapsed))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(
            {"results": results, "imports": imports, "server_ceiling_rps": ceiling,
             "repeats": repeats, "counts": counts}, indent=2))  # fmt: skip
    return 0


def report(results: dict[str, Any], imports: dict[str, Any], ceiling: float, providers: list[str],
           peers: list[tuple[str, str]], repeats: int, counts: tuple[int, int, int],
           elapsed: float) -> str:  # fmt: skip
    lines = [
        f"# llmswitch benchmark ({repeats} fresh worker(s) per cell, {counts[0]} calls, "
        f"{counts[1]} stream(s) of 2000 chunks, {counts[2]}-way fan-out; {elapsed:.0f}s)",
        "",
        f"Server ceiling (raw socket, keep-alive): {ceiling:,.0f} req/s",
        "",
    ]
    li, raw, rm = imports["llmswitch"], imports["raw"], imports["raw+model"]
    ratio = li["s"] / rm["s"]  # the floor: httpx + pydantic with one model + tenacity
    lines += [
        "| import | seconds (median, spread) | peak RSS | heavy modules loaded |",
        "|---|---|---|---|",
        f"| `import llmswitch` | {li['s'] * 1000:.1f} ms ({li['spread'][0] * 1000:.1f}–{li['spread'][1] * 1000:.1f}) | {li['rss_kb'] / 1024:.1f} MB | {li['heavy'] or 'none'} |",  # noqa: E501
        f"| `import httpx, pydantic, tenacity` | {raw['s'] * 1000:.1f} ms ({raw['spread'][0] * 1000:.1f}–{raw['spread'][1] * 1000:.1f}) | {raw['rss_kb'] / 1024:.1f} MB | {raw['heavy'] or 'none'} |",  # noqa: E501
        f"| `import httpx, pydantic, tenacity` + one `BaseModel` | {rm['s'] * 1000:.1f} ms "
        f"({rm['spread'][0] * 1000:.1f}–{rm['spread'][1] * 1000:.1f}) "
        f"| {rm['rss_kb'] / 1024:.1f} MB | {rm['heavy'] or 'none'} |",
        f"| ratio to httpx + pydantic alone | {li['s'] / raw['s']:.2f}× | {li['rss_kb'] / raw['rss_kb']:.2f}× | |",  # noqa: E501
        f"| ratio to its floor, with one model (goal ≤ 1.3×) | {fmt_ratio(ratio, GOALS['import'])} | | |",  # noqa: E501
        "",
        "| client/provider | first call | p50 (× raw) | p99 | stream chunks/s (× raw) | TTFC | 200-way async wall (× raw) | req/s |",  # noqa: E501
        "|---|---|---|---|---|---|---|---|",
    ]
    for provider in providers:
        base = results.get(f"raw/{provider}")
        names = ["llmswitch", "raw"] + ([p for p, _ in peers] if provider == "openai" else [])
        # rawaiohttp's calls and streams are raw httpx's: only its fan-out is printed (below)
        for client in names:
            row = results.get(f"{client}/{provider}")
            if row is None:
                continue

            def m(key: str, row: dict[str, Any] = row) -> float:
                return float(row[key]["median"])

            def spread(key: str, scale: float, row: dict[str, Any] = row) -> str:
                return f"{row[key]['min'] * scale:.3g}–{row[key]['max'] * scale:.3g}"

            goal = client == "llmswitch"
            if base is not None:
                p50r = m("p50_s") / base["p50_s"]["median"]
                sr = m("stream_chunks_per_s") / base["stream_chunks_per_s"]["median"]
                fr = m("fanout_wall_s") / base["fanout_wall_s"]["median"]
            else:
                p50r = sr = fr = float("nan")
            first_ms = m("first_call_s") * 1000
            first = f"{first_ms:.1f} ms"
            if goal and base is not None:
                first_r = m("first_call_s") / base["first_call_s"]["median"]
                first += f" ({fmt_ratio(first_r, GOALS['first'])})"
            lines.append(
                f"| {client}/{provider} | {first} "
                f"| {m('p50_s') * 1e6:.0f} µs ({fmt_ratio(p50r, GOALS['p50'] if goal else None)}; {spread('p50_s', 1e6)}) "  # noqa: E501
                f"| {m('p99_s') * 1e6:.0f} µs "
                f"| {m('stream_chunks_per_s'):,.0f} ({fmt_ratio(sr, GOALS['stream'] if goal else None)}) "  # noqa: E501
                f"| {m('ttfc_s') * 1000:.2f} ms "
                f"| {m('fanout_wall_s') * 1000:.0f} ms ({fmt_ratio(fr, GOALS['fanout'] if goal else None)}) "  # noqa: E501
                f"| {m('fanout_rps'):,.0f} |"
            )
    lines += ["", "| provider | 200-way fan-out: raw httpx | raw aiohttp (ceiling) | llmswitch (× raw httpx) |",  # noqa: E501
              "|---|---|---|---|"]  # fmt: skip
    for provider in providers:
        base = results.get(f"raw/{provider}")
        top = results.get(f"rawaiohttp/{provider}")
        ours = results.get(f"llmswitch/{provider}")
        if base is None or ours is None:
            continue
        b = base["fanout_wall_s"]["median"]
        o = ours["fanout_wall_s"]["median"]
        t = f"{top['fanout_wall_s']['median'] * 1000:.0f} ms ({top['fanout_wall_s']['median'] / b:.2f}×)" if top else "not installed"  # noqa: E501
        lines.append(f"| {provider} | {b * 1000:.0f} ms | {t} | {o * 1000:.0f} ms ({fmt_ratio(o / b, GOALS['fanout'])}) |")  # noqa: E501
    lines += ["", "Ratios are llmswitch (or a peer) divided by raw httpx on the same provider wire "
              "in this run (first call: divided by raw httpx's first call); ✅/❌ mark the goals "
              "of bench/README.md. The async backend is the default one (aiohttp when "
              "llmswitch[aiohttp] is installed; LLMSWITCH_ASYNC_TRANSPORT=httpx to compare)."]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
