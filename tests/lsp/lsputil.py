"""Client-side helpers: positions in the negotiated encoding, a document kept in step with
the server, and diagnostics that work whether the server pushes or is pulled."""

from __future__ import annotations

import asyncio
import pathlib

from lsprotocol import types

QUIET = 2.0
TIMEOUT = 20.0


def encoding_of(client) -> str:
    enc = client.init_result.capabilities.position_encoding
    return str(enc.value if hasattr(enc, "value") else enc or "utf-16")


def width(ch: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(ch.encode("utf-8"))
    if encoding == "utf-16":
        return len(ch.encode("utf-16-le")) // 2
    return 1


def line_starts(text: str) -> list[int]:
    """Code-point offsets where lines start; breaks are CRLF, CR or LF, as in LSP."""
    starts = [0]
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\r":
            i += 2 if i + 1 < n and text[i + 1] == "\n" else 1
            starts.append(i)
            continue
        if c == "\n":
            starts.append(i + 1)
        i += 1
    return starts


def line_content_end(text: str, starts: list[int], line: int) -> int:
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    if text[starts[line]:end].endswith("\r\n"):
        return end - 2
    if end > starts[line] and text[end - 1] in "\r\n":
        return end - 1
    return end


def to_index(text: str, pos: types.Position, encoding: str) -> int:
    starts = line_starts(text)
    if pos.line >= len(starts):
        return len(text)
    i, end, units = starts[pos.line], line_content_end(text, starts, pos.line), 0
    while i < end:
        w = width(text[i], encoding)
        if units + w > pos.character:
            break
        units += w
        i += 1
    return i


def to_position(text: str, index: int, encoding: str) -> types.Position:
    starts = line_starts(text)
    line = max(k for k, s in enumerate(starts) if s <= index)
    return types.Position(line=line, character=sum(width(c, encoding) for c in text[starts[line]:index]))


def to_range(text: str, start: int, end: int, encoding: str) -> types.Range:
    return types.Range(start=to_position(text, start, encoding), end=to_position(text, end, encoding))


def pulls(client) -> bool:
    return client.init_result.capabilities.diagnostic_provider is not None


def edits_of(action: types.CodeAction | types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    edit = action.edit if isinstance(action, types.CodeAction) else action
    if edit.document_changes:
        return [e for dc in edit.document_changes for e in dc.edits if dc.text_document.uri == uri]
    return list((edit.changes or {}).get(uri, []))


class Doc:
    """A document open in the server, with the client's copy of its text."""

    def __init__(self, client, path: pathlib.Path, text: str, language_id: str = "markdown"):
        self.client = client
        self.path = path
        self.uri = path.as_uri()
        self.text = text
        self.version = 1
        self.language_id = language_id
        self.encoding = encoding_of(client)

    def open(self) -> "Doc":
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=self.uri, language_id=self.language_id, version=self.version, text=self.text)
            )
        )
        return self

    def change(self, edits: list[tuple[int, int, str]]):
        """Replace code-point ranges of the current text; later edits first, so each change
        event is relative to the text the one before left."""
        events = []
        for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
            events.append(
                types.TextDocumentContentChangePartial(range=to_range(self.text, start, end, self.encoding), text=new)
            )
            self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
                content_changes=events,
            )
        )

    def apply(self, edits: list[types.TextEdit]):
        spans = [(to_index(self.text, e.range.start, self.encoding), to_index(self.text, e.range.end, self.encoding), e.new_text) for e in edits]
        self.change(spans)

    async def diagnostics(self, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics for the current (or given) version, pulled or waited for."""
        version = self.version if version is None else version
        if pulls(self.client):
            report = await self.client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=self.uri))
            )
            return list(report.items)
        loop = asyncio.get_running_loop()
        start = loop.time()
        deadline = start + TIMEOUT
        while loop.time() < deadline:
            for p in reversed(self.client.published):
                if p.uri == self.uri and p.version == version:
                    return list(p.diagnostics)
            # The server sends a list only when it differs from the last one it sent: after a
            # quiet while, the newest list of an earlier version is this version's too.
            if loop.time() - start > QUIET:
                earlier = [p for p in self.client.published if p.uri == self.uri and p.version is not None and p.version < version]
                if earlier:
                    return list(earlier[-1].diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics for {self.uri} version {version}")

    async def code_actions(self, diagnostic: types.Diagnostic | None = None, only: list[str] | None = None):
        rng = diagnostic.range if diagnostic else types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        return await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=self.uri),
                range=rng,
                context=types.CodeActionContext(diagnostics=[diagnostic] if diagnostic else [], only=only),
            )
        ) or []


def codes(diags) -> list[str]:
    return [d.code for d in diags]


async def diagnostics_until(doc, done, tries: int = 200):
    """The document's diagnostics once `done(diags)` holds, or the last ones after `tries` polls."""
    for _ in range(tries):
        diags = await doc.diagnostics()
        if done(diags):
            break
        await asyncio.sleep(0.02)
    return diags
