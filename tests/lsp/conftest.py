"""End-to-end tests of `sunting lsp` with pytest-lsp, using the client capability sets
pytest-lsp ships for VS Code, Neovim and Emacs.

The binary is $SUNTING_BIN (default: target/debug/sunting at the repository root).
"""

from __future__ import annotations

import asyncio
import os
import pathlib
import sys
import typing

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from lsputil import Doc  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("SUNTING_BIN", str(ROOT / "target" / "debug" / "sunting"))
CLIENTS = ["visual-studio-code", "neovim", "emacs"]
DEFAULT_OPTIONS = {"enabledCategories": ["typography"], "debounceMs": 0}


def record_publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def apply_edit(client: LanguageClient, params: types.ApplyWorkspaceEditParams):
    client.applied_edits.append(params.edit)
    return types.ApplyWorkspaceEditResult(applied=True)


def register_capability(client: LanguageClient, params: types.RegistrationParams):
    client.registrations.extend(params.registrations)


def converter():
    """pygls's converter, with one correction: lsprotocol takes any object with a `command`
    key for a `Command`, so a `CodeAction` that runs a command (our "Add to dictionary")
    would come back mangled. A `Command`'s `command` is a string; a `CodeAction`'s is an
    object. (VS Code's client tells them apart the same way.)"""
    conv = default_converter()

    def code_action_or_command(obj, _type):
        if isinstance(obj.get("command"), str):
            return conv.structure(obj, types.Command)
        return conv.structure(obj, types.CodeAction)

    conv.register_structure_hook(typing.Union[types.Command, types.CodeAction], code_action_or_command)
    return conv


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record_publish
    features[types.WORKSPACE_APPLY_EDIT] = apply_edit
    features[types.CLIENT_REGISTER_CAPABILITY] = register_capability
    register_lsp_features(client, features)
    client.published = []
    client.applied_edits = []
    client.registrations = []
    return client


def options_for(request) -> dict:
    marker = request.node.get_closest_marker("options")
    return marker.args[0] if marker else DEFAULT_OPTIONS


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BIN, "lsp"], client_factory=make_client, server_env={**os.environ, "SUNTING_LOG": "warn"}),
    params=CLIENTS,
)
async def client(lsp_client: LanguageClient, request, tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")],
        initialization_options=options_for(request),
    )
    lsp_client.init_result = await lsp_client.initialize_session(params)
    lsp_client.workspace = workspace
    lsp_client.client_name = request.param
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def doc_factory(client):
    def make(name: str, text: str, language_id: str = "markdown") -> Doc:
        return Doc(client, client.workspace / name, text, language_id)

    return make


def pytest_configure(config):
    config.addinivalue_line("markers", "options(dict): initializationOptions for the server")
