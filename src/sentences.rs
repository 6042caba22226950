//! The sentence model: where a sentence may end and where one begins, read once per document for
//! every rule that asks about sentence form (capitals, lost full stops, quotations).
//!
//! It knows the abbreviations of both languages (titles and ranks before a name, whose full stop
//! never ends a sentence: *Dr.*, *Prof.*, *Jl.*, *No.*; and those whose full stop may also close a
//! sentence: *dll.*, *dsb.*, *etc.*, *a.m.*, *p.m.*, *U.S.*), initials (*J. Smith*), names and
//! their capitalised parts (a run of capitalised words, *Her Majesty*, *Sumbawa Barat*, with
//! their particles *bin*, *van*, *of*), the closing quotation marks that a sentence may run on
//! after (`“Kami siap,” kata dia`), and numbers with points (*Bluetooth 4.2*, *Rp 1.500*), which
//! are one token each and never end a sentence. Everything it says about a token depends only on
//! the token's block, so paragraph-scoped rules may read it.

use crate::document::{Document, TokenKind};
use crate::prose::BlockKind;


/// Abbreviations whose full stop may also close a sentence: after them a capital may or may not
/// open a new one, and a lower-case word simply continues.
const CLOSING_ABBREVIATIONS: &[&str] = &[
    "dll", "dsb", "dst", "dkk", "tsb", "sda", "etc", "al", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
    "d.c", "a.n", "s.d", "u.p", "ybs", "ttd", "approx", "esp",
];

/// Particles that join the capitalised parts of a name: `Abdullah bin Said`, `Vincent van
/// Gogh`, `Bank of Japan`, `Duke of Edinburgh`.
const NAME_PARTICLES: &[&str] = &[
    "bin", "binti", "van", "von", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le",
    "al", "el", "of", "the", "and", "for", "dan", "y", "ibn", "bte", "bt",
];

/// Whether a word (lower case, without its final full stop) is an abbreviation whose full stop
/// never ends a sentence.
pub fn is_title_abbreviation(lower: &str) -> bool {
    crate::document::is_title_abbreviation(lower)
}

/// Whether a word (lower case, without its final full stop) is an abbreviation of either kind.
pub fn is_abbreviation(lower: &str) -> bool {
    is_title_abbreviation(lower) || CLOSING_ABBREVIATIONS.contains(&lower)
}

const WEEKDAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Whether a lower-case word names a day or a month in either language: proper nouns, however
/// ordinary their lower case (`jumat`, `may`, `march`).
pub fn is_calendar_word(lower: &str) -> bool {
    WEEKDAYS.contains(&lower) || crate::numbers::ID_MONTHS.contains(&lower) || crate::numbers::EN_MONTHS.contains(&lower)
}

/// Whether a lower-case word joins the parts of a name.
pub fn is_name_particle(lower: &str) -> bool {
    NAME_PARTICLES.contains(&lower)
}

const START: u8 = 1;
const AFTER_STOP: u8 = 2;
const NAME: u8 = 4;
const AFTER_QUOTE_CONTINUING: u8 = 8;
const AFTER_QUOTE_ENDED: u8 = 16;
const ABBREVIATION: u8 = 32;

/// What the model says about each token of the document, one byte a token.
#[derive(Debug, Default)]
pub struct SentenceModel {
    flags: Vec<u8>,
}

/// First letter upper case and not an all-capitals acronym: `Warga`, `McDonald`, not `PBB`.
pub fn is_capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    match letters.next() {
        Some(first) if first.is_uppercase() => letters.clone().next().is_some() && letters.any(char::is_lowercase),
        _ => false,
    }
}

/// Starts with an upper-case letter (capitalised words and acronyms alike).
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Opening quotation marks and brackets, which a sentence may start with.
fn is_opening(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "(" | "«" | "„" | "[" | "‚")
}

/// Closing quotation marks, and the straight ones that close when they hug the word before.
fn is_closing_quote(s: &str, space_before: bool) -> bool {
    matches!(s, "”" | "»" | "’") || (matches!(s, "\"" | "'") && !space_before)
}

impl SentenceModel {
    pub fn new(doc: &Document) -> Self {
        let mut flags = vec![0u8; doc.tokens.len()];
        for (b, range) in doc.block_tokens.iter().enumerate() {
            let tokens = &doc.tokens[range.clone()];
            let base = range.start;
            let flag = |flags: &mut Vec<u8>, k: usize, f: u8| flags[base + k] |= f;
            // Abbreviations: a dotted word (`a.m.`, `U.S.`), or a listed word with its full stop.
            for k in 0..tokens.len() {
                if tokens[k].kind != TokenKind::Word {
                    continue;
                }
                let lower = doc.token_lower(base + k);
                let dotted = lower.ends_with('.') && lower.len() > 1;
                let listed = tokens.get(k + 1).is_some_and(|n| !n.space_before && doc.token_str(n) == ".") && is_abbreviation(lower);
                if dotted || listed {
                    flag(&mut flags, k, ABBREVIATION);
                }
            }
            // The first word of the block, past opening quotes and brackets, starts a sentence.
            let opening = |k: usize| tokens[k].kind == TokenKind::Punct && is_opening(doc.token_str(&tokens[k]));
            if let Some(k) = (0..tokens.len()).find(|&k| !opening(k)).filter(|&k| tokens[k].kind != TokenKind::Punct) {
                flag(&mut flags, k, START);
            }
            // Sentence ends inside the block.
            for k in 0..tokens.len() {
                let t = &tokens[k];
                let s = doc.token_str(t);
                if t.kind != TokenKind::Punct || !matches!(s, "." | "!" | "?") {
                    continue;
                }
                // An ellipsis (`...`, or a dot among dots) leaves open whether the sentence ended.
                let dot_before = k > 0 && !t.space_before && doc.token_str(&tokens[k - 1]) == ".";
                let dot_after = tokens.get(k + 1).is_some_and(|n| !n.space_before && doc.token_str(n) == ".");
                if s == "." && (dot_before || dot_after) {
                    continue;
                }
                if s == "." && k > 0 && !t.space_before && self_closing_abbreviation(doc, base + k - 1, &tokens[k - 1]) {
                    continue;
                }
                // Closing quotes and brackets that hug the mark belong to this sentence.
                let mut last = k;
                let mut quote_closed = false;
                while let Some(n) = tokens.get(last + 1) {
                    let ns = doc.token_str(n);
                    if n.kind == TokenKind::Punct && !n.space_before && (is_closing_quote(ns, false) || matches!(ns, ")" | "]")) {
                        quote_closed |= is_closing_quote(ns, false);
                        last += 1;
                    } else {
                        break;
                    }
                }
                let Some(next) = tokens.get(last + 1) else { continue };
                if !next.space_before {
                    continue;
                }
                // Past opening quotes and brackets.
                let Some(word) = (last + 1..tokens.len()).find(|&j| !opening(j)).filter(|&j| tokens[j].kind != TokenKind::Punct) else { continue };
                let word_str = doc.token_str(&tokens[word]);
                if s == "." {
                    flag(&mut flags, word, AFTER_STOP);
                    if starts_upper(word_str) || tokens[word].kind == TokenKind::Number {
                        flag(&mut flags, word, START);
                    }
                } else if starts_upper(word_str) {
                    // After `!` or `?` a capital opens a sentence; a lower-case word continues it
                    // (`“Berhenti!” teriak polisi`, `Siapa? tanya dia`).
                    flag(&mut flags, word, START);
                }
                if quote_closed {
                    flag(&mut flags, word, AFTER_QUOTE_ENDED);
                }
            }
            // A quotation closed by a comma runs on: `“Kami siap,” kata dia`.
            for k in 1..tokens.len() {
                let (mark, quote) = (&tokens[k - 1], &tokens[k]);
                if quote.kind == TokenKind::Punct && !quote.space_before && is_closing_quote(doc.token_str(quote), false)
                    && mark.kind == TokenKind::Punct && doc.token_str(mark) == ","
                    && let Some(word) = tokens.get(k + 1).filter(|n| n.space_before && n.kind == TokenKind::Word)
                {
                    let _ = word;
                    flag(&mut flags, k + 1, AFTER_QUOTE_CONTINUING);
                }
            }
            // Names: runs of capitalised words (acronyms and particles between them included),
            // only white space between. A heading in title case is one long run.
            let is_cap = |k: usize| tokens.get(k).is_some_and(|t| matches!(t.kind, TokenKind::Word) && starts_upper(doc.token_str(t)));
            let particle = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && is_name_particle(doc.token_lower(base + k)));
            let joined = |a: usize, b: usize| tokens.get(b).is_some_and(|t| t.space_before && !t.line_break_before) && a < b;
            for k in 0..tokens.len() {
                if !is_cap(k) {
                    continue;
                }
                let right = joined(k, k + 1) && (is_cap(k + 1) || particle(k + 1) && joined(k + 1, k + 2) && is_cap(k + 2));
                let left = k >= 1 && joined(k - 1, k) && (is_cap(k - 1) || k >= 2 && particle(k - 1) && joined(k - 2, k - 1) && is_cap(k - 2));
                if right || left {
                    flag(&mut flags, k, NAME);
                }
            }
            let _ = b;
        }
        SentenceModel { flags }
    }

    fn has(&self, token: usize, f: u8) -> bool {
        self.flags.get(token).is_some_and(|x| x & f != 0)
    }

    /// Token `token` (a document index) opens a sentence: the first word of its block, or a
    /// capital (or a number) after a full stop, question or exclamation mark that ends one.
    pub fn starts_sentence(&self, token: usize) -> bool {
        self.has(token, START)
    }

    /// Token `token` follows a full stop that ends a sentence (not an abbreviation's, an
    /// initial's or part of an ellipsis), whatever its own case.
    pub fn after_full_stop(&self, token: usize) -> bool {
        self.has(token, AFTER_STOP)
    }

    /// Token `token` is a capitalised part of a name or title: next to another capitalised word
    /// (`Her Majesty`, `Volodymyr Zelensky`, `Sumbawa Barat`), or joined to one by a particle.
    pub fn in_name(&self, token: usize) -> bool {
        self.has(token, NAME)
    }

    /// Token `token` follows a quotation closed by a comma, so the sentence runs on after it.
    pub fn after_continuing_quotation(&self, token: usize) -> bool {
        self.has(token, AFTER_QUOTE_CONTINUING)
    }

    /// Token `token` follows a quotation that closed its sentence (`“Berhenti!” Polisi ...`).
    pub fn after_closed_quotation(&self, token: usize) -> bool {
        self.has(token, AFTER_QUOTE_ENDED)
    }

    /// Token `token` is an abbreviation: dotted (`a.m.`, `U.S.`) or listed with its full stop.
    pub fn is_abbreviation(&self, token: usize) -> bool {
        self.has(token, ABBREVIATION)
    }

    /// Whether the block a token belongs to is running text, where sentence form is checked.
    pub fn in_running_text(doc: &Document, token: usize) -> bool {
        doc.block_kind_of_token(token).is_some_and(BlockKind::is_running_text)
    }
}

/// How an article writes each word: capitalised inside a sentence, capitalised anywhere, in lower
/// case. A word written capitalised inside a sentence elsewhere, or capitalised and never in lower
/// case, is a name in this article however ordinary its lower case (`Budi`, `Garuda`, `Congress`).
/// Article-wide: rules that read it are article-scoped.
#[derive(Debug, Default)]
pub struct Capitals<'d> {
    counts: std::collections::HashMap<&'d str, [u32; 3]>,
}

impl<'d> Capitals<'d> {
    pub fn new(doc: &'d Document<'d>, model: &SentenceModel) -> Self {
        let mut counts: std::collections::HashMap<&str, [u32; 3]> = std::collections::HashMap::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let s = doc.token_str(t);
            let c = counts.entry(doc.token_lower(i)).or_insert([0; 3]);
            if is_capitalised(s) {
                c[1] += 1;
                if !model.starts_sentence(i) && !model.after_full_stop(i) {
                    c[0] += 1;
                }
            } else if s.chars().next().is_some_and(char::is_lowercase) {
                c[2] += 1;
            }
        }
        Capitals { counts }
    }

    /// Whether the article treats the word as a name, besides the one place being judged.
    pub fn is_name(&self, lower: &str) -> bool {
        self.counts.get(lower).is_some_and(|&[inside, capital, small]| inside > 1 || capital > 1 && small == 0)
    }

    /// Whether the article also writes the word in lower case.
    pub fn written_lower(&self, lower: &str) -> bool {
        self.counts.get(lower).is_some_and(|c| c[2] > 0)
    }
}

/// Whether the word before a full stop makes the stop part of it: a title abbreviation
/// (`Dr.`, `Jl.`), an initial (`J.`), or a word with inner dots.
fn self_closing_abbreviation(doc: &Document, index: usize, word: &crate::document::Token) -> bool {
    if word.kind != TokenKind::Word {
        return false;
    }
    let s = doc.token_str(word);
    let lower = doc.token_lower(index);
    (s.chars().count() == 1 && s.chars().all(char::is_uppercase)) || s.contains('.') || is_abbreviation(lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LanguageChoice;
    use crate::language::Language;
    use crate::prose::DocFormat;

    fn model(text: &str) -> (Document<'_>, SentenceModel) {
        let doc = Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(Language::Id), ..Default::default() });
        let m = SentenceModel::new(&doc);
        (doc, m)
    }

    fn marked(text: &str, f: impl Fn(&SentenceModel, usize) -> bool) -> Vec<String> {
        let (doc, m) = model(text);
        (0..doc.tokens.len()).filter(|&i| f(&m, i)).map(|i| doc.token_str(&doc.tokens[i]).to_string()).collect()
    }

    #[test]
    fn sentence_starts() {
        let text = "Dr. Budi datang pukul 9 a.m. lalu pergi. polisi berjaga, dll. dan J. Smith hadir. “Berhenti!” teriak warga. Siapa? Dia.";
        assert_eq!(marked(text, SentenceModel::starts_sentence), ["Dr", "Berhenti", "Siapa", "Dia"]);
        assert_eq!(marked(text, SentenceModel::after_full_stop), ["polisi", "Berhenti", "Siapa"]);
    }

    #[test]
    fn names_and_their_parts() {
        let text = "Dia bertemu Her Majesty the Queen, lalu Abdullah bin Said dan kapolres Sumbawa Barat AKBP Hendra. Warga pulang.";
        assert_eq!(marked(text, SentenceModel::in_name), ["Her", "Majesty", "Queen", "Abdullah", "Said", "Sumbawa", "Barat", "AKBP", "Hendra"]);
    }

    #[test]
    fn quotations_and_abbreviations() {
        let text = "“Kami siap,” Kata dia. “Lari!” Polisi datang pukul 10 p.m. dan U.S. hadir, No. 5.";
        assert_eq!(marked(text, SentenceModel::after_continuing_quotation), ["Kata"]);
        assert_eq!(marked(text, SentenceModel::after_closed_quotation), ["Polisi"]);
        assert_eq!(marked(text, SentenceModel::is_abbreviation), ["p.m.", "U.S.", "No"]);
    }

    #[test]
    fn only_opening_marks_are_passed_over() {
        assert_eq!(marked("Polisi datang.\n\u{fffd}( lagi. (Dia) “pergi”.", SentenceModel::after_full_stop), ["Dia"]);
    }

    #[test]
    fn numbers_with_points_stay_inside_sentences() {
        let text = "Ponsel itu memakai Bluetooth 4.2 dan Android 13.1 seharga Rp 1.500. Harga naik.";
        assert_eq!(marked(text, SentenceModel::starts_sentence), ["Ponsel", "Harga"]);
    }
}
