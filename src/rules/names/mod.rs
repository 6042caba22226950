//! Names: the people and places of an article, spelled one way throughout. House-style name
//! rules (exonyms, titles before names) come from style files, see [`crate::style`].

use crate::diagnostic::Span;
use crate::document::TokenKind;
use crate::prose::BlockKind;
use crate::rules::Context;
use crate::words::WordCase;

pub mod variant;

/// A capitalised word that stands in a name: `Pasir` and `Talang` in *Kabupaten Pasir Talang*.
#[derive(Debug, Clone)]
pub(crate) struct NameWord<'d> {
    /// The token's index in the document.
    pub token: usize,
    /// The word without an English possessive (`Zelensky` of `Zelensky's`).
    pub span: Span,
    pub form: &'d str,
    /// Its lower-case form is an ordinary word of the article's language (`Pasir`, `Kota`).
    pub is_word: bool,
    /// The index of its run of adjacent name words, and its place in that run.
    pub run: usize,
    pub place: usize,
}

/// Whether a lower-case word is an ordinary word of the article's language.
/// (Asked of every capitalised word, so without the corrections a full verdict would compute.)
pub(crate) fn is_ordinary_word(ctx: &Context<'_>, lower: &str) -> bool {
    ctx.words.is_ordinary(lower)
}

/// `Zelensky's` -> `Zelensky`; the possessive of an English name is not part of its spelling.
fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// The name words of the article, in order, grouped into runs of adjacent capitalised words.
/// A capitalised word that opens a sentence, or stands in a headline, is a name only when it is
/// not an ordinary word; elsewhere a capital marks a name part even on an ordinary word.
pub(crate) fn name_words<'d>(ctx: &Context<'d>) -> Vec<NameWord<'d>> {
    let doc = ctx.doc;
    let mut out: Vec<NameWord<'d>> = Vec::new();
    let mut run = 0;
    // A name is mentioned again and again: ask about each spelling once.
    let mut ordinary: crate::lexicon::WordMap<&str, bool> = Default::default();
    for occurrence in ctx.occurrences() {
        if !matches!(occurrence.case, WordCase::Capitalised | WordCase::Initial) {
            continue;
        }
        let stem = strip_possessive(occurrence.text());
        if !stem.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            || !stem.chars().next().is_some_and(char::is_uppercase)
            || !stem.chars().skip(1).any(char::is_lowercase)
        {
            continue;
        }
        let is_word = *ordinary.entry(stem).or_insert_with(|| is_ordinary_word(ctx, &stem.to_lowercase()));
        if is_word && (occurrence.case == WordCase::Initial || matches!(doc.block_kind_of_token(occurrence.token()), Some(BlockKind::Title | BlockKind::Heading))) {
            continue;
        }
        let adjacent = out.last().is_some_and(|prev| {
            let token = &doc.tokens[occurrence.token()];
            prev.token + 1 == occurrence.token()
                && token.space_before
                && !token.line_break_before
                && doc.tokens[prev.token].kind == TokenKind::Word
                && doc.str(Span::new(doc.tokens[prev.token].span.end, token.span.start)).chars().all(|c| c == ' ')
                && prev.form.len() == doc.token_str(&doc.tokens[prev.token]).len()
        });
        let place = if adjacent {
            out.last().map_or(0, |p| p.place + 1)
        } else {
            run += 1;
            0
        };
        let start = doc.tokens[occurrence.token()].span.start;
        out.push(NameWord { token: occurrence.token(), span: Span::new(start, start + stem.len()), form: stem, is_word, run, place });
    }
    out
}
