//! Names: the people and places of an article, spelled one way throughout. The names themselves
//! are read by [`crate::names`]; house-style name rules (exonyms, titles before names) come from
//! style files, see [`crate::style`].

pub mod variant;

pub(crate) use crate::names::NameWord;

/// Whether a lower-case word is an ordinary word of the article's language.
/// (Asked of every capitalised word, so without the corrections a full verdict would compute.)
pub(crate) fn is_ordinary_word(ctx: &crate::rules::Context<'_>, lower: &str) -> bool {
    ctx.words.is_ordinary(lower)
}
