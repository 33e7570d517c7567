"""Issue 19: the CLI as a new user meets it. Each case runs the command in a subprocess and
checks its exit code and that no traceback ever reaches stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
EXAMPLES = ROOT / "examples"
SUPPORT_BOT = str(EXAMPLES / "support_bot")
COMMANDS = ("offers", "models", "compare", "scan", "plan", "chat", "doctor")


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    """The CLI in a subprocess (PYTHONPATH at src/), no keys or config from the caller."""
    environ = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    environ.pop("LLMSWITCH_CONFIG", None)
    environ.pop("COLUMNS", None)
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p
    )
    environ["MPLBACKEND"] = "Agg"
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "llmswitch", *args], capture_output=True,
                          text=True, cwd=ROOT, env=environ, timeout=120)  # fmt: skip


def ok(out: Any, code: int = 0) -> Any:
    assert out.returncode == code, (out.returncode, out.stdout[-2000:], out.stderr[-2000:])
    assert "Traceback" not in out.stderr
    return out


def test_fx_zero_is_a_usage_error() -> None:
    out = ok(run("compare", "--input-tokens", "1M", "--output-tokens", "1M", "--fx", "0"), 2)
    assert "exchange rate must be above 0" in out.stderr
    ok(run("compare", "--input-tokens", "1M", "--output-tokens", "1M", "--fx", "nan"), 2)
    ok(run("plan", SUPPORT_BOT, "--fx", "-3"), 2)


def test_plot_with_an_unknown_image_type(tmp_path: Path) -> None:
    out = ok(run("compare", "--input-tokens", "1M", "--output-tokens", "1M",
                 "--plot", str(tmp_path / "x.jpgg")), 2)  # fmt: skip
    assert "'.jpgg' is not an image type; use .png, .svg, .pdf" in out.stderr
    assert not (tmp_path / "x.jpgg").exists()


def test_plot_folder_is_made_and_an_unwritable_path_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    made = tmp_path / "new" / "dir" / "x.png"
    ok(run("compare", "--input-tokens", "1M", "--output-tokens", "1M", "--plot", str(made)))
    assert made.stat().st_size > 1000
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    out = ok(run("compare", "--input-tokens", "1M", "--output-tokens", "1M",
                 "--plot", str(tmp_path / "file" / "x.png")), 2)  # fmt: skip
    assert "cannot write" in out.stderr


def _piped(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``llmswitch ARGS | head -1``: the reader closes the pipe after one line."""
    environ = dict(os.environ, PYTHONPATH=str(SRC), MPLBACKEND="Agg")
    environ.pop("LLMSWITCH_CONFIG", None)
    command = [sys.executable, "-m", "llmswitch", *args]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=tmp_path, env=environ, text=True) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # as `head` does
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    return subprocess.CompletedProcess(command, code, "", err)


@pytest.mark.parametrize(
    "args",
    [
        ["plan", SUPPORT_BOT, "--out", "plan"],
        ["plan", SUPPORT_BOT, "--out", "plan", "--json"],
        ["models"],
        ["--help"],
    ],
)
def test_closed_pipe_is_quiet(args: list[str], tmp_path: Path) -> None:
    out = _piped(args, tmp_path)
    assert "Traceback" not in out.stderr and "BrokenPipeError" not in out.stderr, out.stderr
    assert out.returncode in (0, 141), out.stderr  # 141 = 128 + SIGPIPE, as `yes | head`


def test_doctor_says_why_and_suggests_the_near_name(tmp_path: Path) -> None:
    config = tmp_path / "llmswitch.toml"
    config.write_text('[providers.qwenn]\napi_key = "${DASHSCOPE_API_KEY}"\n', encoding="utf-8")
    out = ok(run("doctor", "--config", str(config), env={"DASHSCOPE_API_KEY": "sk-secret"}), 2)
    assert "[providers.qwenn] is not a provider llmswitch knows" in out.stdout
    assert "did you mean [providers.qwen]?" in out.stdout
    assert "sk-secret" not in out.stdout + out.stderr
    config.write_text('[providers.qwen]\napi_kye = "${DASHSCOPE_API_KEY}"\n', encoding="utf-8")
    out = ok(run("doctor", "--config", str(config), "--json"), 2)
    data = json.loads(out.stdout)
    assert data["config"]["valid"] is False
    assert data["config"]["status"].startswith("invalid")
    assert any("did you mean `api_key`?" in p for p in data["config"]["problems"])


def test_doctor_unclosed_env_reference_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "llmswitch.toml"
    config.write_text('[providers.qwen]\napi_key = "${DASHSCOPE_API_KEY"\n', encoding="utf-8")
    out = ok(run("doctor", "--config", str(config), "--json"), 2)
    data = json.loads(out.stdout)
    assert any("`${DASHSCOPE_API_KEY` is never closed" in p for p in data["config"]["problems"])
    creds = {r["provider"]: r["credentials"] for r in data["records"]}
    assert creds["qwen"].startswith("invalid: unclosed ${DASHSCOPE_API_KEY")


def test_loader_refuses_an_unclosed_env_reference(tmp_path: Path) -> None:
    from llmswitch._config import load_config, provider_settings
    from llmswitch.errors import ConfigError

    config = tmp_path / "llmswitch.toml"
    config.write_text('[providers.qwen]\napi_key = "${DASHSCOPE_API_KEY"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="DASHSCOPE_API_KEY"):
        provider_settings(load_config(config), "qwen")


def _write_catalog(path: Path) -> Path:
    """The user's own price for qwen-plus, as docs/catalog.md shows."""
    path.write_text(
        '[sources.my_contract]\nurl = "https://intranet.example.com/contract.pdf"\n'
        'outlet = "Our contract"\ndate = 2024-06-01\nkind = "user"\n\n'
        '[[models]]\nprovider = "qwen"\nid = "qwen-plus"\n\n'
        "[[models.prices]]\ninput = 0.01\noutput = 0.02\ncurrency = \"CNY\"\n"
        'as_of = 2024-06-01\neffective_from = 2024-06-01\nsource = "my_contract"\n',
        encoding="utf-8",
    )
    return path


def test_plan_takes_the_workload_flags_and_a_catalog(tmp_path: Path) -> None:
    out = ok(run("plan", SUPPORT_BOT, "--out", str(tmp_path / "plan"), "--json",
                 "--input-tokens", "2M", "--output-tokens", "1M", "--growth", "0",
                 "--on", "2024-07-01"))  # fmt: skip
    data = json.loads(out.stdout)
    assert data["command"] == "plan"
    assert data["comparison"]["workload"]["input_tokens"] == 2_000_000
    assert data["comparison"]["workload"]["output_tokens"] == 1_000_000
    assert "No workload given" not in " ".join(data["notes"])


def test_catalog_file_prices_count(tmp_path: Path) -> None:
    catalog = _write_catalog(tmp_path / "mine.toml")
    base = ["compare", "--input-tokens", "10M", "--output-tokens", "1M", "--on", "2024-07-01",
            "--json", "--provider", "qwen"]  # fmt: skip
    shipped = json.loads(ok(run(*base)).stdout)
    mine = json.loads(ok(run(*base, "--catalog", str(catalog))).stdout)

    def price(data: dict[str, Any]) -> Any:
        return next(r["input_per_1m"] for r in data["records"] if r["model"] == "qwen/qwen-plus")

    assert price(mine) == 0.01 and price(shipped) != 0.01
    ok(run(*base, "--catalog", str(tmp_path / "missing.toml")), 2)


def test_repeated_provider_counts_everywhere(tmp_path: Path) -> None:
    offers = json.loads(ok(run("offers", "--provider", "qwen", "--provider", "zhipu",
                               "--json")).stdout)  # fmt: skip
    assert {r["provider"] for r in offers["records"]} == {"qwen", "glm"}
    models = json.loads(ok(run("models", "--provider", "qwen", "--provider", "deepseek",
                               "--json")).stdout)  # fmt: skip
    assert {r["model"].split("/")[0] for r in models["records"]} == {"qwen", "deepseek"}
    cmp = json.loads(ok(run("compare", "--input-tokens", "1M", "--output-tokens", "1M",
                            "--provider", "qwen", "--provider", "glm",
                            "--json")).stdout)  # fmt: skip
    assert {r["provider"] for r in cmp["records"] if r["role"] == "candidate"} == {"qwen", "glm"}
    scan = json.loads(ok(run("scan", SUPPORT_BOT, "--provider", "qwen", "--provider", "glm",
                             "--json")).stdout)  # fmt: skip
    assert set(scan["summary"]) == {"qwen", "glm"}
    plan = json.loads(ok(run("plan", SUPPORT_BOT, "--out", str(tmp_path / "p"), "--json",
                             "--provider", "qwen", "--provider", "deepseek")).stdout)  # fmt: skip
    assert plan["target"].split("/")[0] in {"qwen", "deepseek"}
    assert plan["fallback"] is None or plan["fallback"].split("/")[0] in {"qwen", "deepseek"}
    typo = ok(run("offers", "--provider", "qwenn"), 2)
    assert "did you mean 'qwen'?" in typo.stderr


def _numbers_are_numbers(value: Any, where: str = "") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _numbers_are_numbers(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            _numbers_are_numbers(item, f"{where}[]")
    elif isinstance(value, str):
        text = value.replace(",", "").replace("_", "")
        try:
            float(text)
        except ValueError:
            return
        raise AssertionError(f"{where} is a number written as a string: {value!r}")


def test_one_json_shape_for_every_command(tmp_path: Path) -> None:
    config = tmp_path / "llmswitch.toml"
    config.write_text('[providers.glm]\napi_key = "${MY_KEY}"\n', encoding="utf-8")
    runs = {
        "offers": run("offers", "--on", "2024-07-01", "--json"),
        "models": run("models", "--provider", "qwen", "--json"),
        "compare": run("compare", "--input-tokens", "1M", "--output-tokens", "1M", "--json"),
        "scan": run("scan", SUPPORT_BOT, "--json"),
        "plan": run("plan", SUPPORT_BOT, "--out", str(tmp_path / "p"), "--json"),
        "doctor": run("doctor", "--config", str(config), "--json"),
    }
    for command, out in runs.items():
        data = json.loads(ok(out).stdout)
        assert isinstance(data, dict) and data["command"] == command
        assert isinstance(data["records"], list) and data["records"], command
        assert all(isinstance(r, dict) for r in data["records"]), command
        _numbers_are_numbers(data["records"], command)
    offer = json.loads(runs["offers"].stdout)["records"][0]
    assert isinstance(offer["total_free_tokens"], int)
    assert isinstance(offer["grants"][0]["tokens"], int)
    assert offer["sources"][0]["url"].startswith("http") and "date" in offer["sources"][0]


def test_every_argument_has_help() -> None:
    from llmswitch.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}: no help"
    text = " ".join(ok(run("plan", "--help")).stdout.split())
    assert "overwritten" in text and "YYYY-MM-DD" in text and "default: build/plan" in text
    text = " ".join(ok(run("compare", "--help")).stdout.split())
    assert "default: 10" in text and "default: CNY" in text


def test_progress_goes_to_stderr_when_not_a_terminal(tmp_path: Path) -> None:
    out = ok(run("scan", SUPPORT_BOT, "--json"))
    assert "scanning 3 file(s)" in out.stderr and "scanned 3 file(s)" in out.stderr
    assert json.loads(out.stdout)["command"] == "scan"  # stdout stays clean


def test_no_model_id_wrapped_at_80_columns() -> None:
    out = ok(run("compare", "--input-tokens", "40M", "--output-tokens", "8M", "--on",
                 "2024-07-01", "--top", "40", env={"COLUMNS": "80"}))  # fmt: skip
    lines = out.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines[1:]), max(lines[1:], key=len)
    data = json.loads(ok(run("compare", "--input-tokens", "40M", "--output-tokens", "8M",
                             "--on", "2024-07-01", "--json")).stdout)  # fmt: skip
    shown = [r["model"] for r in data["records"] if r["role"] == "candidate"][:40]
    for model in shown:
        assert any(model in line for line in lines), f"{model} is cut"
    assert "note" not in lines[2]  # an empty column is left out
    models = ok(run("models", env={"COLUMNS": "80"})).stdout
    for model in json.loads(ok(run("models", "--json")).stdout)["records"]:
        assert model["model"] in models


def test_offers_table_shows_sources_and_dates() -> None:
    out = ok(run("offers", "--on", "2024-07-01", env={"COLUMNS": "200"}))
    header = next(line for line in out.stdout.splitlines() if "offer" in line and "start" in line)
    for column in ("start", "end", "confirmed", "sources"):
        assert column in header
    assert "2024-06-25" in out.stdout and "newest 2024-07" in out.stdout


def test_input_tokens_without_output_tokens_warns() -> None:
    out = ok(run("compare", "--input-tokens", "40M"))
    assert "warning: 40,000,000 input tokens a month but no output tokens" in out.stderr
    quiet = ok(run("compare", "--input-tokens", "40M", "--output-tokens", "1M"))
    assert "warning" not in quiet.stderr


def test_plan_json_lists_the_written_files(tmp_path: Path) -> None:
    out = ok(run("plan", SUPPORT_BOT, "--out", str(tmp_path / "p"), "--json"))
    report = json.loads(out.stdout)["report"]
    assert Path(report["html"]).is_file() and Path(report["config"]).is_file()


def test_help_of_every_command_runs() -> None:
    for command in COMMANDS:
        ok(run(command, "--help"))
    assert ROOT.is_dir()


def test_chat_json_has_the_same_shape(tmp_path: Path) -> None:
    import httpx

    from llmswitch.testing import LoopbackServer, Reply, fake_wire, response_to_action

    wire = fake_wire("openai")
    with LoopbackServer() as server:
        request = httpx.Request("POST", "http://x/chat/completions", json={"model": "m"})
        server.enqueue(response_to_action(wire.render("chat", request, Reply("Bonjour!"))))
        config = tmp_path / "llmswitch.toml"
        config.write_text(
            f'[providers.local]\ntype = "openai-compatible"\nbase_url = "{server.url}/v1"\n'
            'api_key = "${LOCAL_KEY}"\n',
            encoding="utf-8",
        )
        out = ok(run("chat", "local/test-model", "Say hi", "--config", str(config), "--json",
                     env={"LOCAL_KEY": "k"}))  # fmt: skip
    data = json.loads(out.stdout)
    assert data["command"] == "chat" and data["records"][0]["content"] == "Bonjour!"
    assert isinstance(data["records"][0]["completion_tokens"], int)
    assert data["response"]["choices"][0]["message"]["content"] == "Bonjour!"


def test_models_live_puts_the_providers_list_beside_the_catalog(tmp_path: Path) -> None:
    import json as _json

    from llmswitch.testing import Action, LoopbackServer

    listing = {
        "object": "list",
        "data": [{"id": "deepseek-chat", "object": "model"}, {"id": "brand-new-model"}],
    }
    with LoopbackServer() as server:
        server.enqueue(Action(status=200, headers={"content-type": "application/json"},
                              body=_json.dumps(listing).encode()))  # fmt: skip
        config = tmp_path / "llmswitch.toml"
        config.write_text(
            f'[providers.deepseek]\nbase_url = "{server.url}/v1"\napi_key = "sk-live-test"\n',
            encoding="utf-8",
        )
        out = run("models", "--live", "--provider", "deepseek", "--config", str(config), "--json")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    status = {r["id"]: r["status"] for r in _json.loads(out.stdout)["records"]}
    assert status["brand-new-model"] == "not in catalog"
    assert status["deepseek-chat"] == "served after retirement"  # retired 2026-07-24
    assert "not served" in status.values()
    assert "sk-live-test" not in out.stdout + out.stderr


def test_models_live_needs_a_provider() -> None:
    out = run("models", "--live")
    assert out.returncode == 2 and "--provider" in out.stderr and "Traceback" not in out.stderr


def test_config_trust_then_untrust_and_doctor_says_which(tmp_path: Path) -> None:
    config = tmp_path / "llmswitch.toml"
    config.write_text('[defaults]\nprovider = "qwen"\n', encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    data = json.loads(ok(run("doctor", "--config", str(config), "--json", env=env)).stdout)
    assert data["config"]["trusted"] is True  # a file the user names is trusted
    trusted = ok(run("config", "trust", str(config), env=env))
    assert str(config) in trusted.stdout and "trusted.json" in trusted.stdout
    assert (tmp_path / "xdg" / "llmswitch" / "trusted.json").is_file()
    gone = ok(run("config", "untrust", str(config), "--json", env=env))
    assert json.loads(gone.stdout)["action"] == "untrust"
    again = ok(run("config", "untrust", str(config), env=env))
    assert "was not allowed" in again.stdout
