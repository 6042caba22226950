//! A translation beside its source: both articles read once, and their sentences aligned.
//!
//! The command line or the editor reads the source file and hands its text in a [`SourceText`];
//! the engine analyses it as a [`Document`] of its own (its language detected, so both directions,
//! English to Indonesian and back, work) and builds one [`Pair`] for the `translation` rules.
//!
//! Alignment is a monotone dynamic programme over the sentences of both articles (Gale and Church's
//! beads: one to one, one to none, none to one, two or three to one and back), computed only in a
//! band around the diagonal, so its cost is linear in the articles' length. A bead's cost adds a
//! prior for its shape, how far the lengths disagree (in characters, against the whole articles'
//! ratio), how little the two sides share of what survives translation (figures by value, so
//! `1.3 million` meets `1,3 juta` and `twelve` meets `dua belas`; capitalised words; quotation
//! marks; cognate stems such as *president*/*presiden*), and whether it starts a paragraph on one
//! side only, so paragraphs guide the sentences.

use crate::diagnostic::{Related, SourceLocation, Span};
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::numbers::{self, Role};
use crate::position::{span_to_range, PositionEncoding};
use std::ops::Range;

/// The original article a translation was made from, as the adapter read it.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// How to show and open it: the path as given (the command line) or an absolute path (the
    /// language server).
    pub path: String,
    pub text: String,
}

/// A figure in a sentence, by value.
#[derive(Debug, Clone)]
pub struct Figure {
    pub span: Span,
    pub value: f64,
    pub alt_value: Option<f64>,
    pub rounding: f64,
    pub in_words: bool,
    pub role: Role,
    /// A clock time (`22:00 GMT`, `pukul 05.00 WIB`, `3 p.m.`), compared as a time, not a number.
    pub clock: Option<Clock>,
}

/// A time of day: minutes after midnight as written, and in UTC when a known zone follows
/// (each reading of a zone whose offset changes with the season).
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    pub local: u32,
    pub utc: Vec<u32>,
    /// In a zone this reading does not know (`11 a.m. Moscow time`, `waktu setempat`): the
    /// translation may have converted it, so it is compared only as written and never missed.
    pub other_zone: bool,
}

impl Clock {
    /// The same time: in UTC when both name a zone (05.00 WIB is 22:00 GMT), else as written
    /// (the translator added or dropped the zone).
    pub fn matches(&self, other: &Clock) -> bool {
        if !self.utc.is_empty() && !other.utc.is_empty() {
            self.utc.iter().any(|u| other.utc.contains(u))
        } else {
            self.local == other.local
        }
    }
}

/// Time zones written after a clock time, and their offsets from UTC in minutes (both readings
/// when the name covers summer time too).
const ZONES: &[(&str, &[i32])] = &[
    ("gmt", &[0]), ("utc", &[0]), ("z", &[0]), ("wib", &[420]), ("wita", &[480]), ("wit", &[540]), ("jst", &[540]), ("kst", &[540]),
    ("sgt", &[480]), ("myt", &[480]), ("hkt", &[480]), ("pht", &[480]), ("ict", &[420]), ("ist", &[330]), ("msk", &[180]),
    ("cet", &[60]), ("cest", &[120]), ("bst", &[60]), ("eet", &[120]), ("eest", &[180]), ("et", &[-300, -240]), ("est", &[-300]),
    ("edt", &[-240]), ("ct", &[-360, -300]), ("cst", &[-360]), ("cdt", &[-300]), ("pt", &[-480, -420]), ("pst", &[-480]), ("pdt", &[-420]),
    ("aest", &[600]), ("aedt", &[660]),
];

/// The clock time a mention writes (`22:00`, `05.00`, `0300`, `3` before `p.m.`), with its
/// zone when one follows.
fn clock(doc: &Document, span: Span, tokens: Range<usize>) -> Option<Clock> {
    let text = doc.text.get(span.range())?.trim();
    let (h, m): (u32, u32) = if let Some((h, m)) = text.split_once([':', '.']) {
        (h.parse().ok()?, m.parse().ok()?)
    } else if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        (text[..2].parse().ok()?, text[2..].parse().ok()?)
    } else if (1..=2).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        (text.parse().ok()?, 0)
    } else {
        return None;
    };
    // The words right after it (full stops of `a.m.` aside): `a.m.` / `p.m.`, then a zone.
    let words: Vec<(&str, &str)> = (tokens.end..doc.tokens.len().min(tokens.end + 8))
        .filter(|&i| doc.token_str(&doc.tokens[i]) != ".")
        .map_while(|i| (doc.tokens[i].kind == TokenKind::Word).then(|| (doc.token_lower(i).trim_end_matches('.'), doc.token_str(&doc.tokens[i]))))
        .take(3)
        .collect();
    let meridiem = words.first().and_then(|(w, _)| match *w {
        "am" | "a.m" => Some(false),
        "pm" | "p.m" => Some(true),
        _ => None,
    });
    let zone_at = usize::from(meridiem.is_some());
    let next = words.get(zone_at).map(|(l, _)| *l);
    if meridiem.is_none() && !text.contains([':', '.']) && text.len() != 4 {
        // A bare number is a time only with its meridiem.
        return None;
    }
    if h > 24 || m >= 60 || meridiem.is_some() && !(1..=12).contains(&h) {
        return None;
    }
    let h = match meridiem {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    let local = (h * 60 + m) % 1440;
    let utc: Vec<u32> = next
        .and_then(|w| ZONES.iter().find(|(z, _)| *z == w))
        .map(|(_, offsets)| offsets.iter().map(|o| (local as i32 - o).rem_euclid(1440) as u32).collect())
        .unwrap_or_default();
    // `Moscow time`, `local time`, `waktu setempat`, `waktu Jepang`, or a zone's letters unknown.
    let zone_words = &words[zone_at.min(words.len())..];
    let other_zone = utc.is_empty()
        && (zone_words.iter().take(2).any(|(l, _)| matches!(*l, "time" | "waktu"))
            || zone_words.first().is_some_and(|(_, w)| (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())));
    Some(Clock { local, utc, other_zone })
}

impl Figure {
    /// The same amount, in either reading of an ambiguous separator, within the rounding of
    /// either side; a clock time matches only the same time.
    pub fn matches(&self, other: &Figure) -> bool {
        match (&self.clock, &other.clock) {
            (Some(a), Some(b)) => return a.matches(b),
            (None, None) => {}
            _ => return false,
        }
        let tolerance = self.rounding.max(other.rounding).max(1e-9);
        let mine = std::iter::once(self.value).chain(self.alt_value);
        mine.into_iter().any(|a| std::iter::once(other.value).chain(other.alt_value).any(|b| (a - b).abs() <= tolerance * (1.0 + 1e-9)))
    }

    /// A small number written in words (`one`, `dua`): often rendered otherwise (`salah satu`,
    /// `kedua`, `a pair`), so it is not missed when absent.
    pub fn is_small_word(&self) -> bool {
        self.in_words && self.value <= 10.0
    }
}

/// What the translation rules read of one sentence.
#[derive(Debug, Clone)]
pub struct Unit {
    pub span: Span,
    /// Index into the document's sentences.
    pub sentence: usize,
    pub block: usize,
    /// In running text (a paragraph or block quote), not a title, caption or list.
    pub running: bool,
    pub words: usize,
    /// Letters and digits.
    pub chars: usize,
    pub figures: Vec<Figure>,
    /// Negation words (`not`, `never`, `tidak`, `belum`, ...).
    pub negations: Vec<Span>,
    /// Words that a translation may render with a negation or without one (`unrealistic` is
    /// *tidak realistis*, `failed to` *tidak berhasil*, *enggan* `did not want`).
    pub soft_negations: usize,
    /// Sorted hashes of what survives translation (see the module's documentation).
    anchors: Vec<u64>,
    /// The first sentence of its block.
    paragraph_start: bool,
    /// A sentence of the translation whose function words are the source's language (set by
    /// [`Pair::new`]; false in the source): the other rules leave it to
    /// `translation/untranslated-segment`.
    pub in_source_language: bool,
}

/// Sentences `source` of the source translated as sentences `target` of the translation (either
/// may be empty: a sentence left out, or added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bead {
    pub source: Range<usize>,
    pub target: Range<usize>,
}

/// The source and the translation, read and aligned.
pub struct Pair<'a> {
    pub source: &'a Document<'a>,
    pub path: &'a str,
    pub source_units: Vec<Unit>,
    pub target_units: Vec<Unit>,
    /// In order, covering every unit of both sides once.
    pub beads: Vec<Bead>,
    rope: ropey::Rope,
}

impl<'a> Pair<'a> {
    pub fn new(source: &'a Document<'a>, path: &'a str, target: &Document<'_>) -> Self {
        let source_units = units(source);
        let mut target_units = units(target);
        if source.language != target.language {
            for u in &mut target_units {
                u.in_source_language = u.words >= 5 && crate::language::detect(target.text.get(u.span.range()).unwrap_or("")) == Some(source.language);
            }
        }
        let beads = align(&source_units, &target_units, length_ratio(source.language, target.language));
        Pair { source, path, source_units, target_units, beads, rope: ropey::Rope::from_str(source.text) }
    }

    /// The source's language.
    pub fn source_language(&self) -> Language {
        self.source.language
    }

    /// Where a span of the source is, for a finding's related information.
    pub fn location(&self, span: Span) -> SourceLocation {
        let range = span_to_range(&self.rope, span.start, span.end, PositionEncoding::Utf16);
        SourceLocation {
            path: self.path.to_string(),
            start_line: range.start.line,
            start_character: range.start.character,
            end_line: range.end.line,
            end_character: range.end.character,
            text: self.source.text.get(span.range()).unwrap_or("").to_string(),
        }
    }

    /// Related information pointing at source unit `u`, quoting it.
    pub fn related(&self, u: usize) -> Related {
        let span = self.source_units[u].span;
        let text = self.source.text.get(span.range()).unwrap_or("");
        Related { span, message: format!("source: “{}”", shorten(text, 300)), source: Some(Box::new(self.location(span))) }
    }

    /// The text of a source unit.
    pub fn source_str(&self, u: usize) -> &str {
        self.source.text.get(self.source_units[u].span.range()).unwrap_or("")
    }
}

/// The path the front matter's `source:` (or `original:`) key names, as written: the original a
/// translation was made from, relative to the translation's folder.
pub fn front_matter_source(text: &str) -> Option<String> {
    let front = crate::prose::front_matter_len(text);
    text.get(..front)?.lines().find_map(|line| {
        let (key, value) = line.split_once(['=', ':'])?;
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(['"', '\'']).trim();
        // `source: Reuters` is a credit line, not a file: a path names a folder or an article's
        // extension.
        let path_like = value.contains('/') || [".md", ".markdown", ".txt", ".text"].iter().any(|e| value.to_ascii_lowercase().ends_with(e));
        (matches!(key.as_str(), "source" | "original") && path_like).then(|| value.to_string())
    })
}

/// `text` cut at about `chars` characters, at a space, with an ellipsis.
pub fn shorten(text: &str, chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= chars {
        return text.replace(['\n', '\r'], " ");
    }
    let cut: String = text.chars().take(chars).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", cut.replace(['\n', '\r'], " "))
}

const ENGLISH_NEGATIONS: &[&str] = &["not", "never", "without", "nobody", "nothing", "none", "neither", "nor", "cannot", "unable", "no"];
const INDONESIAN_NEGATIONS: &[&str] = &[
    "tidak", "tak", "bukan", "belum", "tanpa", "jangan", "tiada", "takkan", "tidaklah", "bukanlah", "belumlah", "janganlah", "enggak", "nggak", "gak",
];
/// A negation followed by one of these is a litotes, translated without one (*tak lama* "soon",
/// *tidak sedikit* "many", *not long* "soon", *not least* "especially").
const LITOTES: &[&str] = &["lama", "sedikit", "jarang", "long", "least"];

/// Whether token `i` is a negation word of its language (`not`, `n't`, `tidak`, `tak`, ...).
fn is_negation_word(doc: &Document, i: usize) -> bool {
    let lower = doc.token_lower(i);
    match doc.language {
        Language::En => ENGLISH_NEGATIONS.contains(&lower) || lower.ends_with("n't") || lower.ends_with("n’t"),
        Language::Id => INDONESIAN_NEGATIONS.contains(&lower),
    }
}

/// The negation words of the sentence with tokens `range`, and how many negation words it has
/// in a construction rendered with a negation or without one ([`rendered_either_way`]: soft
/// negations, not in the list).
fn negations(doc: &Document, range: Range<usize>) -> (Vec<Span>, usize) {
    let mut out = Vec::new();
    let mut either_way = 0;
    for i in range.clone() {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        let lower = doc.token_lower(i);
        let next = (i + 1 < range.end).then(|| (doc.tokens[i + 1].kind, doc.token_lower(i + 1)));
        let word = is_negation_word(doc, i);
        // `has yet to`.
        let yet_to = doc.language == Language::En && lower == "yet" && next.is_some_and(|(_, n)| n == "to");
        if !word && !yet_to {
            continue;
        }
        let either = rendered_either_way(doc, range.clone(), i);
        either_way += usize::from(word && either);
        // `No. 5`, `no.`: an abbreviation, not a negation.
        if lower == "no" && next.is_some_and(|(k, n)| k == TokenKind::Number || n == ".") {
            continue;
        }
        if either || next.is_some_and(|(k, n)| k == TokenKind::Word && LITOTES.contains(&n)) {
            continue;
        }
        out.push(t.span);
    }
    (out, either_way)
}

/// A negation word at token `i` in a construction a translation renders with a negation or
/// without one: *did not arrive until 1:40* is *baru tiba pukul 13.40* as well as *tidak tiba
/// hingga*; *jika tidak,* is *otherwise* as well as *if not*. Counted as a soft negation.
fn rendered_either_way(doc: &Document, range: Range<usize>, i: usize) -> bool {
    let word_at = |k: usize| (k >= range.start && k < range.end && doc.tokens[k].kind == TokenKind::Word).then(|| doc.token_lower(k));
    match doc.language {
        Language::En => (i + 1..(i + 6).min(range.end)).any(|k| matches!(word_at(k), Some("until" | "till"))),
        Language::Id => {
            let conditional = i.checked_sub(1).and_then(word_at).is_some_and(|p| matches!(p, "jika" | "kalau" | "bila" | "apabila" | "jikalau"));
            conditional && (i + 1 >= range.end || doc.tokens[i + 1].kind == TokenKind::Punct)
        }
    }
}

/// A word that carries a negation in its meaning, so its translation may or may not use a
/// negation word: an English adjective with *un-* or *non-* (*unrealistic*, *non-binding*), one
/// in *-less* (*useless*), *fail*, *lack*, *refuse*, *deny*; Indonesian *gagal*, *kurang*,
/// *enggan*, *menolak*, *membantah*.
fn is_soft_negation(lower: &str, language: Language) -> bool {
    match language {
        Language::En => {
            let un = lower.len() >= 6 && lower.starts_with("un") && !["under", "uni", "until", "unto", "unle"].iter().any(|p| lower.starts_with(p));
            let less = lower.len() >= 7 && lower.ends_with("less") && lower != "unless";
            un || less
                || lower.starts_with("non")
                || ["fail", "lack", "refus", "deni", "deny", "declin", "impossib", "illegal", "irregular", "invalid", "inaccura", "insufficien", "disagree"].iter().any(|p| lower.starts_with(p))
        }
        Language::Id => matches!(lower, "gagal" | "kurang" | "enggan" | "menolak" | "membantah" | "mustahil" | "ilegal" | "minim" | "kekurangan" | "kegagalan" | "penolakan"),
    }
}

fn hash(tag: u8, s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = foldhash::quality::FixedState::with_seed(7).build_hasher();
    h.write_u8(tag);
    h.write(s.as_bytes());
    // The tag in the top three bits, for its weight.
    h.finish() & !(7 << 61) | (u64::from(tag) << 61)
}

/// How much an anchor of a kind says about two sentences being each other's translation: a
/// figure most, a capitalised word (a name) much, a quotation mark or a negation some, a cognate
/// stem little (*president* and *presiden* meet, but so do chance prefixes).
fn weight(anchor: u64) -> f32 {
    match anchor >> 61 {
        1 => 2.0,
        2 => 0.5,
        3 => 1.0,
        4 => 3.0,
        6 => 2.0,
        _ => 1.0,
    }
}

/// A word's cognate stem: its first four letters respelled the Indonesian way (*president*,
/// *presiden*: `pres`; *economy*, *ekonomi*: `ekon`; *photo*, *foto*: `foto`).
fn cognate_stem(lower: &str) -> Option<String> {
    if lower.chars().count() < 5 || !lower.chars().all(|c| c.is_alphabetic()) {
        return None;
    }
    let respelled = lower.replace("ph", "f").replace("th", "t").replace("qu", "kw").replace('c', "k").replace('x', "ks").replace('y', "i");
    Some(respelled.chars().take(4).collect())
}

/// The day of the week a word names, in either language (0 for Monday).
fn weekday(lower: &str) -> Option<usize> {
    const ID: [&str; 7] = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"];
    const EN: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let lower = match lower {
        "jum'at" | "jum’at" => "jumat",
        "ahad" => "minggu",
        other => other,
    };
    ID.iter().position(|d| *d == lower).or_else(|| EN.iter().position(|d| *d == lower))
}

/// `05.00` after `pukul` or before `WIB`, `10.30 am`: a clock time that the figures reading took
/// for another number (a leading zero reads as a code).
fn is_clock_time(doc: &Document, tokens: Range<usize>) -> bool {
    let text = doc.text.get(doc.tokens.get(tokens.start).map_or(0..0, |t| t.span.range())).unwrap_or("");
    let after = (tokens.end < doc.tokens.len()).then(|| (doc.token_str(&doc.tokens[tokens.end]), doc.token_lower(tokens.end)));
    let zone = |(w, l): (&str, &str)| matches!(l, "am" | "pm" | "a.m" | "p.m") || (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    // `0300 GMT`, `1430 UTC`: four digits of a 24-hour clock before a time zone.
    let military = text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && text[..2].parse::<u32>().is_ok_and(|h| h <= 24)
        && text[2..].parse::<u32>().is_ok_and(|m| m < 60)
        && after.is_some_and(|(w, l)| zone((w, l)) || matches!(l, "hours" | "hrs" | "h"));
    if military {
        return true;
    }
    let clock = text.len() <= 5 && text.split_once(['.', ':']).is_some_and(|(h, m)| h.len() <= 2 && m.len() == 2);
    if !clock {
        return false;
    }
    // In Indonesian, `15.00` is a time: a decimal takes a comma, and a thousands group three digits.
    if doc.language == Language::Id && text.split_once('.').is_some_and(|(h, m)| h.parse::<u32>().is_ok_and(|h| h <= 24) && m.parse::<u32>().is_ok_and(|m| m < 60)) {
        return true;
    }
    let before = tokens.start.checked_sub(1).map(|i| doc.token_lower(i));
    before.is_some_and(|w| matches!(w, "pukul" | "pkl" | "jam")) || after.is_some_and(zone)
}

/// The sentences of a document that hold a word or a number, read for the translation rules.
fn units(doc: &Document) -> Vec<Unit> {
    let mentions = numbers::mentions(doc);
    let mut by_sentence: Vec<Vec<Figure>> = vec![Vec::new(); doc.sentences.len()];
    for m in &mentions {
        // Clock times are compared as times: a time zone converted (22:00 GMT, 05.00 WIB) is
        // right. One that cannot be read is not compared.
        let clock = if m.role == Role::Time || is_clock_time(doc, m.tokens.clone()) {
            match clock(doc, m.span, m.tokens.clone()) {
                Some(c) => Some(c),
                None => continue,
            }
        } else {
            None
        };
        if let Some(list) = by_sentence.get_mut(m.sentence) {
            list.push(Figure { span: m.span, value: m.value, alt_value: m.alt_value, rounding: m.rounding, in_words: m.in_words, role: m.role, clock });
        }
    }
    // Clock times the number reader leaves out (`22:00`): compared as times too.
    let covered: std::collections::HashSet<usize> = mentions.iter().flat_map(|m| m.tokens.clone()).collect();
    for (index, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Number || !doc.token_str(t).contains(':') || covered.contains(&i) {
                continue;
            }
            if let Some(c) = clock(doc, t.span, i..i + 1) {
                by_sentence[index].push(Figure { span: t.span, value: f64::from(c.local), alt_value: None, rounding: 0.0, in_words: false, role: Role::Time, clock: Some(c) });
            }
        }
    }
    let mut out = Vec::new();
    let mut last_block = usize::MAX;
    for (index, s) in doc.sentences.iter().enumerate() {
        let tokens = &doc.tokens[s.tokens.clone()];
        let words = tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count();
        if words == 0 {
            continue;
        }
        let mut anchors = Vec::new();
        let mut chars = 0;
        for (k, t) in tokens.iter().enumerate() {
            let i = s.tokens.start + k;
            let text = doc.token_str(t);
            match t.kind {
                TokenKind::Word => {
                    chars += text.chars().count();
                    let lower = doc.token_lower(i);
                    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
                    if let Some(day) = weekday(lower) {
                        anchors.push(hash(6, &format!("day {day}")));
                    } else if let Some(month) = capitalised.then(|| numbers::month_number(lower)).flatten().filter(|_| lower.len() >= 3) {
                        anchors.push(hash(6, &format!("month {month}")));
                    } else if capitalised && k > 0 {
                        anchors.push(hash(1, lower));
                    } else if let Some(stem) = cognate_stem(lower) {
                        anchors.push(hash(2, &stem));
                    }
                }
                TokenKind::Number => chars += text.len(),
                TokenKind::Punct if matches!(text, "\"" | "“" | "”" | "«" | "»") => anchors.push(hash(3, "quote")),
                _ => {}
            }
        }
        let figures = std::mem::take(&mut by_sentence[index]);
        let (negations, either_way) = negations(doc, s.tokens.clone());
        let soft_negations = either_way + s.tokens.clone().filter(|&i| doc.tokens[i].kind == TokenKind::Word && is_soft_negation(doc.token_lower(i), doc.language)).count();
        if !negations.is_empty() {
            anchors.push(hash(5, "not"));
        }
        for f in &figures {
            anchors.push(hash(4, &format!("{:.4}", f.value)));
        }
        anchors.sort_unstable();
        anchors.dedup();
        let running = doc.blocks.get(s.block).is_some_and(|b| b.kind.is_running_text());
        out.push(Unit {
            span: s.span,
            sentence: index,
            block: s.block,
            running,
            words,
            chars,
            figures,
            negations,
            soft_negations,
            anchors,
            paragraph_start: s.block != last_block,
            in_source_language: false,
        });
        last_block = s.block;
    }
    out
}

/// The bead shapes: (source sentences, target sentences, prior cost). Two to two is two
/// sentences whose content the translation divides elsewhere.
const MOVES: [(usize, usize, f32); 8] = [(1, 1, 0.0), (1, 0, 3.5), (0, 1, 3.5), (2, 1, 2.8), (1, 2, 2.8), (3, 1, 4.5), (1, 3, 4.5), (2, 2, 4.0)];

/// Half the band's width at least, and at most (a text with thousands more sentences on one side
/// is not a translation of the other; the band stays bounded).
const MIN_BAND: usize = 12;
/// The most shared cognate stems take off a bead's cost.
const MAX_BONUS: f32 = 1.5;
const MAX_BAND: usize = 64;

struct Scorer<'u> {
    source: &'u [Unit],
    target: &'u [Unit],
    ratio: f32,
    buffer_a: Vec<u64>,
    buffer_b: Vec<u64>,
    scratch: Vec<u64>,
}

/// The sorted union of the units' anchors (each list sorted already) in `into`: merged, not
/// sorted, since the scorer asks it for every cell of the band.
fn union(units: &[Unit], into: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    into.clear();
    for u in units {
        if into.is_empty() {
            into.extend_from_slice(&u.anchors);
            continue;
        }
        scratch.clear();
        let (a, b) = (&*into, &u.anchors);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = if j == b.len() || i < a.len() && a[i] <= b[j] {
                i += 1;
                a[i - 1]
            } else {
                j += 1;
                b[j - 1]
            };
            if scratch.last() != Some(&next) {
                scratch.push(next);
            }
        }
        std::mem::swap(into, scratch);
    }
}

impl Scorer<'_> {
    fn cost(&mut self, s: Range<usize>, t: Range<usize>, prior: f32) -> f32 {
        if s.is_empty() || t.is_empty() {
            return prior;
        }
        let ls: usize = self.source[s.clone()].iter().map(|u| u.chars).sum();
        let lt: usize = self.target[t.clone()].iter().map(|u| u.chars).sum();
        // Gale and Church: the difference in length, in standard deviations.
        let delta = (lt as f32 - self.ratio * ls as f32) / ((ls.max(1) as f32) * 6.8).sqrt();
        let length = length_cost(delta);
        union(&self.source[s.clone()], &mut self.buffer_a, &mut self.scratch);
        union(&self.target[t.clone()], &mut self.buffer_b, &mut self.scratch);
        // A weighted Dice coefficient of the strong anchors (figures, names, quotation marks,
        // negation), trusted as far as there are anchors to go on; with none, the cost of a
        // sentence pair that says nothing either way. A shared cognate stem is evidence for the
        // pair, but an unshared one none against it (most words have no cognate).
        let (mut total, mut shared, mut cognates) = (0.0, 0.0, 0.0f32);
        for &a in self.buffer_a.iter().chain(&self.buffer_b) {
            if a >> 61 != 2 {
                total += weight(a);
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < self.buffer_a.len() && j < self.buffer_b.len() {
            match self.buffer_a[i].cmp(&self.buffer_b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if self.buffer_a[i] >> 61 == 2 {
                        cognates += 1.0;
                    } else {
                        shared += 2.0 * weight(self.buffer_a[i]);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let dice = if total > 0.0 { shared / total } else { 0.0 };
        let confidence = (total / 4.0).min(1.0);
        let anchors = confidence * 4.0 * (1.0 - dice) + (1.0 - confidence) * 1.5 - (cognates * 0.5).min(MAX_BONUS);
        let paragraph = if self.source[s.start].paragraph_start != self.target[t.start].paragraph_start { 0.4 } else { 0.0 };
        prior + length + anchors + paragraph
    }
}

/// How much longer, in letters, a translation from `source` into `target` usually is: Indonesian
/// runs about a tenth longer than the English it renders.
fn length_ratio(source: Language, target: Language) -> f32 {
    match (source, target) {
        (Language::En, Language::Id) => 1.1,
        (Language::Id, Language::En) => 1.0 / 1.1,
        _ => 1.0,
    }
}

/// Gale and Church's cost of a length difference of `delta` standard deviations: minus the log
/// of the probability of one at least as large, `-ln(erfc(|delta| / sqrt 2))` (erfc by
/// Abramowitz and Stegun 7.1.26), at most 25.
fn length_cost(delta: f32) -> f32 {
    let x = f64::from(delta.abs()) / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    // -ln(poly · e^(-x²)), written so that it does not underflow for a large difference.
    ((-poly.ln() + x * x) as f32).clamp(0.0, 25.0)
}

/// The cheapest monotone sequence of beads over both sides' units, searched in a band around
/// the diagonal: O((n + m) · band).
pub fn align(source: &[Unit], target: &[Unit], expected_ratio: f32) -> Vec<Bead> {
    let (n, m) = (source.len(), target.len());
    if n == 0 || m == 0 {
        return if n + m == 0 { Vec::new() } else { vec![Bead { source: 0..n, target: 0..m }] };
    }
    let total_s: usize = source.iter().map(|u| u.chars).sum();
    let total_t: usize = target.iter().map(|u| u.chars).sum();
    // The articles' own ratio of lengths, trusted as far as they are long: in a short article one
    // sentence left out moves it far from the languages' usual ratio.
    let observed = total_t.max(1) as f32 / total_s.max(1) as f32;
    let trust = n.min(m) as f32 / (n.min(m) as f32 + 30.0);
    let ratio = expected_ratio.powf(1.0 - trust) * observed.powf(trust);
    // A path that leaves out or adds the difference in one place strays from the straight line
    // by at most half of it.
    let band = (MIN_BAND + n.abs_diff(m) / 2 + 1).min(MAX_BAND);
    let width = 2 * band + 1;
    // The band's first target index for row i.
    let low = |i: usize| (i * m / n).saturating_sub(band);
    let mut cost = vec![f32::INFINITY; (n + 1) * width];
    let mut back = vec![u8::MAX; (n + 1) * width];
    let cell = |i: usize, j: usize| -> Option<usize> {
        let lo = low(i);
        (j >= lo && j - lo < width && j <= m).then(|| i * width + (j - lo))
    };
    cost[cell(0, 0).unwrap_or(0)] = 0.0;
    let mut scorer = Scorer { source, target, ratio, buffer_a: Vec::new(), buffer_b: Vec::new(), scratch: Vec::new() };
    for i in 0..=n {
        let lo = low(i);
        for j in lo..(lo + width).min(m + 1) {
            let Some(here) = cell(i, j) else { continue };
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f32::INFINITY;
            let mut best_move = u8::MAX;
            for (k, &(ds, dt, prior)) in MOVES.iter().enumerate() {
                if ds > i || dt > j {
                    continue;
                }
                let Some(from) = cell(i - ds, j - dt) else { continue };
                let before = cost[from];
                // The anchors' bonus is the only part of a cost below its prior.
                if !before.is_finite() || before + prior - MAX_BONUS >= best {
                    continue;
                }
                let c = before + scorer.cost(i - ds..i, j - dt..j, prior);
                if c < best {
                    best = c;
                    best_move = k as u8;
                }
            }
            cost[here] = best;
            back[here] = best_move;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = cell(i, j) else { break };
        let Some(&(ds, dt, _)) = MOVES.get(back[here] as usize) else { break };
        beads.push(Bead { source: i - ds..i, target: j - dt..j });
        i -= ds;
        j -= dt;
    }
    if i > 0 || j > 0 {
        // Out of the band (cannot happen with the band's width covering the sizes' difference):
        // the rest as one bead rather than nothing.
        beads.push(Bead { source: 0..i, target: 0..j });
    }
    beads.reverse();
    beads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LanguageChoice;
    use crate::prose::DocFormat;

    fn doc(text: &str, language: Language) -> Document<'_> {
        Document::new(text, DocFormat::Markdown, LanguageChoice { forced: Some(language), ..Default::default() })
    }

    /// The beads as pairs of sentence counts.
    fn shapes(source: &str, target: &str) -> Vec<(usize, usize)> {
        let s = doc(source, Language::En);
        let t = doc(target, Language::Id);
        let pair = Pair::new(&s, "source.md", &t);
        pair.beads.iter().map(|b| (b.source.len(), b.target.len())).collect()
    }

    const EN: &str = "The flood killed 14 people in Bekasi on Monday. Rescuers were still searching for three missing children.\n\nThe mayor, Tri Adhianto, said 2,300 homes were damaged. He did not give an estimate of the losses.\n\nThe weather agency warned of more rain this week.";

    #[test]
    fn the_front_matter_names_the_source_file_not_a_credit() {
        assert_eq!(front_matter_source("---\ntitle: Banjir\nsource: ../en/flood.md\n---\n\nTeks."), Some("../en/flood.md".to_string()));
        assert_eq!(front_matter_source("+++\noriginal = \"asli.txt\"\n+++\nText."), Some("asli.txt".to_string()));
        assert_eq!(front_matter_source("---\nsource: Reuters\n---\n\nTeks."), None);
        assert_eq!(front_matter_source("Teks.\nsource: a.md\n"), None);
    }

    #[test]
    fn a_faithful_translation_aligns_one_to_one() {
        let id = "Banjir menewaskan 14 orang di Bekasi pada Senin. Tim penyelamat masih mencari tiga anak yang hilang.\n\nWali Kota Tri Adhianto mengatakan 2.300 rumah rusak. Ia tidak memberikan perkiraan kerugian.\n\nBadan cuaca memperingatkan hujan lebih lebat pekan ini.";
        assert_eq!(shapes(EN, id), [(1, 1); 5]);
    }

    #[test]
    fn merged_and_split_sentences_become_two_to_one_beads() {
        let merged = "Banjir menewaskan 14 orang di Bekasi pada Senin, dan tim penyelamat masih mencari tiga anak yang hilang.\n\nWali Kota Tri Adhianto mengatakan 2.300 rumah rusak. Ia tidak memberikan perkiraan kerugian.\n\nBadan cuaca memperingatkan hujan lebih lebat pekan ini.";
        assert_eq!(shapes(EN, merged), [(2, 1), (1, 1), (1, 1), (1, 1)]);
        let en = EN.replace("2,300 homes were damaged.", "2,300 homes were damaged and 40 bridges collapsed in the storm.");
        let split = "Banjir menewaskan 14 orang di Bekasi pada Senin. Tim penyelamat masih mencari tiga anak yang hilang.\n\nWali Kota Tri Adhianto mengatakan 2.300 rumah rusak. Selain itu, 40 jembatan ambruk diterjang badai. Ia tidak memberikan perkiraan kerugian.\n\nBadan cuaca memperingatkan hujan lebih lebat pekan ini.";
        let s = shapes(&en, split);
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s.contains(&(1, 2)), "{s:?}");
    }

    #[test]
    fn two_sentences_divided_elsewhere_are_a_two_to_two_bead() {
        let en = "Analysts blamed worries about the budget deficit, which the government now expects to reach 2.8 percent of gross domestic product. The legal limit is 3 percent.\n\nThe rupiah weakened to 16,450 per dollar.";
        let id = "Para analis menilai penurunan itu dipicu kekhawatiran atas defisit anggaran. Pemerintah kini memperkirakan defisit mencapai 2,8 persen dari produk domestik bruto, sedangkan batas yang diizinkan undang-undang adalah 3 persen.\n\nRupiah melemah ke level 16.450 per dolar.";
        assert_eq!(shapes(en, id), [(2, 2), (1, 1)]);
    }

    #[test]
    fn a_dropped_sentence_is_a_bead_with_no_translation() {
        let dropped = "Banjir menewaskan 14 orang di Bekasi pada Senin. Tim penyelamat masih mencari tiga anak yang hilang.\n\nIa tidak memberikan perkiraan kerugian.\n\nBadan cuaca memperingatkan hujan lebih lebat pekan ini.";
        assert_eq!(shapes(EN, dropped), [(1, 1), (1, 1), (1, 0), (1, 1), (1, 1)]);
        let added = "Banjir menewaskan 14 orang di Bekasi pada Senin. Tim penyelamat masih mencari tiga anak yang hilang.\n\nWali Kota Tri Adhianto mengatakan 2.300 rumah rusak. Ia tidak memberikan perkiraan kerugian.\n\nBadan cuaca memperingatkan hujan lebih lebat pekan ini. Presiden Joko Widodo dijadwalkan meninjau lokasi 20 Januari mendatang.";
        assert_eq!(shapes(EN, added), [(1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (0, 1)]);
    }

    #[test]
    fn figures_negations_and_stems_are_read_in_both_languages() {
        let s = doc("About 1.3 million people did not vote, twelve officials said.", Language::En);
        let t = doc("Sekitar 1,3 juta orang tidak memilih, kata dua belas pejabat.", Language::Id);
        let (su, tu) = (units(&s), units(&t));
        assert_eq!(su[0].figures.len(), 2);
        assert!(su[0].figures.iter().zip(&tu[0].figures).all(|(a, b)| a.matches(b)));
        assert_eq!(su[0].negations.len(), 1);
        assert_eq!(tu[0].negations.len(), 1);
        assert_eq!(cognate_stem("president"), cognate_stem("presiden"));
        assert_eq!(cognate_stem("economy"), cognate_stem("ekonomi"));
        // Litotes and abbreviations are not negations.
        let t = doc("Tak lama kemudian, tidak sedikit warga datang.", Language::Id);
        assert!(units(&t)[0].negations.is_empty());
        let s = doc("Not long after, he moved to No. 5 Main Street.", Language::En);
        assert!(units(&s)[0].negations.is_empty());
    }

    #[test]
    fn the_band_keeps_long_articles_linear() {
        let sentence = "The council approved 12 new schools in Surabaya on Tuesday. ";
        let kalimat = "Dewan menyetujui 12 sekolah baru di Surabaya pada Selasa. ";
        let s: String = sentence.repeat(3000);
        let t: String = kalimat.repeat(2990);
        let (sd, td) = (doc(&s, Language::En), doc(&t, Language::Id));
        let pair = Pair::new(&sd, "s", &td);
        let covered_s: usize = pair.beads.iter().map(|b| b.source.len()).sum();
        let covered_t: usize = pair.beads.iter().map(|b| b.target.len()).sum();
        assert_eq!((covered_s, covered_t), (3000, 2990));
    }
}
