//! Figures: numbers in one article that cannot all be true. Counts of the same thing that
//! contradict each other, parts that do not add up to their total, shares and changes that do
//! not match their values, a weekday that does not match its date, and a person's age given twice.
//!
//! Every rule here reads the same [`Article`]: the document's number mentions
//! ([`crate::numbers`]) and, per sentence, its lowercased words, so that cues such as qualifiers
//! (`setidaknya`, `more than`), updates (`bertambah menjadi`, `rose to`) and scope (another day,
//! place or event) are looked up the same way everywhere.

use crate::diagnostic::Span;
use crate::document::{Document, TokenKind};
use crate::numbers::{self, NumberMention, Role};
use crate::prose::BlockKind;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;

pub mod age;
pub mod claims;
pub mod conflict;
pub mod duration;
pub mod match_result;
pub mod percent;
pub mod sum;
pub mod weekday_date;

/// One sentence's words, lowercased, with their token indices.
pub(crate) struct SentenceWords<'d> {
    /// Token indices into `doc.tokens`.
    pub tokens: Range<usize>,
    doc: &'d Document<'d>,
}

impl<'d> SentenceWords<'d> {
    /// The lowercased word at a document token index.
    pub fn at(&self, token: usize) -> Option<&'d str> {
        self.tokens.contains(&token).then(|| self.doc.token_lower(token))
    }
    /// The sentence's tokens in lower case, in order.
    pub fn lower(&self) -> impl DoubleEndedIterator<Item = &'d str> + '_ {
        self.tokens.clone().map(|t| self.doc.token_lower(t))
    }
    /// Whether `phrase` (lowercased words) starts at document token `token`.
    pub fn phrase_at(&self, token: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, w)| self.at(token + k) == Some(*w))
    }
    /// The number of words of `phrase` (space-separated) when it starts at document token
    /// `token`. (Without collecting the words: this runs for every entry of long lists.)
    pub fn phrase_str_at(&self, token: usize, phrase: &str) -> Option<usize> {
        self.phrase_from(self.at(token)?, token, phrase)
    }
    /// [`Self::phrase_str_at`] with the word at `token` already read: callers that try a list
    /// of phrases at one token read it once.
    fn phrase_from(&self, first: &str, token: usize, phrase: &str) -> Option<usize> {
        // Most entries fail on the first byte, and most others on the first word.
        if let (Some(a), Some(b)) = (first.as_bytes().first(), phrase.as_bytes().first())
            && a != b
        {
            return None;
        }
        let rest = phrase.strip_prefix(first)?;
        // (A token with a space, such as inline code, is no word of a phrase.)
        if first.contains(' ') {
            return None;
        }
        if rest.is_empty() {
            return Some(1);
        }
        let mut n = 1;
        for w in rest.strip_prefix(' ')?.split(' ') {
            if self.at(token + n) != Some(w) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }
    /// The first of `phrases` that starts at document token `token`, and its number of words.
    pub fn first_phrase_at<'p>(&self, token: usize, phrases: &'p [&'p str]) -> Option<(&'p str, usize)> {
        let first = self.at(token)?;
        // No phrase starts with a space, so an empty word starts none.
        let lead = *first.as_bytes().first()?;
        // The first byte settles most entries, here in the loop rather than a call each.
        phrases.iter().filter(|p| p.as_bytes().first() == Some(&lead)).find_map(|p| self.phrase_from(first, token, p).map(|n| (*p, n)))
    }
    /// Whether any word in `range` (document token indices) is one of `words`.
    pub fn any_in(&self, range: Range<usize>, words: &[&str]) -> bool {
        crate::work::count(range.len());
        range.into_iter().any(|t| self.at(t).is_some_and(|w| words.contains(&w)))
    }
    /// Whether any of `phrases` (space-separated) occurs in `range`.
    pub fn any_phrase_in(&self, range: Range<usize>, phrases: &[&str]) -> bool {
        let range = range.start.max(self.tokens.start)..range.end.min(self.tokens.end);
        crate::work::count(range.len());
        // Word by word, without collecting each phrase: this runs for every token of a range.
        range.into_iter().any(|t| self.first_phrase_at(t, phrases).is_some())
    }
}

/// What every figures rule reads: the document, its number mentions and sentence words, and the
/// article's main scope (the places and days of its headline and lead).
pub(crate) struct Article<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub mentions: Vec<NumberMention>,
    /// For each sentence, the range of its mentions in `mentions` (they are in text order).
    pub sentence_mentions: Vec<Range<usize>>,
    /// The mention that starts at a token (its number or its currency).
    pub mention_at_token: crate::lexicon::WordMap<usize, usize>,
    /// For each block, its number among the blocks that are not headings, from 1.
    paragraph_numbers: Vec<usize>,
    pub sentences: Vec<SentenceWords<'d>>,
    /// Places named in the headline, the dateline and the lead paragraph (lowercased).
    pub main_places: BTreeSet<String>,
    /// Days and dates named in the headline and the lead.
    pub main_times: BTreeSet<String>,
    /// The year of the article's first full date, if any.
    pub year: Option<i64>,
    /// Per sentence, what its figures share, worked out on first use.
    pub facts: Vec<SentenceFacts>,
    /// The claims model of the article ([`crate::claims`]), read on first use.
    claims: OnceCell<crate::claims::Claims>,
    /// Where the phrases of a list start in a sentence: (sentence, list address, list length)
    /// -> token indices in order ([`Article::phrase_in`]).
    phrase_starts: RefCell<PhraseStarts>,
}

/// (sentence, list address, list length) -> where the list's phrases start in the sentence.
type PhraseStarts = crate::lexicon::WordMap<(usize, usize, usize), Rc<[usize]>>;
/// A unit of figures: (currency, percent).
pub(crate) type Unit = (Option<&'static str>, bool);

/// What a sentence's figures share, each part worked out once, on first use: asked of every
/// figure instead, a sentence listing n figures cost n² (`figures/conflict`: 19,000 figures in
/// one sentence took 137 s).
#[derive(Default)]
pub(crate) struct SentenceFacts {
    times: OnceCell<BTreeSet<String>>,
    places: OnceCell<BTreeSet<String>>,
    speakers: OnceCell<BTreeSet<String>>,
    names: OnceCell<BTreeSet<String>>,
    other_years: OnceCell<bool>,
    /// The tokens that bound clauses (`,` `;` `:` `(` `)` dashes), in order.
    boundaries: OnceCell<Vec<usize>>,
    /// The mentions' `full_tokens.end`, sorted.
    mention_ends: OnceCell<Vec<usize>>,
    /// The mentions by `tokens.start`, each with the least `full_tokens.start` from it on.
    mention_starts: OnceCell<Vec<(usize, usize)>>,
    /// The mentions' (`tokens.start`, index), sorted.
    by_start: OnceCell<Vec<(usize, usize)>>,
    /// Sentence-wide facts the claims read (see `claims.rs`).
    pub several_events: OnceCell<bool>,
    pub opening: OnceCell<Option<Range<usize>>>,
    /// Mentions followed by a place (`five in Bekasi`): per unit, the latest start.
    pub place_lists: OnceCell<Vec<(Unit, usize)>>,
}

/// The most number mentions the figures rules read. Their cost is in proportion to the text
/// (`tests/growth.rs`), so this only bounds the time a document built of numbers takes: ten
/// times the 20,000 it was when a sentence of them cost its square, and past it
/// `figures/conflict` says so rather than going silent.
pub(crate) const MAX_MENTIONS: usize = 200_000;

/// Days, written as words, that pin a figure to a time.
pub(crate) const WEEKDAYS_ID: &[&str] = &["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"];
pub(crate) const WEEKDAYS_EN: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const RELATIVE_DAYS: &[&str] = &[
    "kemarin", "yesterday", "today", "tonight", "besok", "tomorrow", "hari ini", "tadi malam", "pagi ini", "malam ini",
    "last night", "this morning", "hari pertama", "hari kedua", "hari ketiga", "first day", "second day", "third day",
];
/// Words between a preposition and a place name (`di Kabupaten X`, `di wilayah X`).
const PLACE_TYPES: &[&str] = &[
    "kabupaten", "kota", "desa", "kecamatan", "provinsi", "wilayah", "kawasan", "daerah", "pulau", "distrik", "kampung",
    "kelurahan", "nagari", "dusun", "the", "district", "province", "city", "village", "town", "regency", "island", "area",
    "region", "negara", "bagian", "state",
];
const PLACE_PREPOSITIONS: &[&str] = &["di", "in", "at", "near", "dekat", "ke"];
/// Words before a speaker's name.
const ATTRIBUTION: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "jelas", "tegas", "imbuh", "tambah", "menurut", "said", "says", "told", "according",
    "to", "added", "explained",
];

impl<'d, 'a> Article<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Self {
        let mentions = numbers::mentions(doc);
        let sentences = doc
            .sentences
            .iter()
            .map(|s| SentenceWords { tokens: s.tokens.clone(), doc })
            .collect();
        let mut sentence_mentions = vec![0..0; doc.sentences.len()];
        let mut mention_at_token = crate::lexicon::WordMap::default();
        for (i, m) in mentions.iter().enumerate() {
            if let Some(r) = sentence_mentions.get_mut(m.sentence) {
                *r = if r.start == r.end { i..i + 1 } else { r.start..i + 1 };
            }
            mention_at_token.entry(m.tokens.start).or_insert(i);
            mention_at_token.entry(m.full_tokens.start).or_insert(i);
        }
        let mut article = Article {
            doc,
            mentions,
            sentences,
            sentence_mentions,
            mention_at_token,
            paragraph_numbers: doc
                .blocks
                .iter()
                .scan(0, |n, b| {
                    if !matches!(b.kind, BlockKind::Title | BlockKind::Heading) {
                        *n += 1;
                    }
                    Some(*n)
                })
                .collect(),
            main_places: BTreeSet::new(),
            main_times: BTreeSet::new(),
            year: None,
            facts: (0..doc.sentences.len()).map(|_| SentenceFacts::default()).collect(),
            phrase_starts: RefCell::default(),
            claims: OnceCell::new(),
        };
        // The front matter's `date:` first, then the article's first full date.
        article.year = crate::claims::front_matter_year(doc.text).or_else(|| crate::claims::first_full_date_year(doc, &article.mentions));
        // The headline and the first paragraph of running text set the main scope.
        let lead_blocks: Vec<usize> = {
            let mut v = Vec::new();
            for (i, b) in doc.blocks.iter().enumerate() {
                if matches!(b.kind, BlockKind::Title | BlockKind::Heading) && v.is_empty() {
                    v.push(i);
                } else if b.kind.is_running_text() {
                    v.push(i);
                    break;
                }
            }
            v
        };
        for (si, s) in doc.sentences.iter().enumerate() {
            if lead_blocks.contains(&s.block) {
                let places = article.places_in(si, s.tokens.clone());
                let times = article.times_in(si);
                article.main_places.extend(places);
                article.main_times.extend(times);
            }
        }
        // The dateline: `RAWA INDAH —` at the start of the lead.
        if let Some(&lead) = lead_blocks.last() {
            let tokens = doc.block_token_slice(lead);
            let caps: Vec<&str> = tokens
                .iter()
                .take_while(|t| t.kind == TokenKind::Word && doc.token_str(t).chars().all(|c| !c.is_lowercase()))
                .map(|t| doc.token_str(t))
                .collect();
            if !caps.is_empty() && tokens.get(caps.len()).is_some_and(|t| matches!(doc.token_str(t), "—" | "–" | "-" | "(" | ",")) {
                article.main_places.insert(caps.join(" ").to_lowercase());
            }
        }
        article
    }

    /// The claims model: every quantity with what it counts, its state, scope and markers.
    /// A claim's value as the article writes its number (`Rp 210 juta`, `1,204`).
    pub fn shown(&self, c: &crate::claims::Claim) -> String {
        self.shown_as(c.value, c)
    }
    /// A value written the way a claim's number is written.
    pub fn shown_as(&self, value: f64, like: &crate::claims::Claim) -> String {
        let language = self.doc.language;
        match like.mention.and_then(|i| self.mentions.get(i)) {
            Some(m) => numbers::format_like(value, m, language),
            None => numbers::format_number(value, language),
        }
    }
    pub fn claims(&self) -> &crate::claims::Claims {
        self.claims.get_or_init(|| crate::claims::Claims::new(self.doc, &self.mentions))
    }

    /// The block kind of a mention's block.
    pub fn is_heading_block(&self, block: usize) -> bool {
        self.doc.blocks.get(block).is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading))
    }

    /// "in the headline", "in paragraph 6", "earlier in this paragraph".
    pub fn where_is(&self, block: usize, from_block: usize) -> String {
        if block == from_block {
            return "earlier in this paragraph".to_string();
        }
        let kind = self.doc.blocks.get(block).map(|b| b.kind);
        if matches!(kind, Some(BlockKind::Title | BlockKind::Heading)) {
            let first = self.doc.blocks.iter().position(|b| !b.span.is_empty());
            return if first == Some(block) { "in the headline".to_string() } else { "in a subheading".to_string() };
        }
        format!("in paragraph {}", self.paragraph_numbers.get(block).copied().unwrap_or(0))
    }

    /// Place names after a preposition in a token range of a sentence, lowercased:
    /// `di Kabupaten Pasir Talang` -> `pasir talang`.
    pub fn places_in(&self, sentence: usize, range: Range<usize>) -> BTreeSet<String> {
        let words = &self.sentences[sentence];
        if range.start <= words.tokens.start && words.tokens.end <= range.end {
            return self.facts[sentence].places.get_or_init(|| self.find_places(sentence, range)).clone();
        }
        self.find_places(sentence, range)
    }

    fn find_places(&self, sentence: usize, range: Range<usize>) -> BTreeSet<String> {
        let doc = self.doc;
        let words = &self.sentences[sentence];
        let mut out = BTreeSet::new();
        let range = range.start.max(words.tokens.start)..range.end.min(words.tokens.end);
        crate::work::count(range.len());
        let heading = self.is_heading_block(doc.sentences[sentence].block);
        for t in range.clone() {
            let w = words.at(t).unwrap_or("");
            if !PLACE_PREPOSITIONS.contains(&w) || heading || crate::claims::where_said(doc, words.tokens.clone(), t) {
                continue;
            }
            let mut k = t + 1;
            // `di wilayahnya`, `di kabupaten tetangga`, `in neighbouring districts`: a part of the
            // area, named without a name.
            let first = words.at(k).unwrap_or("");
            let next = words.at(k + 1).unwrap_or("");
            let possessive = first.strip_suffix("nya").is_some_and(|stem| PLACE_TYPES.contains(&stem));
            if possessive
                || first == "ibu" && next == "kota"
                || first == "the" && next == "capital"
                || PLACE_TYPES.contains(&first) && matches!(next, "tetangga" | "lain" | "sebelah" | "terdekat" | "sekitar")
                || matches!(first, "neighbouring" | "neighboring" | "nearby" | "other" | "his" | "her" | "their")
                    && words.at(k + 1).is_some_and(|x| PLACE_TYPES.contains(&x.trim_end_matches('s')))
            {
                out.insert(format!("{first} {next}").trim().to_string());
                continue;
            }
            while k < range.end && words.at(k).is_some_and(|x| PLACE_TYPES.contains(&x)) {
                k += 1;
            }
            let mut name = Vec::new();
            while k < range.end && doc.tokens[k].kind == TokenKind::Word && is_capitalised(doc.token_str(&doc.tokens[k])) && name.len() < 4 {
                let lw = words.at(k).unwrap_or("");
                if WEEKDAYS_ID.contains(&lw) || WEEKDAYS_EN.contains(&lw) || numbers::month_number(lw).is_some() {
                    break;
                }
                name.push(lw.to_string());
                k += 1;
            }
            if !name.is_empty() {
                out.insert(name.join(" "));
            }
        }
        out
    }

    /// Days and dates a sentence names: weekdays, `kemarin`, `hari ini`, months and years.
    pub fn times_in(&self, sentence: usize) -> BTreeSet<String> {
        self.facts[sentence].times.get_or_init(|| self.find_times(sentence)).clone()
    }

    fn find_times(&self, sentence: usize) -> BTreeSet<String> {
        let words = &self.sentences[sentence];
        let mut out = BTreeSet::new();
        for (k, w) in words.lower().enumerate() {
            let t = words.tokens.start + k;
            if WEEKDAYS_ID.contains(&w) || WEEKDAYS_EN.contains(&w) || w == "jum'at" {
                // `Minggu` is also "week" in Indonesian: only a capitalised one is a day.
                if w == "minggu" && !is_capitalised(self.doc.token_str(&self.doc.tokens[t])) {
                    continue;
                }
                // `kata Syamsul, Rabu`: when it was said.
                if crate::claims::where_said(self.doc, words.tokens.clone(), t) {
                    continue;
                }
                out.insert(format!("day:{}", weekday_index(w).unwrap_or(0)));
            }
        }
        for phrase in RELATIVE_DAYS {
            if words.any_phrase_in(words.tokens.clone(), &[phrase]) {
                out.insert(format!("rel:{phrase}"));
            }
        }
        for m in self.in_sentence(sentence).map(|(_, m)| m) {
            if m.role == Role::Year || m.role == Role::Date && m.value >= 1000.0 {
                out.insert(format!("year:{}", m.value as i64));
            }
        }
        out
    }

    /// Years a sentence names other than the article's own.
    pub fn other_years_in(&self, sentence: usize) -> bool {
        *self.facts[sentence].other_years.get_or_init(|| {
            self.in_sentence(sentence)
                .map(|(_, m)| m)
                .filter(|m| m.role == Role::Year || m.role == Role::Date && m.value >= 1000.0)
                .any(|m| Some(m.value as i64) != self.year)
        })
    }

    /// The mentions of a sentence, with their indices.
    pub fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = (usize, &NumberMention)> {
        let range = self.sentence_mentions.get(sentence).cloned().unwrap_or(0..0);
        crate::work::count(range.len());
        range.clone().zip(&self.mentions[range])
    }

    /// The furthest end (`full_tokens.end`) of the sentence's mentions that end by `token`.
    pub fn mention_end_before(&self, sentence: usize, token: usize) -> Option<usize> {
        let ends = self.facts[sentence].mention_ends.get_or_init(|| {
            let mut ends: Vec<usize> = self.in_sentence(sentence).map(|(_, o)| o.full_tokens.end).collect();
            ends.sort_unstable();
            ends
        });
        ends[..ends.partition_point(|&e| e <= token)].last().copied()
    }

    /// The least start (`full_tokens.start`) of the sentence's mentions whose number starts at
    /// or after `token`.
    pub fn mention_start_after(&self, sentence: usize, token: usize) -> Option<usize> {
        let starts = self.facts[sentence].mention_starts.get_or_init(|| {
            let mut starts: Vec<(usize, usize)> = self.in_sentence(sentence).map(|(_, o)| (o.tokens.start, o.full_tokens.start)).collect();
            starts.sort_unstable();
            for k in (0..starts.len().saturating_sub(1)).rev() {
                starts[k].1 = starts[k].1.min(starts[k + 1].1);
            }
            starts
        });
        starts.get(starts.partition_point(|&(s, _)| s < token)).map(|&(_, least)| least)
    }

    /// The sentence's mentions whose number starts in `tokens`, by where they start.
    pub fn mentions_starting_in(&self, sentence: usize, tokens: Range<usize>) -> impl Iterator<Item = (usize, &NumberMention)> {
        let by_start = self.facts[sentence].by_start.get_or_init(|| {
            let mut v: Vec<(usize, usize)> = self.in_sentence(sentence).map(|(i, o)| (o.tokens.start, i)).collect();
            v.sort_unstable();
            v
        });
        let from = by_start.partition_point(|&(s, _)| s < tokens.start);
        by_start[from..].iter().take_while(move |&&(s, _)| s < tokens.end).map(|&(_, i)| {
            crate::work::count(1);
            (i, &self.mentions[i])
        })
    }

    /// `self.sentences[sentence].any_phrase_in(range, list)`, from the list's starts in the
    /// sentence, found once: figures ask it of ranges that grow with the sentence (the clause
    /// so far, the sentence before), once per figure.
    pub fn phrase_in(&self, sentence: usize, range: Range<usize>, list: &'static [&'static str]) -> bool {
        crate::work::count(1);
        let key = (sentence, list.as_ptr() as usize, list.len());
        let starts = self.phrase_starts.borrow().get(&key).cloned();
        let starts = starts.unwrap_or_else(|| {
            let words = &self.sentences[sentence];
            crate::work::count(words.tokens.len());
            let found: Rc<[usize]> = words.tokens.clone().filter(|&t| words.first_phrase_at(t, list).is_some()).collect();
            self.phrase_starts.borrow_mut().insert(key, found.clone());
            found
        });
        let words = &self.sentences[sentence];
        let range = range.start.max(words.tokens.start)..range.end.min(words.tokens.end);
        starts.get(starts.partition_point(|&t| t < range.start)).is_some_and(|&t| t < range.end)
    }

    /// The clause bounds of a sentence, found once.
    pub fn clause_boundaries(&self, sentence: usize) -> &[usize] {
        self.facts[sentence].boundaries.get_or_init(|| {
            let words = &self.sentences[sentence];
            crate::work::count(words.tokens.len());
            words.tokens.clone().filter(|&t| words.at(t).is_some_and(|w| matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–"))).collect()
        })
    }

    /// The mention whose number or currency starts at token `t`.
    pub fn mention_starting_at(&self, t: usize) -> Option<usize> {
        self.mention_at_token.get(&t).copied()
    }

    /// A document with more numbers than any article ([`MAX_MENTIONS`]): the figures rules
    /// leave it alone, and `figures/conflict` notes it.
    pub fn too_large(&self) -> bool {
        self.mentions.len() > MAX_MENTIONS
    }

    /// Capitalised words of a sentence that are not its first word, a weekday or a month: the
    /// names it mentions, to tell whose sentence or age a figure is.
    pub fn names_in(&self, sentence: usize) -> BTreeSet<String> {
        self.facts[sentence].names.get_or_init(|| self.find_names(sentence)).clone()
    }

    fn find_names(&self, sentence: usize) -> BTreeSet<String> {
        let doc = self.doc;
        let s = &doc.sentences[sentence];
        let mut out = BTreeSet::new();
        if self.is_heading_block(s.block) {
            return out;
        }
        let words = &self.sentences[sentence];
        crate::work::count(s.tokens.len());
        let is_name_word = |t: usize| doc.tokens[t].kind == TokenKind::Word && is_capitalised(doc.token_str(&doc.tokens[t]));
        // Where the run of capitalised words before the token starts, carried along (walked
        // back from each token, a long run of them cost its square).
        let mut run_start = s.tokens.start;
        for t in s.tokens.clone() {
            let n = if t > s.tokens.start && is_name_word(t - 1) { run_start } else { t };
            if !is_name_word(t) {
                run_start = t + 1;
            } else if n == t {
                run_start = t;
            }
            let tok = &doc.tokens[t];
            if tok.kind != TokenKind::Word || t == s.tokens.start {
                continue;
            }
            let after_quote = t > s.tokens.start && matches!(doc.token_str(&doc.tokens[t - 1]), "“" | "\"" | "‘" | "(");
            // The speaker of `kata Benny` is not whom the figure is about.
            if n > s.tokens.start && words.at(n - 1).is_some_and(|w| ATTRIBUTION.contains(&w)) {
                continue;
            }
            let text = doc.token_str(tok);
            let lw = words.at(t).unwrap_or("");
            let currency = matches!(lw, "rp" | "us" | "usd" | "idr");
            if is_capitalised(text) && !after_quote && !currency && !WEEKDAYS_ID.contains(&lw) && !WEEKDAYS_EN.contains(&lw) && numbers::month_number(lw).is_none() {
                out.insert(lw.to_string());
            }
        }
        out
    }
}

impl Article<'_, '_> {
    /// The named sources of a sentence: the capitalised name before a verb of saying, after
    /// `kata` / `said` / `menurut`, or opening the sentence before an apposition
    /// (`Abdurrahman Mangal, spokesperson for the governor, said`).
    pub fn speakers_in(&self, sentence: usize) -> BTreeSet<String> {
        self.facts[sentence].speakers.get_or_init(|| self.find_speakers(sentence)).clone()
    }

    fn find_speakers(&self, sentence: usize) -> BTreeSet<String> {
        if self.is_heading_block(self.doc.sentences[sentence].block) {
            return BTreeSet::new();
        }
        crate::claims::speakers(self.doc, self.sentences[sentence].tokens.clone()).into_iter().collect()
    }
}

pub(crate) fn weekday_index(word: &str) -> Option<u32> {
    // Asked of every word: without lowercasing a copy when the word is ASCII.
    if word.is_ascii() {
        let is = |d: &str| word.eq_ignore_ascii_case(d);
        let w = if is("jum'at") { "jumat" } else if is("ahad") { "minggu" } else { word };
        let find = |days: &[&str]| days.iter().position(|d| d.eq_ignore_ascii_case(w));
        return find(WEEKDAYS_ID).or_else(|| find(WEEKDAYS_EN)).map(|i| i as u32);
    }
    let w = word.to_lowercase();
    let w = if w == "jum'at" { "jumat".to_string() } else if w == "ahad" { "minggu".to_string() } else { w };
    WEEKDAYS_ID.iter().position(|d| *d == w).or_else(|| WEEKDAYS_EN.iter().position(|d| *d == w)).map(|i| i as u32)
}

/// First letter upper case.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A closed or half-open interval of values a figure allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    pub fn exact(v: f64, rounding: f64) -> Self {
        Interval { lo: v - rounding, hi: v + rounding, lo_open: false, hi_open: false }
    }
    /// Whether no value satisfies both.
    pub fn disjoint(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| a.hi < b.lo || a.hi == b.lo && (a.hi_open || b.lo_open);
        below(self, other) || below(other, self)
    }
}

/// A span from the first to the last of some mentions' spans.
pub(crate) fn join_spans(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

#[cfg(test)]
mod fixes_are_suggestions {
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::run;
    use crate::rules::Rule;

    /// The editor must decide which of two figures is wrong: no figures fix may be applied
    /// unattended.
    #[test]
    fn no_figures_rule_offers_a_safe_fix() {
        let rules: [&dyn Rule; 7] = [&super::duration::Duration, &super::conflict::Conflict, &super::sum::Sum, &super::percent::Percent, &super::weekday_date::WeekdayDate, &super::age::Age, &super::match_result::MatchResult];
        let texts = [
            (Id, "Pelaku ditangkap pada Jumat (24/4/2025) malam. Serangan itu menewaskan setidaknya 12 orang. Polisi mengatakan 10 orang tewas."),
            (Id, "Sebanyak 42 penumpang menjadi korban, terdiri atas 7 orang tewas, 19 luka berat, dan 14 luka ringan."),
            (Id, "Harga naik dari Rp 12.500 menjadi Rp 14.000, kenaikan 20 persen. Sekolah itu menyediakan 320 kursi, dan 40 persen di antaranya, atau 118 kursi, untuk warga."),
            (En, "The court ruled on Friday, April 24, 2025. Smith, a 40-year-old farmer born in 1990, spoke. Prices rose 12 percent, from 13,500 to 15,800."),
            (En, "The ferry carried 88 passengers. Eighty survived, five died and two are missing. Officials said the ferry carried 85 passengers."),
        ];
        let mut fired = 0;
        for rule in rules {
            let mut texts_for_rule: Vec<(crate::language::Language, &str)> = texts.to_vec();
            texts_for_rule.push((Id, rule.meta().example_bad));
            for (lang, text) in texts_for_rule {
                for d in run(rule, lang, text) {
                    fired += 1;
                    assert!(d.safe_fix().is_none(), "{}: a safe fix in {text}", d.code);
                }
            }
        }
        assert!(fired >= 6, "the texts should make the rules fire ({fired})");
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    pub use crate::rules::typography::test_support::{fixed, flagged, run};
}
