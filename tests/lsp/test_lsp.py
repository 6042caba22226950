"""`sunting lsp` end to end, under the capabilities of VS Code, Neovim and Emacs."""

from __future__ import annotations

import asyncio
import json
import random

import pytest
from lsprotocol import types
from lsputil import codes, diagnostics_until, edits_of, encoding_of, pulls, to_range

ARTICLE = (
    "# Banjir di Kampung Melayu 😀\n"
    "\n"
    "Warga 東京 berteriak “Berhenti !!” lalu pergi.\r\n"
    "Polisi datang pukul 14.30 WIB ke lokasi.\n"
)


def expected_range(text: str, needle: str, length: int, encoding: str, offset: int = 0) -> types.Range:
    start = text.index(needle) + offset
    return to_range(text, start, start + length, encoding)


async def test_open_article_reports_codes_and_ranges(client, doc_factory):
    doc = doc_factory("berita.md", ARTICLE).open()
    diags = await doc.diagnostics()
    assert codes(diags) == ["typography/space-before-punctuation", "typography/doubled-punctuation"]
    enc = encoding_of(client)
    assert enc == ("utf-16" if client.client_name == "visual-studio-code" else "utf-8")
    space, doubled = diags
    assert space.range == expected_range(ARTICLE, " !!", 1, enc)
    assert doubled.range == expected_range(ARTICLE, "!!", 2, enc)
    assert space.source == "sunting"
    assert space.code_description.href.endswith("#typography-space-before-punctuation")
    assert space.data["fixes"][0]["safe"] is True


async def test_quick_fix_round_trip(client, doc_factory):
    doc = doc_factory("berita.md", ARTICLE).open()
    diags = await doc.diagnostics()
    space = next(d for d in diags if d.code == "typography/space-before-punctuation")
    actions = await doc.code_actions(space)
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1 and preferred[0].kind == types.CodeActionKind.QuickFix
    titles = [a.title for a in actions]
    assert sum(t.startswith("Ignore typography/space-before-punctuation here") for t in titles) == 1
    doc.apply(edits_of(preferred[0], doc.uri))
    assert "“Berhenti!!”" in doc.text
    diags = await doc.diagnostics()
    assert codes(diags) == ["typography/doubled-punctuation"]
    # And the other one, the same way.
    actions = await doc.code_actions(diags[0])
    doc.apply(edits_of(next(a for a in actions if a.is_preferred), doc.uri))
    assert "“Berhenti!”" in doc.text
    assert await doc.diagnostics() == []


async def test_fix_all_source_action(client, doc_factory):
    doc = doc_factory("berita.md", ARTICLE + "Lagi ,, dan lagi !!\n").open()
    assert len(await doc.diagnostics()) == 6
    actions = await doc.code_actions(only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == ["source.fixAll.sunting"]
    doc.apply(edits_of(actions[0], doc.uri))
    assert "Lagi, dan lagi!" in doc.text and "“Berhenti!”" in doc.text
    assert await doc.diagnostics() == []


async def test_ignore_here_writes_the_ignore_file_not_the_article(client, doc_factory):
    # Issue 17, item 5: the copy stays as it is (a comment would split a wrapped paragraph or
    # end a table); the project's .sunting/ignore gets the rule, the text and its sentence.
    doc = doc_factory("berita.md", ARTICLE).open()
    before = doc.text
    diags = await doc.diagnostics()
    doubled = next(d for d in diags if d.code == "typography/doubled-punctuation")
    actions = await doc.code_actions(doubled)
    ignore = next(a for a in actions if a.title.startswith("Ignore"))
    assert ignore.edit is None and ignore.command.command == "sunting.ignore"
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=ignore.command.command, arguments=ignore.command.arguments)
    )
    assert result["added"] == 1
    assert doc.text == before
    lines = [json.loads(l) for l in (client.workspace / ".sunting" / "ignore").read_text().splitlines() if l.startswith("{")]
    assert len(lines) == 1 and lines[0]["rule"] == "typography/doubled-punctuation" and lines[0]["text"] == "!!"
    assert "Berhenti !!" in lines[0]["sentence"] and "Polisi" not in lines[0]["sentence"]
    diags = await diagnostics_until(doc, lambda diags: codes(diags) == ["typography/space-before-punctuation"])
    assert codes(diags) == ["typography/space-before-punctuation"]


async def test_hover_explains_the_rule(client, doc_factory):
    doc = doc_factory("berita.md", ARTICLE).open()
    diags = await doc.diagnostics()
    doubled = next(d for d in diags if d.code == "typography/doubled-punctuation")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=doc.uri), position=doubled.range.start)
    )
    assert hover is not None
    assert "typography/doubled-punctuation" in hover.contents.value
    assert "Example" in hover.contents.value and "✓" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=doc.uri), position=types.Position(line=3, character=2))
    )
    assert nothing is None


async def test_random_incremental_edits_match_a_fresh_open(client, doc_factory):
    rng = random.Random(20261126)
    doc = doc_factory("berita.md", ARTICLE).open()
    await doc.diagnostics()
    pieces = ["kata ", "😀", "🇮🇩 ", "東京", "\r\n", "\n", " !!", " ,", "yang yang ", "e\u0301", "14.30 ", "“", "”", ""]
    for _ in range(150):
        n = len(doc.text)
        a = rng.randint(0, n)
        b = min(n, a + rng.choice([0, 0, 1, 2, 5]))
        # Never split a CRLF, as no editor would.
        if 0 < a < n and doc.text[a - 1] == "\r" and doc.text[a] == "\n":
            continue
        if 0 < b < n and doc.text[b - 1] == "\r" and doc.text[b] == "\n":
            continue
        doc.change([(a, b, rng.choice(pieces))])
        if rng.random() < 0.1:
            await asyncio.sleep(0.005)
    final = await doc.diagnostics()
    fresh = doc_factory("fresh.md", doc.text).open()
    again = await fresh.diagnostics()

    def key(ds):
        return [(d.code, d.range, d.message) for d in ds]

    assert key(final) == key(again)
    if not pulls(client):
        # Never a publication for a version older than one already published.
        versions = [p.version for p in client.published if p.uri == doc.uri]
        assert versions == sorted(versions)


async def test_configuration_change_rechecks(client, doc_factory):
    doc = doc_factory("berita.md", ARTICLE).open()
    assert len(await doc.diagnostics()) == 2
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"sunting": {"enabledCategories": ["typography"], "debounceMs": 0, "severity": {"typography/doubled-punctuation": "off"}}}
        )
    )
    diags = await diagnostics_until(doc, lambda diags: codes(diags) == ["typography/space-before-punctuation"])
    assert codes(diags) == ["typography/space-before-punctuation"]


async def test_config_file_change_rechecks(client, doc_factory):
    doc = doc_factory("berita.md", ARTICLE).open()
    assert len(await doc.diagnostics()) == 2
    (client.workspace / "sunting.toml").write_text('[severity]\ntypography = "error"\n')
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(client.workspace / "sunting.toml").as_uri(), type=types.FileChangeType.Created)]
        )
    )
    diags = await diagnostics_until(doc, lambda diags: diags and all(d.severity == types.DiagnosticSeverity.Error for d in diags))
    assert [d.severity for d in diags] == [types.DiagnosticSeverity.Error] * 2


@pytest.mark.options({"enabledCategories": ["spelling"], "debounceMs": 0, "language": "id"})
async def test_add_to_dictionary(client, doc_factory):
    doc = doc_factory("berita.md", "Juru bicara pemerinatah mengatakan bantuan akan datang besok.\n").open()
    diags = await doc.diagnostics()
    typo = next(d for d in diags if d.code == "spelling/misspelled")
    actions = await doc.code_actions(typo)
    add = next(a for a in actions if a.title == "Add 'pemerinatah' to dictionary")
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    assert (client.workspace / ".sunting" / "kamus.txt").read_text() == "pemerinatah\n"
    diags = await diagnostics_until(doc, lambda diags: "spelling/misspelled" not in codes(diags))
    assert "spelling/misspelled" not in codes(diags)


async def test_unknown_language_and_unopened_documents(client, doc_factory):
    doc = doc_factory("main.rs", "fn main() { let x = 1 ; } !!", language_id="rust").open()
    assert await doc.diagnostics() == []
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri="file:///nowhere.md"), position=types.Position(line=0, character=0))
    )
    assert hover is None
    # Past the end of a document: clamped, not an error.
    text_doc = doc_factory("berita.md", ARTICLE).open()
    await text_doc.diagnostics()
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=text_doc.uri), position=types.Position(line=999, character=999))
    )
    assert hover is None


async def test_malformed_message_gets_an_error_and_the_server_goes_on(client, doc_factory):
    body = b"{this is not JSON"
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    await client._server.stdin.drain()
    doc = doc_factory("berita.md", ARTICLE).open()
    assert len(await doc.diagnostics()) == 2
