//! Numbers mentioned in a document, with their values: digits in either language's convention
//! (`1.500`, `2,5`, `1,500`, `12.4`), magnitude words (`1,2 triliun`, `3 million`), currencies
//! (`Rp`, `US$`), percentages (`40 persen`, `40%`) and numbers written in words (`dua belas`,
//! `dua puluh lima`, `seratus`, `forty-two`). Each mention also gets a role, so that years, dates,
//! clock times, phone numbers and labels (`Pasal 5`) are not mistaken for amounts.

use crate::diagnostic::Span;
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::prose::BlockKind;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An amount or a count.
    Quantity,
    Year,
    /// Part of a date: `24/4/2025`, `14 April`, `April 24`.
    Date,
    /// A clock time: `pukul 22.15`, `14.30 WIB`, `10:15`.
    Time,
    /// A phone number or a code that starts with a zero.
    Phone,
    /// A number that names rather than counts: `Pasal 5`, `No. 3`, `SMP Negeri 4`.
    Label,
    /// Joined to the next number by a hyphen or dash without spaces: a range (`10-12 orang`) or a
    /// score (`2-1`). Which one is up to the reader.
    PairStart,
    /// The second number of such a pair.
    PairEnd,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The digits or number words and a magnitude word after them (`1,2 triliun`).
    pub span: Span,
    /// Indices into `doc.tokens` of the number and its magnitude word.
    pub tokens: Range<usize>,
    /// Indices of everything that belongs to the amount: a currency before it, a percent sign
    /// or word after it.
    pub full_tokens: Range<usize>,
    pub value: f64,
    /// The other reading of an ambiguous separator: `1,500` in an Indonesian article is 1.5 by
    /// the house convention but 1500 in English-style copy.
    pub alt_value: Option<f64>,
    /// How far the true value may lie from the written one because it was rounded: half a unit
    /// of the last written decimal (`1,2 triliun`), a tenth of the magnitude for a whole number
    /// with a magnitude word (`3 triliun`), 0 otherwise.
    pub rounding: f64,
    /// Written in words (`dua belas`, `twelve`).
    pub in_words: bool,
    pub percent: bool,
    /// `Rp`, `US$`, `$`, `€`, `£`, ...
    pub currency: Option<&'static str>,
    /// The currency's word when it is written after the number (`164 juta dollar`), lowercased.
    pub currency_after: Option<String>,
    /// The magnitude word as written, lowercased (`triliun`, `billion`).
    pub magnitude: Option<String>,
    pub role: Role,
    pub block: usize,
    pub sentence: usize,
}

impl NumberMention {
    pub fn is_quantity(&self) -> bool {
        self.role == Role::Quantity
    }
    /// The value's unit: currency, percent or a bare count.
    pub fn same_unit(&self, other: &NumberMention) -> bool {
        self.currency == other.currency && self.percent == other.percent
    }
    /// A whole number: a count rather than a measure.
    pub fn is_whole(&self) -> bool {
        self.value.fract() == 0.0
    }
}

pub const ID_MONTHS: &[&str] = &[
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember",
];
pub const EN_MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/// The month (1-12) a word names, in either language, or a common abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if let Some(i) = ID_MONTHS.iter().position(|m| *m == w).or_else(|| EN_MONTHS.iter().position(|m| *m == w)) {
        return Some(i as u32 + 1);
    }
    match w {
        "jan" => Some(1),
        "feb" => Some(2),
        "mar" => Some(3),
        "apr" => Some(4),
        "jun" => Some(6),
        "jul" => Some(7),
        "agu" | "agt" | "aug" => Some(8),
        "sep" | "sept" => Some(9),
        "okt" | "oct" => Some(10),
        "nov" => Some(11),
        "des" | "dec" => Some(12),
        _ => None,
    }
}

const MAGNITUDES: &[(&str, f64)] = &[
    ("ribu", 1e3),
    ("rb", 1e3),
    ("juta", 1e6),
    ("jt", 1e6),
    ("miliar", 1e9),
    ("milyar", 1e9),
    ("triliun", 1e12),
    ("trilyun", 1e12),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];

pub fn magnitude_of(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    MAGNITUDES.iter().find(|(m, _)| *m == w).map(|(_, v)| *v)
}

/// Words after which a number names a thing rather than counting it.
const LABEL_WORDS: &[&str] = &[
    "pasal", "ayat", "nomor", "no", "nomer", "nr", "bab", "huruf", "butir", "article", "section", "chapter", "clause",
    "paragraph", "page", "halaman", "hlm", "hal", "rt", "rw", "blok", "block", "gang", "gg", "lantai", "floor", "kamar",
    "room", "gate", "pintu", "terminal", "km", "jalur", "line", "route", "rute", "flight", "penerbangan", "kode", "code",
    "versi", "version", "v", "seri", "series", "edisi", "edition", "jilid", "vol", "volume", "tahap", "phase", "putaran",
    "round", "babak", "leg", "season", "musim", "episode", "level", "kelas", "grade", "zona", "zone", "sektor", "sector",
    "peron", "platform", "nopol", "pukul", "jam", "pkl", "tahun", "year", "since", "sejak", "abad", "century", "usia",
    "grup", "group", "tol", "highway", "hotline", "telp", "tel", "hp", "wa", "ext",
];
const TIME_ZONES: &[&str] = &["wib", "wita", "wit", "gmt", "utc", "et", "est", "edt", "pst", "pdt", "cet", "jst", "am", "pm", "a.m.", "p.m."];
const WEEKDAY_WORDS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
];

/// Parsed digits: the value by the article's convention, another reading if the separator is
/// ambiguous, and the number of decimals written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digits {
    pub value: f64,
    pub alt_value: Option<f64>,
    pub decimals: u32,
}

/// Read `1.500`, `2,5`, `1,500,000`, `12.4` by the conventions of `language`, accepting the other
/// language's convention where it is unambiguous (machine-translated copy keeps it). `None` for
/// things that are not one number: `12.05.2025`, `1.2.3`, `14:30`.
pub fn parse_digits(s: &str, language: Language) -> Option<Digits> {
    if s.is_empty() || s.contains(':') || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    let (thousands, decimal) = match language {
        Language::Id => ('.', ','),
        Language::En => (',', '.'),
    };
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    let seps: Vec<char> = s.chars().filter(|c| *c == '.' || *c == ',').collect();
    let int = |t: &str| t.parse::<f64>().ok();
    let join = |parts: &[&str]| int(&parts.concat());
    let decimal_value = |whole: &[&str], frac: &str| -> Option<f64> {
        let w = join(whole)?;
        let f = int(frac)? / 10f64.powi(frac.len() as i32);
        Some(w + f)
    };
    if seps.is_empty() {
        return Some(Digits { value: int(s)?, alt_value: None, decimals: 0 });
    }
    let grouped = |parts: &[&str]| !parts[0].is_empty() && parts[0].len() <= 3 && parts[1..].iter().all(|g| g.len() == 3);
    let last = *seps.last()?;
    let mixed = seps.iter().any(|c| *c != last);
    if mixed {
        // `1.234,5` or `1,234.5`: the last separator is the decimal mark; the others group thousands.
        if seps[..seps.len() - 1].contains(&last) || !grouped(&groups[..groups.len() - 1]) {
            return None;
        }
        let frac = groups[groups.len() - 1];
        return Some(Digits { value: decimal_value(&groups[..groups.len() - 1], frac)?, alt_value: None, decimals: frac.len() as u32 });
    }
    if seps.len() > 1 {
        // `1.500.000`: thousands groups in either convention.
        return grouped(&groups).then(|| join(&groups)).flatten().map(|value| Digits { value, alt_value: None, decimals: 0 });
    }
    let (whole, frac) = (groups[0], groups[1]);
    if whole.is_empty() || frac.is_empty() {
        return None;
    }
    let as_thousands = (whole.len() <= 3 && frac.len() == 3).then(|| join(&groups)).flatten();
    let as_decimal = decimal_value(&[whole], frac)?;
    if last == thousands {
        match as_thousands {
            Some(value) => Some(Digits { value, alt_value: None, decimals: 0 }),
            // `4.5` in an Indonesian article, `2,5` in an English one: the other convention's decimal.
            None => Some(Digits { value: as_decimal, alt_value: None, decimals: frac.len() as u32 }),
        }
    } else {
        debug_assert_eq!(last, decimal);
        Some(Digits { value: as_decimal, alt_value: as_thousands, decimals: frac.len() as u32 })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Numeral {
    /// 0-9 (and English 10-19 in `small`).
    Unit(u64),
    /// English 11-19 and ten.
    Small(u64),
    /// English twenty..ninety.
    Tens(u64),
    /// Indonesian `belas` (+10), `puluh` (x10), `ratus` (x100).
    Belas,
    Puluh,
    Ratus,
    /// English `hundred`.
    Hundred,
    /// `sepuluh`, `sebelas`, `seratus`: a whole group by itself.
    Direct(u64),
    /// `ribu`, `juta`, `thousand`, `million`...
    Scale(u64),
    /// `seribu`, `sejuta`.
    DirectScale(u64),
}

fn numeral_id(w: &str) -> Option<Numeral> {
    use Numeral::*;
    Some(match w {
        "nol" => Unit(0),
        "satu" => Unit(1),
        "dua" => Unit(2),
        "tiga" => Unit(3),
        "empat" => Unit(4),
        "lima" => Unit(5),
        "enam" => Unit(6),
        "tujuh" => Unit(7),
        "delapan" => Unit(8),
        "sembilan" => Unit(9),
        "sepuluh" => Direct(10),
        "sebelas" => Direct(11),
        "seratus" => Direct(100),
        "belas" => Belas,
        "puluh" => Puluh,
        "ratus" => Ratus,
        "seribu" => DirectScale(1_000),
        "sejuta" => DirectScale(1_000_000),
        "ribu" => Scale(1_000),
        "juta" => Scale(1_000_000),
        "miliar" | "milyar" => Scale(1_000_000_000),
        "triliun" | "trilyun" => Scale(1_000_000_000_000),
        _ => return None,
    })
}

fn numeral_en(w: &str) -> Option<Numeral> {
    use Numeral::*;
    const SMALL: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(if i < 10 { Unit(i as u64) } else { Small(i as u64) });
    }
    if let Some(i) = TENS.iter().position(|s| *s == w) {
        return Some(Tens(20 + 10 * i as u64));
    }
    Some(match w {
        "hundred" => Hundred,
        "thousand" => Scale(1_000),
        "million" => Scale(1_000_000),
        "billion" => Scale(1_000_000_000),
        "trillion" => Scale(1_000_000_000_000),
        _ => return None,
    })
}

/// Accumulates numerals left to right; stops (returns false) at the first one that cannot
/// continue the number, so `dua tiga` ("two or three") is not read as one number.
#[derive(Default)]
struct WordNumber {
    total: u64,
    group: u64,
    pending: Option<u64>,
    last: Option<Numeral>,
    words: usize,
}

impl WordNumber {
    fn push(&mut self, n: Numeral) -> bool {
        use Numeral::*;
        // The units and tens places of the current group are taken.
        let units_taken = self.pending.is_some() || !self.group.is_multiple_of(10) || (10..20).contains(&(self.group % 100));
        let tens_taken = units_taken || !self.group.is_multiple_of(100);
        let ok = match n {
            Unit(u) => {
                if units_taken {
                    false
                } else {
                    self.pending = Some(u);
                    true
                }
            }
            Small(v) | Tens(v) => {
                if tens_taken {
                    false
                } else {
                    self.group += v;
                    true
                }
            }
            Belas | Puluh | Ratus => match self.pending.take() {
                Some(p) if p > 0 && (n == Ratus && self.group == 0 || n != Ratus && self.group.is_multiple_of(100)) => {
                    self.group += match n {
                        Belas => p + 10,
                        Puluh => p * 10,
                        _ => p * 100,
                    };
                    true
                }
                _ => false,
            },
            Hundred => {
                let g = self.group + self.pending.take().unwrap_or(0);
                if g == 0 || g >= 100 {
                    false
                } else {
                    self.group = g * 100;
                    true
                }
            }
            Direct(d) => {
                if tens_taken || d == 100 && self.group > 0 {
                    false
                } else {
                    self.group += d;
                    true
                }
            }
            Scale(s) => {
                let g = self.group + self.pending.take().unwrap_or(0);
                if g == 0 || self.total != 0 && self.total < s * 1000 {
                    false
                } else {
                    self.total += g * s;
                    self.group = 0;
                    true
                }
            }
            DirectScale(s) => {
                if self.pending.is_some() || self.group > 0 || self.words > 0 && self.total == 0 {
                    false
                } else {
                    self.total += s;
                    true
                }
            }
        };
        if ok {
            self.last = Some(n);
            self.words += 1;
        }
        ok
    }
    fn value(&self) -> u64 {
        self.total + self.group + self.pending.unwrap_or(0)
    }
}

/// The value of number words, in order: `["dua", "puluh", "lima"]` is 25. `None` unless every
/// word is part of one number.
pub fn parse_number_words(words: &[&str], language: Language) -> Option<u64> {
    let mut n = WordNumber::default();
    for w in words {
        let lower = w.to_lowercase();
        let parts: Vec<&str> = if language == Language::En { lower.split('-').collect() } else { vec![lower.as_str()] };
        for p in parts {
            let numeral = match language {
                Language::Id => numeral_id(p),
                Language::En => numeral_en(p),
            }?;
            if !n.push(numeral) {
                return None;
            }
        }
    }
    (n.words > 0).then(|| n.value())
}

fn currency_word_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "rp" | "idr" => "Rp",
        "usd" => "US$",
        "sgd" | "s" => "S$",
        "eur" | "€" => "€",
        "£" | "gbp" => "£",
        "rm" | "myr" => "RM",
        "¥" | "jpy" => "¥",
        "$" => "$",
        _ => return None,
    })
}

fn currency_word_after(w: &str) -> Option<&'static str> {
    Some(match w {
        "rupiah" => "Rp",
        "dolar" | "dollar" | "dollars" | "usd" => "$",
        "euro" | "euros" => "€",
        "ringgit" => "RM",
        "yuan" => "¥",
        _ => return None,
    })
}

/// Sentence index of every token.
pub fn sentence_of_tokens(doc: &Document) -> Vec<usize> {
    let mut out = vec![0; doc.tokens.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        for t in s.tokens.clone() {
            if let Some(slot) = out.get_mut(t) {
                *slot = i;
            }
        }
    }
    out
}

/// Every number mentioned in the document's prose, in order.
pub fn mentions(doc: &Document) -> Vec<NumberMention> {
    let sentence_of = sentence_of_tokens(doc);
    let mut out = Vec::new();
    for (block_index, range) in doc.block_tokens.iter().enumerate() {
        let heading = doc.blocks.get(block_index).is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading));
        let mut i = range.start;
        while i < range.end {
            match read_number(doc, i, range.clone()) {
                Some((value, alt_value, decimals, in_words, end)) => {
                    let mut m = NumberMention {
                        span: Span::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end),
                        tokens: i..end,
                        full_tokens: i..end,
                        value,
                        alt_value,
                        rounding: 0.0,
                        in_words,
                        percent: false,
                        currency: None,
                        currency_after: None,
                        magnitude: None,
                        role: Role::Quantity,
                        block: block_index,
                        sentence: sentence_of.get(i).copied().unwrap_or(0),
                    };
                    finish_mention(doc, &mut m, range.clone(), decimals, heading);
                    i = m.tokens.end.max(i + 1);
                    out.push(m);
                }
                None => i += 1,
            }
        }
    }
    // Grown by doubling, and kept while the figures rules run: give the unused part back.
    out.shrink_to_fit();
    out
}

/// The number starting at token `i`: (value, other reading, decimals, written in words, end token).
fn read_number(doc: &Document, i: usize, block: Range<usize>) -> Option<(f64, Option<f64>, u32, bool, usize)> {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => {
            let d = parse_digits(doc.token_str(t), doc.language)?;
            Some((d.value, d.alt_value, d.decimals, false, i + 1))
        }
        TokenKind::Word => {
            let first = doc.token_lower(i);
            // `salah satu` is "one of", not a count.
            if first == "satu" && i > block.start && doc.token_str(&doc.tokens[i - 1]).eq_ignore_ascii_case("salah") {
                return None;
            }
            // A word that is not a numeral (or a lone scale word like `ribu`) starts no number.
            let starts = match doc.language {
                Language::Id => matches!(numeral_id(first), Some(Numeral::Unit(_) | Numeral::Direct(_) | Numeral::DirectScale(_))),
                Language::En => {
                    first.split('-').next().and_then(numeral_en).is_some_and(|n| !matches!(n, Numeral::Hundred | Numeral::Scale(_)))
                        || first == "a" && i + 1 < block.end && matches!(doc.token_lower(i + 1), "hundred" | "thousand")
                }
            };
            if !starts {
                return None;
            }
            let mut n = WordNumber::default();
            let mut end = i;
            let mut j = i;
            while j < block.end {
                let tok = &doc.tokens[j];
                if tok.kind != TokenKind::Word || (j > i && !tok.space_before) {
                    break;
                }
                let w = doc.token_lower(j);
                if j == i && w == "a" {
                    n.pending = Some(1);
                    j += 1;
                    continue;
                }
                // `one hundred and five`
                if w == "and" && doc.language == Language::En && matches!(n.last, Some(Numeral::Hundred | Numeral::Scale(_))) {
                    if j + 1 < block.end && numeral_en(doc.token_lower(j + 1)).is_some_and(|x| matches!(x, Numeral::Unit(_) | Numeral::Small(_) | Numeral::Tens(_))) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                let parts: Vec<&str> = if doc.language == Language::En { w.split('-').collect() } else { vec![w] };
                let mut all = true;
                let snapshot = (n.total, n.group, n.pending, n.last, n.words);
                for p in &parts {
                    let numeral = match doc.language {
                        Language::Id => numeral_id(p),
                        Language::En => numeral_en(p),
                    };
                    if !numeral.is_some_and(|x| n.push(x)) {
                        all = false;
                        break;
                    }
                }
                if !all {
                    (n.total, n.group, n.pending, n.last, n.words) = snapshot;
                    break;
                }
                j += 1;
                end = j;
            }
            if n.words == 0 || end == i {
                return None;
            }
            Some((n.value() as f64, None, 0, true, end))
        }
        _ => None,
    }
}

fn lower_word<'d>(doc: &'d Document, i: usize, block: &Range<usize>) -> Option<&'d str> {
    (block.contains(&i)).then(|| doc.token_lower(i))
}

/// Attach a magnitude word, a currency and a percent sign, and settle the role.
fn finish_mention(doc: &Document, m: &mut NumberMention, block: Range<usize>, decimals: u32, heading: bool) {
    let i = m.tokens.start;
    let mut end = m.tokens.end;
    let text = doc.token_str(&doc.tokens[i]).to_string();
    let digits = !m.in_words;
    let glued = |k: usize| doc.tokens.get(k).is_some_and(|t| !t.space_before) && block.contains(&k);
    let punct_at = |k: usize, chars: &[&str]| block.contains(&k) && doc.tokens[k].kind == TokenKind::Punct && chars.contains(&doc.token_str(&doc.tokens[k]));
    let number_at = |k: usize| block.contains(&k) && doc.tokens[k].kind == TokenKind::Number;

    // A magnitude word after digits: `1,2 triliun`, `3 million`.
    let mut magnitude = 1.0;
    if digits {
        if let Some(w) = lower_word(doc, end, &block)
            && let Some(mag) = magnitude_of(w)
        {
            magnitude = mag;
            m.magnitude = Some(w.to_owned());
            end += 1;
        }
    } else if let Some(last) = lower_word(doc, end - 1, &block)
        && magnitude_of(last).is_some()
        && end - i > 1
    {
        m.magnitude = Some(last.to_owned());
    }
    m.value *= magnitude;
    m.alt_value = m.alt_value.map(|v| v * magnitude);
    if decimals > 0 {
        m.rounding = 0.5 * 10f64.powi(-(decimals as i32)) * magnitude;
    } else if m.magnitude.is_some() && digits {
        // `Rp 3 triliun`: writers who round say `Rp 3,4 triliun`; allow a tenth of a unit.
        m.rounding = 0.05 * magnitude;
    }
    m.tokens = i..end;
    m.span = Span::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end);

    // A currency before: `Rp 5.000`, `Rp. 5.000`, `US$3`, `$3`.
    let mut start = i;
    if i > block.start {
        let mut k = i - 1;
        if punct_at(k, &["."]) && k > block.start {
            k -= 1;
        }
        let w = doc.token_lower(k);
        if let Some(c) = currency_word_before(w) {
            m.currency = Some(c);
            start = k;
            if w == "$" && k > block.start && glued(k) {
                m.currency = Some(match doc.token_lower(k - 1) {
                    "us" => "US$",
                    "s" | "sg" => "S$",
                    "a" | "au" => "A$",
                    "hk" => "HK$",
                    _ => "$",
                });
                if m.currency != Some("$") {
                    start = k - 1;
                }
            }
        }
    }
    // A percent sign or word after, or a currency word: `40 persen`, `40%`, `5 juta rupiah`.
    if let Some(w) = lower_word(doc, end, &block) {
        if matches!(w, "%" | "persen" | "percent" | "prosen" | "pct") {
            m.percent = true;
            end += 1;
        } else if w == "per" && lower_word(doc, end + 1, &block) == Some("cent") {
            m.percent = true;
            end += 2;
        } else if m.currency.is_none()
            && let Some(c) = currency_word_after(w)
        {
            m.currency = Some(c);
            m.currency_after = Some(w.to_string());
            end += 1;
        }
    }
    m.full_tokens = start..end;

    // The role.
    let prev = (i > block.start).then(|| i - 1);
    let prev_word = prev.map(|p| doc.token_lower(p));
    let next_word = lower_word(doc, m.tokens.end, &block);
    if digits {
        let s = text.as_str();
        let plain = s.bytes().all(|b| b.is_ascii_digit());
        // Glued to another number by a separator: a date, a phone number, a range or a score.
        let joined_before = prev.is_some_and(|p| glued(i) && punct_at(p, &["/", "-", "–", "—", "."]) && p > block.start && number_at(p - 1) && glued(p));
        let joined_after = glued(i + 1) && punct_at(i + 1, &["/", "-", "–", "—", "."]) && number_at(i + 2) && glued(i + 2);
        let sep_before = prev.map(|p| doc.token_str(&doc.tokens[p]).to_string());
        let sep_after = joined_after.then(|| doc.token_str(&doc.tokens[i + 1]).to_string());
        let slash = sep_before.as_deref() == Some("/") && joined_before || sep_after.as_deref() == Some("/");
        let dotted_date = sep_before.as_deref() == Some(".") && joined_before || sep_after.as_deref() == Some(".");
        m.role = if s.contains(':') {
            Role::Time
        } else if (s.starts_with('0') && s.len() > 1 && !s.starts_with("0,") && !s.starts_with("0.")) || plain && s.len() >= 8 {
            Role::Phone
        } else if slash || dotted_date {
            Role::Date
        } else if prev_word.is_some_and(|w| matches!(w, "pukul" | "pkl" | "pk")) || next_word.is_some_and(|w| TIME_ZONES.contains(&w)) {
            Role::Time
        } else if joined_before || joined_after {
            let other = if joined_after { doc.token_str(&doc.tokens[i + 2]) } else { doc.token_str(&doc.tokens[i - 2]) };
            let year_like = |x: &str| x.len() == 4 && x.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
            if year_like(s) && (year_like(other) || other.len() <= 2) {
                Role::Year
            } else if joined_after {
                Role::PairStart
            } else {
                Role::PairEnd
            }
        } else if next_word.and_then(month_number).is_some() && m.value >= 1.0 && m.value <= 31.0 && m.is_whole() && m.magnitude.is_none() {
            Role::Date
        } else if plain && s.len() == 4 && m.magnitude.is_none() && !m.percent && m.currency.is_none() && (1800.0..=2100.0).contains(&m.value) {
            Role::Year
        } else if prev_word.and_then(month_number).is_some() && plain && m.magnitude.is_none() && !m.percent && m.value >= 1.0 && m.value <= 31.0 {
            Role::Date
        } else if is_label_context(doc, i, &block, heading) {
            Role::Label
        } else {
            Role::Quantity
        };
    } else if is_label_context(doc, i, &block, heading) {
        m.role = Role::Label;
    }
}

/// Whether a sentence starts at token `i`. (Sentences are in token order: a binary search, not a
/// scan of every sentence for every number.)
fn opens_a_sentence(doc: &Document, i: usize) -> bool {
    let at = doc.sentences.partition_point(|s| s.tokens.start < i);
    doc.sentences.get(at).is_some_and(|s| s.tokens.start == i)
}

/// A number that names: after `Pasal`, `No.`, `nomor`..., or right after a capitalised word in
/// running text (`SMP Negeri 4`, `Liga 1`).
fn is_label_context(doc: &Document, i: usize, block: &Range<usize>, heading: bool) -> bool {
    if i == block.start {
        return false;
    }
    // A number that opens a sentence counts.
    if opens_a_sentence(doc, i) {
        return false;
    }
    let mut k = i - 1;
    let after_dot = doc.token_str(&doc.tokens[k]) == "." && k > block.start;
    if after_dot {
        // `No. 5`
        k -= 1;
    }
    let prev = &doc.tokens[k];
    if prev.kind != TokenKind::Word {
        return false;
    }
    let w = doc.token_str(prev);
    let lower = w.to_lowercase();
    if LABEL_WORDS.contains(&lower.as_str()) {
        return true;
    }
    if after_dot {
        return false;
    }
    if heading || currency_word_before(&lower).is_some() || WEEKDAY_WORDS.contains(&lower.as_str()) || month_number(&lower).is_some() {
        return false;
    }
    // A capitalised word that does not open the sentence.
    let opens_sentence = opens_a_sentence(doc, k)
        // (`JAKARTA, KOMPAS — Sebanyak 126 ...`: the dateline's dash opens the lead's sentence.)
        || k > block.start && matches!(doc.token_str(&doc.tokens[k - 1]), "\"" | "“" | "(" | "‘" | "'" | "—" | "–");
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    // (`the Conservatives 31%`, `Partai Hijau 12 persen`: a share names nothing.)
    let share = i + 1 < block.end && matches!(doc.token_lower(i + 1), "%" | "persen" | "percent");
    capitalised && !opens_sentence && !share && !doc.tokens[i].line_break_before && !counts_a_noun_counted_nearby(doc, i, block)
}

/// Whether the number at `i` is followed by a lower-case noun that another number nearby counts
/// too: `Jawa Timur mengirim 28 atlet dan Jawa Tengah 17 atlet` is a count after a place, not a
/// label like `SMP Negeri 4`.
fn counts_a_noun_counted_nearby(doc: &Document, i: usize, block: &Range<usize>) -> bool {
    let next = i + 1;
    if next >= block.end || doc.tokens[next].kind != TokenKind::Word || !doc.token_str(&doc.tokens[next]).starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let noun = doc.token_lower(next);
    if noun.len() < 3 {
        return false;
    }
    let from = i.saturating_sub(30).max(block.start);
    let to = (i + 30).min(block.end.saturating_sub(1));
    (from..to).any(|k| k != i && doc.tokens[k].kind == TokenKind::Number && doc.token_lower(k + 1) == noun)
}

/// Format a value the way the article writes numbers: `1.500`, `2,5` in Indonesian; `1,500`,
/// `2.5` in English; at most two decimals.
pub fn format_number(value: f64, language: Language) -> String {
    let (thousands, decimal) = match language {
        Language::Id => ('.', ','),
        Language::En => (',', '.'),
    };
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let frac = ((abs - abs.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    if frac > 0 {
        grouped.push(decimal);
        let f = format!("{frac:02}");
        grouped.push_str(f.trim_end_matches('0'));
    }
    if negative { format!("-{grouped}") } else { grouped }
}

/// A value written like `like`: with its currency, magnitude word and percent (`Rp 3,7 triliun`).
pub fn format_like(value: f64, like: &NumberMention, language: Language) -> String {
    let mut s = String::new();
    if let Some(c) = like.currency.filter(|_| like.currency_after.is_none()) {
        s.push_str(c);
        if c.chars().all(char::is_alphabetic) {
            s.push(' ');
        }
    }
    match &like.magnitude {
        Some(word) if !like.in_words => {
            let m = magnitude_of(word).unwrap_or(1.0);
            s.push_str(&format_number(value / m, language));
            s.push(' ');
            s.push_str(word);
        }
        _ => s.push_str(&format_number(value, language)),
    }
    if let Some(w) = &like.currency_after {
        s.push(' ');
        s.push_str(w);
    }
    if like.percent {
        s.push_str(if language == Language::Id { " persen" } else { " percent" });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LanguageChoice;
    use crate::prose::DocFormat;

    fn doc(text: &str, language: Language) -> Document<'_> {
        Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(language), ..Default::default() })
    }

    fn quantities(text: &str, language: Language) -> Vec<(String, f64)> {
        let d = doc(text, language);
        mentions(&d).into_iter().filter(|m| m.is_quantity()).map(|m| (d.str(m.span).to_string(), m.value)).collect()
    }

    #[test]
    fn digits_by_convention() {
        use Language::{En, Id};
        assert_eq!(parse_digits("1.500", Id).unwrap().value, 1500.0);
        assert_eq!(parse_digits("2,5", Id).unwrap().value, 2.5);
        assert_eq!(parse_digits("1,500", En).unwrap().value, 1500.0);
        assert_eq!(parse_digits("3.500", Id).unwrap().value, 3500.0);
        assert_eq!(parse_digits("12.4", En).unwrap().value, 12.4);
        assert_eq!(parse_digits("1.500.000", Id).unwrap().value, 1_500_000.0);
        assert_eq!(parse_digits("1,500,000", Id).unwrap().value, 1_500_000.0);
        assert_eq!(parse_digits("1.234,5", Id).unwrap().value, 1234.5);
        // The other convention where it is unambiguous; both readings where it is not.
        assert_eq!(parse_digits("4.5", Id).unwrap().value, 4.5);
        let ambiguous = parse_digits("1,500", Id).unwrap();
        assert_eq!((ambiguous.value, ambiguous.alt_value), (1.5, Some(1500.0)));
        assert_eq!(parse_digits("12.05.2025", Id), None);
        assert_eq!(parse_digits("14:30", Id), None);
    }

    #[test]
    fn number_words() {
        use Language::{En, Id};
        let id = |s: &str| parse_number_words(&s.split(' ').collect::<Vec<_>>(), Id);
        let en = |s: &str| parse_number_words(&s.split(' ').collect::<Vec<_>>(), En);
        assert_eq!(id("dua belas"), Some(12));
        assert_eq!(id("dua puluh lima"), Some(25));
        assert_eq!(id("seratus"), Some(100));
        assert_eq!(id("sebelas"), Some(11));
        assert_eq!(id("delapan"), Some(8));
        assert_eq!(id("seratus dua puluh tiga"), Some(123));
        assert_eq!(id("tiga ratus ribu"), Some(300_000));
        assert_eq!(id("dua juta lima ratus ribu"), Some(2_500_000));
        assert_eq!(id("seribu dua ratus"), Some(1200));
        assert_eq!(id("dua tiga"), None);
        assert_eq!(en("twelve"), Some(12));
        assert_eq!(en("forty-two"), Some(42));
        assert_eq!(en("two hundred thousand"), Some(200_000));
        assert_eq!(en("three million"), Some(3_000_000));
        assert_eq!(en("twelve seven"), None);
    }

    #[test]
    fn amounts_with_magnitudes_currencies_and_percents() {
        let d = doc("Dana Rp 1,2 triliun dan US$3 juta, naik 40 persen atau 40%, dan Rp1.200 per lembar.", Language::Id);
        let m = mentions(&d);
        let q: Vec<_> = m.iter().map(|m| (d.str(m.span), m.value, m.currency, m.percent)).collect();
        assert_eq!(
            q,
            [
                ("1,2 triliun", 1.2e12, Some("Rp"), false),
                ("3 juta", 3e6, Some("US$"), false),
                ("40", 40.0, None, true),
                ("40", 40.0, None, true),
                ("1.200", 1200.0, Some("Rp"), false),
            ]
        );
        assert!((m[0].rounding - 0.05e12).abs() < 1.0);
        assert_eq!(m[2].rounding, 0.0);
    }

    #[test]
    fn words_in_sentences() {
        assert_eq!(
            quantities("Dua belas orang tewas, seratus luka, dan salah satu korban anak.", Language::Id),
            [("Dua belas".to_string(), 12.0), ("seratus".to_string(), 100.0)]
        );
        assert_eq!(
            quantities("Forty-two people died and one hundred and five were hurt; twelve seven.", Language::En),
            [("Forty-two".to_string(), 42.0), ("one hundred and five".to_string(), 105.0), ("twelve".to_string(), 12.0), ("seven".to_string(), 7.0)]
        );
        // A lone scale word is not a number.
        assert!(quantities("Ribuan orang dan ratusan ribu warga.", Language::Id).is_empty());
    }

    #[test]
    fn roles() {
        let d = doc(
            "Pada Kamis (24/4/2025) pukul 14.30 WIB, 12 orang di SMP Negeri 7 sesuai Pasal 5 tewas. Skor 2-1, sekitar 10-12 orang, telepon 081234567890, tahun 2024, 14 April lalu.",
            Language::Id,
        );
        let roles: Vec<(String, Role)> = mentions(&d).iter().map(|m| (d.str(m.span).to_string(), m.role)).collect();
        let role = |s: &str| roles.iter().find(|(t, _)| t == s).map(|(_, r)| *r);
        assert_eq!(role("24"), Some(Role::Date));
        assert_eq!(role("2025"), Some(Role::Date));
        assert_eq!(role("14.30"), Some(Role::Time));
        // A count after a place, when a number nearby counts the same noun.
        let d = Document::new("Jawa Timur mengirim 28 atlet dan Jawa Tengah 17 atlet.", DocFormat::PlainText, LanguageChoice { forced: Some(Language::Id), ..Default::default() });
        assert!(mentions(&d).iter().all(|m| m.role == Role::Quantity));
        let d = Document::new("Siswa SMP Negeri 4 dan 28 siswa lain datang.", DocFormat::PlainText, LanguageChoice { forced: Some(Language::Id), ..Default::default() });
        assert_eq!(mentions(&d)[0].role, Role::Label);
        assert_eq!(role("12"), Some(Role::Quantity));
        assert_eq!(role("7"), Some(Role::Label));
        assert_eq!(role("5"), Some(Role::Label));
        assert_eq!(role("2"), Some(Role::PairStart));
        assert_eq!(role("1"), Some(Role::PairEnd));
        assert_eq!(role("10"), Some(Role::PairStart));
        assert_eq!(role("081234567890"), Some(Role::Phone));
        assert_eq!(role("2024"), Some(Role::Year));
        assert_eq!(role("14"), Some(Role::Date));
        // After a dateline's dash, a capitalised word opens the lead's sentence: its number counts.
        for (text, language, figure) in [
            ("WAINGAPU, KOMPAS — Sebanyak 126 dari 420 sekolah kekurangan guru.", Language::Id, "126"),
            ("JAKARTA – Sekitar 40 rumah terendam banjir.", Language::Id, "40"),
            ("KYIV — About 300 people were evacuated.", Language::En, "300"),
        ] {
            let d = doc(text, language);
            let m = mentions(&d).into_iter().find(|m| d.str(m.span) == figure).unwrap();
            assert_eq!(m.role, Role::Quantity, "{text}");
        }
        // A capitalised name before a number mid-sentence is still a label.
        let d = doc("Mereka dirawat di RSUD Cibinong 2 sejak Senin.", Language::Id);
        assert_eq!(mentions(&d).iter().find(|m| d.str(m.span) == "2").map(|m| m.role), Some(Role::Label));
        // A share after a name is a share.
        for (text, language, figure) in [
            ("Labour took 42% of the vote and the Conservatives 31%, while the rest went to others.", Language::En, "31"),
            ("Partai Hijau meraih 40 persen suara dan Partai Biru 35 persen.", Language::Id, "35"),
        ] {
            let d = doc(text, language);
            let m = mentions(&d).into_iter().find(|m| d.str(m.span).starts_with(figure)).unwrap();
            assert_eq!(m.role, Role::Quantity, "{text}");
        }
    }

    #[test]
    fn headline_numbers_are_quantities() {
        let text = "Floods Swamp 34 Neighborhoods\n\nThe water rose.";
        assert_eq!(quantities(text, Language::En), [("34".to_string(), 34.0)]);
        // A number that opens a sentence after a capitalised word is not a label.
        let text = "Bus itu terguling Sabtu pukul 22.15 WIB. Tujuh orang tewas.";
        assert_eq!(quantities(text, Language::Id), [("Tujuh".to_string(), 7.0)]);
    }

    #[test]
    fn formatting() {
        assert_eq!(format_number(3700.0, Language::Id), "3.700");
        assert_eq!(format_number(3.7, Language::Id), "3,7");
        assert_eq!(format_number(11.6, Language::En), "11.6");
        assert_eq!(format_number(1_234_567.0, Language::En), "1,234,567");
        let d = doc("Dana Rp 3,5 triliun.", Language::Id);
        let m = &mentions(&d)[0];
        assert_eq!(format_like(3.7e12, m, Language::Id), "Rp 3,7 triliun");
    }
}
