"""The scanner on a corpus of OpenAI-using code (tests/fixtures/scan_corpus)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from llmswitch.plan import scan
from llmswitch.plan.scan import Finding, ScanResult
from llmswitch.providers import PROVIDERS
from llmswitch.providers._matrix import param_matrix

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "scan_corpus"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus, with the deliberately broken ``*.py.txt`` files renamed to ``*.py``."""
    root = tmp_path_factory.mktemp("corpus") / "scan_corpus"
    shutil.copytree(CORPUS, root)
    for file in root.rglob("*.py.txt"):
        file.rename(file.with_suffix(""))
    return root


@pytest.fixture(scope="module")
def result(corpus: Path) -> ScanResult:
    return scan(corpus)


def _declared(provider: str):  # type: ignore[no-untyped-def]
    """The adapter's own PARAMS, by the matrix column of the provider's adapter type."""
    kind = PROVIDERS[provider].type
    kind = "openai" if kind == "openai-compatible" else kind
    matrix = param_matrix()
    return next(v for k, v in matrix.items() if k == kind or k.startswith(kind + " ("))


def _find(result: ScanResult, file: str, kind: str, name: str) -> list[Finding]:
    return [
        f for f in result.findings if f.file == f"app/{file}" and f.kind == kind and f.name == name
    ]


def _calls(result: ScanResult, file: str) -> dict[int, str]:
    return {
        f.line: f.endpoint for f in result.findings if f.file == f"app/{file}" and f.kind == "call"
    }


def test_imports_and_aliased_client_construction(result: ScanResult) -> None:
    assert _find(result, "aliased.py", "import", "openai.OpenAI")[0].detail == "as OAI"
    clients = {
        f.line: f.name for f in result.findings if f.file == "app/aliased.py" and f.kind == "client"
    }
    assert clients == {
        8: "openai.OpenAI",  # OAI()
        9: "openai.AsyncOpenAI",
        10: "openai.AzureOpenAI",  # Azure(...)
        11: "openai.OpenAI",  # oa.OpenAI(...)
    }
    azure = _find(result, "aliased.py", "client", "openai.AzureOpenAI")[0]
    assert azure.detail == "azure_endpoint, api_version"
    assert "Azure deployment" in azure.verdicts["qwen"].why
    v1 = _find(result, "v1_client.py", "client", "openai.OpenAI")[0]
    assert v1.detail == "api_key, base_url" and v1.line == 7


def test_every_endpoint_is_recognised(result: ScanResult) -> None:
    assert _calls(result, "v1_client.py") == {
        14: "chat.completions.create",
        28: "completions.create",
        32: "embeddings.create",
        36: "responses",
        37: "beta.assistants",
        38: "images",
        39: "audio",
        43: "chat.completions.create",
    }
    assert _calls(result, "aliased.py") == {15: "chat.completions.create"}  # awaited, async


def test_endpoints_llmswitch_lacks_are_blockers_everywhere(result: ScanResult) -> None:
    offered = ("chat.completions.create", "embeddings.create", "responses")
    for f in result.findings:
        if f.kind == "call" and f.endpoint not in offered:
            assert set(f.blockers) == set(result.providers), f
    chat = _find(result, "v1_client.py", "call", "client.chat.completions.create")[0]
    assert chat.blockers == []


def test_responses_is_native_on_openai_and_translated_elsewhere(result: ScanResult) -> None:
    # issue 20: client.responses serves every provider (verdicts from llmswitch._responses)
    call = next(f for f in result.findings if f.kind == "call" and f.endpoint == "responses")
    assert call.blockers == []
    for provider, verdict in call.verdicts.items():
        expected = "works" if provider == "openai" else "mapped"
        assert verdict.level == expected, (provider, verdict)


def test_v0_module_calls(result: ScanResult) -> None:
    assert _calls(result, "v0_legacy.py") == {
        12: "chat.completions.create",
        18: "completions.create",
        22: "embeddings.create",
    }
    v0 = _find(result, "v0_legacy.py", "call", "openai.ChatCompletion.create")[0]
    assert v0.detail == "v0" and v0.verdicts["qwen"].level == "mapped"
    functions = _find(result, "v0_legacy.py", "param", "functions")[0]
    from llmswitch.plan._verdicts import _accepted

    if "functions" not in _accepted("chat"):  # not a parameter of llmswitch's create
        assert functions.blockers == list(result.providers)
    else:  # llmswitch takes it: each adapter's declaration decides
        assert {v.level for v in functions.verdicts.values()} <= {"works", "mapped", "blocker"}


def test_client_made_in_one_function_used_in_another(result: ScanResult) -> None:
    # service.py never imports openai; make_client() in factory.py returns a client
    assert _calls(result, "service.py") == {
        8: "embeddings.create",
        13: "images",
        21: "chat.completions.create",
    }


def test_lookalike_calls_without_openai_are_ignored(result: ScanResult) -> None:
    assert [f for f in result.findings if f.file == "app/unrelated.py"] == []


def test_params_verdicts_come_from_adapter_declarations(result: ScanResult) -> None:
    params = {
        f.name: f for f in result.findings if f.file == "app/v1_client.py" and f.kind == "param"
    }
    assert {"tools", "tool_choice", "response_format", "logprobs", "n", "seed", "stream"} <= set(
        params
    )
    for provider in result.providers:
        declared = _declared(provider)
        for name in ("tools", "response_format", "logprobs", "n", "seed"):
            expected = {"native": "works", "mapped": "mapped", "unsupported": "blocker"}[
                declared[name].level
            ]
            assert params[name].verdicts[provider].level == expected, (provider, name)
    assert result.features() == ("tools", "json_mode", "streaming")


def test_models_and_env_vars(result: ScanResult) -> None:
    assert {"gpt-4o", "gpt-4o-mini", "text-embedding-3-small", "gpt-4-turbo", "o3-mini"} <= set(
        result.models
    )
    assert _find(result, "v1_client.py", "model", "dall-e-3")[0].blockers == list(result.providers)
    emb = _find(result, "v1_client.py", "model", "text-embedding-3-small")[0]
    assert emb.verdicts["qwen"].level == "mapped"
    assert emb.verdicts["deepseek"].level == "blocker"  # no DeepSeek embedding model
    env = {f.name for f in result.findings if f.kind == "env"}
    assert env == {"OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID"}
    key = _find(result, "v1_client.py", "env", "OPENAI_API_KEY")[0]
    assert "DASHSCOPE_API_KEY" in key.verdicts["qwen"].why


def test_dotenv_secret_is_never_copied(result: ScanResult) -> None:
    env = _find(result, ".env", "env", "OPENAI_API_KEY")[0]
    assert env.snippet == "OPENAI_API_KEY=***"
    assert "sk-do-not-copy" not in str(result.to_dict())


def test_langchain(result: ScanResult) -> None:
    chat = _find(result, "lc_chain.py", "langchain", "langchain_openai.ChatOpenAI")[0]
    assert chat.detail == "model, temperature"
    assert "dashscope.aliyuncs.com/compatible-mode" in chat.verdicts["qwen"].why
    assert _find(result, "lc_chain.py", "model", "gpt-4o-mini")


def test_syntax_errors_and_undecodable_files_are_reported(result: ScanResult) -> None:
    errors = {e.file: e for e in result.errors}
    assert set(errors) == {"app/broken_syntax.py", "app/bad_bytes.py"}
    assert errors["app/broken_syntax.py"].line == 4
    assert "decode" in errors["app/bad_bytes.py"].message
    # a latin-1 file with a coding cookie parses
    assert _calls(result, "latin1_cookie.py") == {4: "chat.completions.create"}


def test_missing_adapter_is_reported_not_raised(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import llmswitch.plan._verdicts as verdicts

    real = verdicts.param_matrix

    def fake():  # type: ignore[no-untyped-def]
        return {k: v for k, v in real().items() if k != "sensenova"}

    monkeypatch.setattr(verdicts, "param_matrix", fake)
    res = scan(corpus / "app" / "v1_client.py", providers=["qwen", "sensenova"])
    assert "not available" in res.unavailable["sensenova"]
    chat = next(f for f in res.findings if f.kind == "call")
    assert chat.verdicts["sensenova"].level == "blocker"
    assert chat.verdicts["sensenova"].why.startswith("adapter not available")
    assert chat.verdicts["qwen"].level == "works"


def test_progress_and_missing_path(corpus: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    scan(corpus, progress=lambda done, total, _file: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(FileNotFoundError):
        scan(tmp_path / "nope")


def test_tables(result: ScanResult) -> None:
    pytest.importorskip("pandas")
    assert len(result.to_pandas()) == len(result.findings)
    assert "<table>" in result._repr_html_()
    assert result.to_dict()["errors"][0]["file"].startswith("app/")


def test_notebooks_are_scanned_cell_by_cell() -> None:
    notebooks = Path(__file__).resolve().parent.parent / "fixtures" / "scan_notebooks"
    result = scan(notebooks, providers=["glm"])
    found = {(f.file, f.line, f.kind, f.name) for f in result.findings}
    # the client made in cell 2 is recognised where cell 3 uses it; magics do not break parsing
    assert ("explore.ipynb#cell2", 3, "client", "openai.OpenAI") in found
    assert ("explore.ipynb#cell3", 2, "call", "client.chat.completions.create") in found
    assert ("explore.ipynb#cell3", 3, "model", "gpt-4o-mini") in found
    logprobs = next(f for f in result.findings if f.name == "logprobs")
    assert logprobs.verdicts["glm"].level == "blocker"
    assert [(e.file, e.message.split(":")[0]) for e in result.errors] == [
        ("broken.ipynb", "cannot be decoded")
    ]
