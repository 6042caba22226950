//! Spans of time an article states (`selama lima hari`, `three and a half hours later`) against
//! the interval they measure when it is written out too: a range of days (`3–9 Agustus`,
//! `from March 3 to 9`, `21 Desember hingga 2 Januari`) or two clock times (`began at 6:40 p.m.
//! ... about three and a half hours later, at 11:50 p.m.`, `dari pukul 21.30 hingga 00.40`).
//!
//! A range of days may be counted with both ends (3–9 is seven days) or as nights (six): either
//! reading fits. Qualifiers widen what fits (`sekitar`, `more than`, `nearly`).

use super::Qualifier;
use crate::diagnostic::Span;
use crate::document::{Document, TokenKind};
use crate::numbers::{NumberMention, Role, month_number};
use std::ops::Range;

/// A stated span of time that the interval it measures contradicts.
#[derive(Debug, Clone, PartialEq)]
pub struct DurationMismatch {
    /// The stated duration (`lima hari`, `three and a half hours`).
    pub stated: Span,
    /// The two ends of the interval.
    pub from: Span,
    pub to: Span,
    /// The interval's length: days (counting both ends), or minutes.
    pub actual: f64,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    Minutes,
}

/// A duration as written: its value in days or minutes, its qualifier and its tokens.
#[derive(Debug, Clone)]
struct Stated {
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    tokens: Range<usize>,
    span: Span,
    /// The noun a duration written as an adjective measures: `strike` of `a nine-day strike`.
    adjective: Option<String>,
}

/// A clock time: minutes after midnight.
#[derive(Debug, Clone, Copy)]
struct Clock {
    minutes: u32,
    token: usize,
    end: usize,
    span: Span,
}

/// A day of a month: `3 Agustus`, `Aug. 9`, the `3` of `3–9 Agustus`.
#[derive(Debug, Clone, Copy)]
struct Day {
    day: u32,
    month: u32,
    year: Option<i64>,
    /// The year is written beside the day (`Aug. 16, 2026`), not the article's.
    explicit: bool,
    token: usize,
    span: Span,
}

/// Every stated duration the article's own interval contradicts, in text order.
pub fn mismatches(doc: &Document, mentions: &[NumberMention], year: Option<i64>) -> Vec<DurationMismatch> {
    let mut out = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(v) = by_sentence.get_mut(m.sentence) {
            v.push(i);
        }
    }
    // Durations first: most articles state none, and then nothing else is read.
    let stated: Vec<Vec<Stated>> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| {
            // (The sentence's words are read once for every qualifier asked of them.)
            let words = super::Words::new(doc, s.tokens.clone());
            let mut v: Vec<Stated> = by_sentence[si].iter().filter_map(|&i| stated_at(doc, &words, &mentions[i])).collect();
            v.extend(s.tokens.clone().filter_map(|t| worded_adjective(doc, &words, t)));
            v
        })
        .collect();
    if stated.iter().all(Vec::is_empty) {
        return out;
    }
    let clocks: Vec<Vec<Clock>> = doc.sentences.iter().map(|s| clocks_in(doc, &s.tokens)).collect();
    let days: Vec<Vec<Day>> = (0..doc.sentences.len()).map(|si| days_in(doc, mentions, &by_sentence[si], year)).collect();
    // The last clock written before each sentence, when a word of beginning stands right before
    // it (`The attack began at about 11:05 a.m.`): what a later `40 minutes later, at 11:55`
    // counts from when no other clock stands between.
    let mut last_clock: Option<(Clock, bool)> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        crate::work::count(s.tokens.len());
        let range = s.tokens.clone();
        // The clock of the sentence before, for `... three hours later, at 11:50 p.m.`, unless a
        // paragraph break stands between; else the event's beginning, the last clock before.
        let began = last_clock.filter(|(_, began)| *began).map(|(c, _)| c);
        let clocks_before = si.checked_sub(1).filter(|&p| doc.sentences[p].block == s.block).and_then(|p| clocks[p].last().copied()).or(began);
        if let Some(c) = clocks[si].last() {
            let began = (c.token.saturating_sub(4).max(range.start)..c.token).any(|k| BEGAN.contains(&doc.token_lower(k)));
            last_clock = Some((*c, began));
        }
        for d in &stated[si] {
            let found = match d.unit {
                Unit::Days => day_interval(doc, &days[si], d).map(|(a, b, n)| (a.span, b.span, n)),
                Unit::Minutes => clock_interval(doc, &clocks[si], clocks_before, d, &range).map(|(a, b, n)| (a.span, b.span, n)),
            }
            .or_else(|| begun_and_ended(doc, si, d, &clocks, &days))
            .or_else(|| interval_before(doc, si, d, &clocks, &days))
            .or_else(|| interval_of_the_noun(doc, si, d, &clocks, &days));
            if let Some((from, to, actual)) = found
                && !fits(d, actual)
            {
                out.push(DurationMismatch { stated: d.span, from, to, actual, unit: d.unit });
            }
        }
    }
    out
}

/// Words that say an event began at the point after them, and that it ended.
const BEGAN: &[&str] = &["mulai", "dimulai", "memulai", "bermula", "began", "begun", "begins", "started", "starts", "opened", "dibuka", "sejak", "since", "erupted", "broke"];
const ENDED: &[&str] = &["berakhir", "selesai", "diakhiri", "ended", "ends", "finished", "closed", "ditutup", "padam", "dipadamkan", "restored", "pulih", "dicabut", "lifted", "concluded"];

/// The interval an event's own words give it (`Rapat dimulai pukul 09.15 WIB dan baru berakhir
/// pukul 14.45 WIB`; `The strike began Oct. 3 ... It ended Sunday, Oct. 19`): a point after a
/// word of beginning and a later one after a word of ending, in one sentence or the next, within
/// two sentences of the duration. The duration must be the event's: its sentence opens with
/// `selama` / `for` right after them, or it names the event as an adjective (`a nine-day
/// strike`, `the 38-hour rescue`) whose noun stands before the word of beginning.
fn begun_and_ended(doc: &Document, si: usize, d: &Stated, clocks: &[Vec<Clock>], days: &[Vec<Day>]) -> Option<(Span, Span, f64)> {
    let n = doc.sentences.len();
    let near = si.saturating_sub(2)..(si + 3).min(n);
    let block = doc.sentences[si].block;
    // The nearest word of beginning or ending before a point, up to five words back.
    let after_word = |t: usize, list: &[&str], start: usize| {
        (start..t).rev().take(5).map(|k| doc.token_lower(k)).find(|w| BEGAN.contains(w) || ENDED.contains(w)).is_some_and(|w| list.contains(&w))
    };
    // Points: (token, sentence, minutes or day number, span).
    let mut points: Vec<(usize, usize, i64, Span)> = Vec::new();
    for k in near.clone() {
        if doc.sentences[k].block.abs_diff(block) > 1 {
            continue;
        }
        match d.unit {
            Unit::Minutes => points.extend(clocks[k].iter().map(|c| (c.token, k, i64::from(c.minutes), c.span))),
            Unit::Days => points.extend(days[k].iter().filter_map(|x| Some((x.token, k, ordinal(x)?, x.span)))),
        }
    }
    let begins: Vec<&(usize, usize, i64, Span)> = points.iter().filter(|p| after_word(p.0, BEGAN, doc.sentences[p.1].tokens.start)).collect();
    let ends: Vec<&(usize, usize, i64, Span)> = points.iter().filter(|p| after_word(p.0, ENDED, doc.sentences[p.1].tokens.start)).collect();
    let ([b], [e]) = (begins.as_slice(), ends.as_slice()) else { return None };
    if !(e.0 > b.0 && (e.1 == b.1 || e.1 == b.1 + 1)) {
        return None;
    }
    // The duration is the event's.
    let s = &doc.sentences[si];
    // (`... at 4:15 p.m. For nearly five hours, ...` may be read as one sentence.)
    let opens = (si == e.1 + 1 && d.tokens.start - s.tokens.start <= 3 || si == e.1 && d.tokens.start > e.0)
        && (d.tokens.start.saturating_sub(3).max(s.tokens.start)..d.tokens.start).any(|k| matches!(doc.token_lower(k), "selama" | "for" | "sepanjang"));
    let adjective = d.adjective.as_deref().is_some_and(|noun| {
        let from = doc.sentences[b.1].tokens.start;
        (from..b.0).any(|k| doc.token_lower(k) == noun)
    });
    if !(opens || adjective) || d.tokens.start > b.0 && d.tokens.end < e.0 {
        return None;
    }
    let actual = match d.unit {
        Unit::Minutes => (e.2 - b.2).rem_euclid(24 * 60),
        Unit::Days => e.2 - b.2 + 1,
    };
    (actual > 0).then_some((b.3, e.3, actual as f64))
}

/// `... sekitar pukul 02.30 WIB dan baru surut pukul 11.00 WIB. Selama enam jam itu, ...`, `For
/// those six hours ...`: a duration pointed back at (`itu`, `tersebut`, `those`, `these`) is the
/// interval between the only two points of its unit in the sentence before, when its own sentence
/// has none.
fn interval_before(doc: &Document, si: usize, d: &Stated, clocks: &[Vec<Clock>], days: &[Vec<Day>]) -> Option<(Span, Span, f64)> {
    let s = &doc.sentences[si];
    let after = if d.tokens.end < s.tokens.end { doc.token_lower(d.tokens.end) } else { "" };
    let before = if d.tokens.start > s.tokens.start { doc.token_lower(d.tokens.start - 1) } else { "" };
    if d.adjective.is_some() || !(matches!(after, "itu" | "tersebut") || matches!(before, "those" | "these")) {
        return None;
    }
    // (`... until 11 a.m. For those six hours` may be read as one sentence: its points before the
    // duration count as the sentence before's.)
    let p = si.checked_sub(1).filter(|&p| doc.sentences[p].block + 1 >= s.block);
    match d.unit {
        Unit::Minutes => {
            let points: Vec<&Clock> = p.map_or(&[][..], |p| &clocks[p][..]).iter().chain(clocks[si].iter()).collect();
            let [a, b] = points.as_slice() else { return None };
            if b.token > d.tokens.start {
                return None;
            }
            let n = (b.minutes + 24 * 60 - a.minutes) % (24 * 60);
            (n > 0).then_some((a.span, b.span, f64::from(n)))
        }
        Unit::Days => {
            let points: Vec<&Day> = p.map_or(&[][..], |p| &days[p][..]).iter().chain(days[si].iter()).collect();
            let [a, b] = points.as_slice() else { return None };
            if b.token > d.tokens.start {
                return None;
            }
            let n = ordinal(b)? - ordinal(a)? + 1;
            (2..=400).contains(&n).then_some((a.span, b.span, n as f64))
        }
    }
}

/// `The 12-day Harborlight Festival opens Friday ... The festival, which runs from Aug. 8 to Aug.
/// 17, ...`: a duration that names its event as an adjective is the one range of days or clock
/// times, within three sentences, of a sentence that names the event before the range.
fn interval_of_the_noun(doc: &Document, si: usize, d: &Stated, clocks: &[Vec<Clock>], days: &[Vec<Day>]) -> Option<(Span, Span, f64)> {
    let adjective = d.adjective.as_deref()?;
    // The noun after the adjective, or every word of a name after it (`the 12-day Harborlight
    // Festival`).
    let s = &doc.sentences[si].tokens;
    let capital = |t: usize| doc.token_str(&doc.tokens[t]).chars().next().is_some_and(char::is_uppercase);
    let mut t = (d.tokens.start..s.end).find(|&t| doc.token_lower(t) == adjective)?;
    let mut nouns = vec![adjective];
    while capital(t) && t + 1 < s.end && doc.tokens[t + 1].kind == TokenKind::Word && capital(t + 1) {
        t += 1;
        nouns.push(doc.token_lower(t));
    }
    let block = doc.sentences[si].block;
    let mut found = None;
    for k in si.saturating_sub(3)..(si + 4).min(doc.sentences.len()) {
        let sk = &doc.sentences[k];
        if k == si || sk.block.abs_diff(block) > 2 {
            continue;
        }
        let interval = match d.unit {
            Unit::Days => {
                let pairs = joined_days(doc, &days[k]);
                let [(a, b)] = pairs.as_slice() else { continue };
                let n = ordinal(b)? - ordinal(a)? + 1;
                (a.token, a.span, b.span, n as f64)
            }
            Unit::Minutes => {
                let [a, b] = clocks[k].as_slice() else { continue };
                let between: Vec<&str> = (a.end..b.token).map(|t| doc.token_lower(t)).collect();
                if !(between.len() <= 3 && between.iter().any(|w| matches!(*w, "hingga" | "sampai" | "to" | "until" | "till" | "-" | "–"))) {
                    continue;
                }
                (a.token, a.span, b.span, f64::from((b.minutes + 24 * 60 - a.minutes) % (24 * 60)))
            }
        };
        if !(sk.tokens.start..interval.0).any(|t| nouns.contains(&doc.token_lower(t))) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some((interval.1, interval.2, interval.3));
    }
    found.filter(|f| f.2 > 0.0 && (d.unit == Unit::Minutes || f.2 <= 400.0))
}

/// Whether a stated duration allows the interval's length. A range of days fits counting both
/// ends or one (nights); a clock interval within a minute.
fn fits(d: &Stated, actual: f64) -> bool {
    let candidates: Vec<f64> = match d.unit {
        Unit::Days => vec![actual, actual - 1.0],
        Unit::Minutes => vec![actual],
    };
    let slack = match d.unit {
        Unit::Days => 0.0,
        Unit::Minutes => 1.0,
    };
    candidates.iter().any(|&a| match d.qualifier {
        Qualifier::Exact => (a - d.value).abs() <= slack || d.unit == Unit::Minutes && (a - d.value).abs() <= d.value * 0.05,
        Qualifier::About => (a - d.value).abs() <= (d.value * 0.2).max(slack + if d.unit == Unit::Minutes { 15.0 } else { 1.0 }),
        Qualifier::AtLeast => a >= d.value - slack,
        Qualifier::MoreThan => a > d.value - slack,
        Qualifier::Nearly => a <= d.value + slack && a >= d.value * 0.88 - slack,
        Qualifier::LessThan | Qualifier::UpTo => a <= d.value + slack,
        Qualifier::Range => true,
    })
}

fn word<'d>(doc: &'d Document<'_>, t: usize, range: &Range<usize>) -> &'d str {
    if range.contains(&t) { doc.token_lower(t) } else { "" }
}

/// A duration read at a number: `lima hari`, `five days`, `three and a half hours`, `tiga
/// setengah jam`, `2 jam 30 menit`, `dua pekan`.
fn stated_at(doc: &Document, words: &super::Words, m: &NumberMention) -> Option<Stated> {
    let range = &words.range;
    if m.role != Role::Quantity || m.percent || m.currency.is_some() || m.value <= 0.0 {
        return None;
    }
    // `a nine-day strike`, `the 38-hour rescue`: an adjective, one token or three.
    let last = doc.token_lower(m.tokens.end - 1);
    let glued = |t: usize| doc.tokens.get(t).is_some_and(|x| !x.space_before);
    let adjective_unit = last.rsplit_once('-').and_then(|(_, u)| unit_of(u)).map(|u| (u, m.tokens.end))
        .or_else(|| (word(doc, m.tokens.end, range) == "-" && glued(m.tokens.end) && glued(m.tokens.end + 1)).then(|| unit_of(word(doc, m.tokens.end + 1, range)).map(|u| (u, m.tokens.end + 2))).flatten());
    if let Some(((unit, factor), end)) = adjective_unit {
        let noun = word(doc, end, range);
        if noun.is_empty() || !doc.tokens[end].kind.eq(&TokenKind::Word) {
            return None;
        }
        let qualifier = super::qualifier_before(words, m.tokens.start).0;
        return Some(Stated { value: m.value * factor, unit, qualifier, tokens: m.tokens.start..end, span: Span::new(m.span.start, doc.tokens[end - 1].span.end), adjective: Some(noun.to_string()) });
    }
    let mut t = m.tokens.end;
    let mut value = m.value;
    // `three and a half hours`, `tiga setengah jam`.
    if word(doc, t, range) == "and" && word(doc, t + 1, range) == "a" && word(doc, t + 2, range) == "half" {
        value += 0.5;
        t += 3;
    } else if word(doc, t, range) == "setengah" {
        value += 0.5;
        t += 1;
    }
    let (unit, factor) = unit_of(word(doc, t, range))?;
    // `dua hari kerja`, `five business days`: not every day of the range.
    if matches!(word(doc, t + 1, range), "kerja" | "kalender") || t > 0 && matches!(word(doc, t - 1, range), "business" | "working") {
        return None;
    }
    // (`a 12-hour shift` read above; a unit glued to the number is no duration here.)
    if glued(t) {
        return None;
    }
    let mut value = value * factor;
    let mut end = t + 1;
    // `2 jam 30 menit`, `5 hours and 10 minutes`.
    if unit == Unit::Minutes && factor == 60.0 {
        let mut k = end;
        if matches!(word(doc, k, range), "dan" | "and") {
            k += 1;
        }
        if doc.tokens.get(k).is_some_and(|x| x.kind == TokenKind::Number)
            && matches!(word(doc, k + 1, range), "menit" | "minutes" | "minute")
            && let Ok(minutes) = doc.token_str(&doc.tokens[k]).parse::<f64>()
        {
            value += minutes;
            end = k + 2;
        }
    }
    let qualifier = super::qualifier_before(words, m.tokens.start).0;
    Some(Stated { value, unit, qualifier, tokens: m.tokens.start..end, span: Span::new(m.span.start, doc.tokens[end - 1].span.end), adjective: None })
}

/// A unit of time and how many days or minutes it is.
fn unit_of(w: &str) -> Option<(Unit, f64)> {
    match w {
        "hari" | "day" | "days" => Some((Unit::Days, 1.0)),
        "pekan" | "week" | "weeks" => Some((Unit::Days, 7.0)),
        "jam" | "hour" | "hours" => Some((Unit::Minutes, 60.0)),
        "menit" | "minute" | "minutes" => Some((Unit::Minutes, 1.0)),
        _ => None,
    }
}

/// A duration adjective in words, one token: `a nine-day strike`, `the three-hour meeting`.
fn worded_adjective(doc: &Document, words: &super::Words, t: usize) -> Option<Stated> {
    let range = &words.range;
    if doc.tokens[t].kind != TokenKind::Word {
        return None;
    }
    let (number, unit) = doc.token_lower(t).rsplit_once('-')?;
    let (unit, factor) = unit_of(unit)?;
    let value = crate::numbers::parse_number_words(&number.split('-').collect::<Vec<_>>(), doc.language)? as f64;
    let noun = word(doc, t + 1, range);
    if noun.is_empty() || doc.tokens[t + 1].kind != TokenKind::Word || value <= 0.0 {
        return None;
    }
    Some(Stated { value: value * factor, unit, qualifier: super::qualifier_before(words, t).0, tokens: t..t + 2, span: doc.tokens[t].span, adjective: Some(noun.to_string()) })
}

/// The clock times of a sentence: `6:40 p.m.`, `pukul 21.30`, `00.40 WIB`, `8 p.m.`, `pukul 9
/// malam`.
fn clocks_in(doc: &Document, range: &Range<usize>) -> Vec<Clock> {
    let mut out = Vec::new();
    for t in range.clone() {
        if doc.tokens[t].kind != TokenKind::Number {
            continue;
        }
        let text = doc.token_str(&doc.tokens[t]);
        let before = if t > range.start { doc.token_lower(t - 1) } else { "" };
        let clock_word = matches!(before, "pukul" | "pkl" | "jam" | "at" | "hingga" | "sampai" | "until" | "to" | "dan" | "and");
        let (hours, minutes, colon) = match text.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 && !h.is_empty() && h.len() <= 2 => match (h.parse::<u32>(), m.parse::<u32>()) {
                (Ok(h), Ok(m)) if h <= 24 && m < 60 => (h, m, text.contains(':')),
                _ => continue,
            },
            None if text.len() <= 2 => match text.parse::<u32>() {
                Ok(h) if (1..=12).contains(&h) => (h, 0, false),
                _ => continue,
            },
            _ => continue,
        };
        // What follows: `a.m.` / `p.m.` (one token or four), a time zone, a part of the day.
        let after: Vec<&str> = (t + 1..(t + 5).min(range.end)).map(|k| doc.token_lower(k)).collect();
        let (pm, am, meridiem_len) = match after.as_slice() {
            ["p", ".", "m", ..] => (true, false, 3 + usize::from(after.get(3) == Some(&"."))),
            ["a", ".", "m", ..] => (false, true, 3 + usize::from(after.get(3) == Some(&"."))),
            ["pm" | "p.m" | "p.m.", ..] => (true, false, 1),
            ["am" | "a.m" | "a.m.", ..] => (false, true, 1),
            _ => (false, false, 0),
        };
        let zone = after.first().is_some_and(|w| matches!(*w, "wib" | "wita" | "wit" | "gmt" | "utc"));
        let evening = after.first().is_some_and(|w| matches!(*w, "sore" | "malam")) && before == "pukul";
        if !(colon && clock_word || pm || am || zone || before == "pukul" || before == "pkl" || text.contains('.') && clock_word && before != "to" && before != "and" && before != "dan") {
            continue;
        }
        // A bare hour needs its `p.m.` or `pukul`.
        if !(text.contains([':', '.']) || pm || am || before == "pukul") {
            continue;
        }
        let mut h = hours;
        if (pm || evening && (5..12).contains(&h)) && h < 12 {
            h += 12;
        }
        if am && h == 12 {
            h = 0;
        }
        let end = t + 1 + meridiem_len;
        out.push(Clock { minutes: (h % 24) * 60 + minutes, token: t, end, span: Span::new(doc.tokens[t].span.start, doc.tokens[end - 1].span.end) });
    }
    out
}

/// The clock interval a stated duration measures: two clock times of its sentence joined as a
/// range (`dari pukul 21.30 hingga 00.40`, `from 9 a.m. to 5 p.m.`, `between ... and ...`), or a
/// duration `later` / `kemudian` with a clock after it and the one before in this sentence or
/// the last of the sentence before (`began at 6:40 p.m., and power was restored about three and a
/// half hours later, at 11:50 p.m.`).
fn clock_interval(doc: &Document, clocks: &[Clock], before: Option<Clock>, d: &Stated, range: &Range<usize>) -> Option<(Clock, Clock, f64)> {
    let length = |a: &Clock, b: &Clock| f64::from((b.minutes + 24 * 60 - a.minutes) % (24 * 60));
    // Joined as a range: only two clocks in the sentence, a range word between them.
    if let [a, b] = clocks {
        let between: Vec<&str> = (a.end..b.token).map(|k| doc.token_lower(k)).collect();
        let joined = between.len() <= 3 && between.iter().any(|w| matches!(*w, "hingga" | "sampai" | "to" | "until" | "till" | "and" | "dan" | "-" | "–" | "—" | "s.d." | "sd"));
        let opened = (range.start..a.token).rev().take(3).any(|k| matches!(doc.token_lower(k), "dari" | "sejak" | "from" | "between" | "antara" | "mulai"));
        // The duration must say it is this interval's: `selama`, `for`, `lasted`, in the
        // sentence, and no other duration there.
        let of_it = (range.start..d.tokens.start).any(|k| matches!(doc.token_lower(k), "selama" | "for" | "lasted" | "berlangsung" | "lamanya" | "atau" | "or"));
        if joined && opened && of_it {
            return Some((*a, *b, length(a, b)));
        }
    }
    // `... three and a half hours later, at 11:50 p.m.`
    let later = matches!(word(doc, d.tokens.end, range), "later" | "kemudian" | "afterwards" | "setelahnya");
    if later {
        let after = clocks.iter().find(|c| c.token >= d.tokens.end && c.token <= d.tokens.end + 4)?;
        let earlier: Vec<&Clock> = clocks.iter().filter(|c| c.end <= d.tokens.start).collect();
        let from = match earlier.as_slice() {
            [one] => **one,
            [] => before?,
            _ => return None,
        };
        return Some((from, *after, length(&from, after)));
    }
    None
}

/// The days of a sentence with their months: `3 Agustus`, `Aug. 9`, both ends of `3–9 Agustus`
/// and of `3 hingga 9 Agustus`.
fn days_in(doc: &Document, mentions: &[NumberMention], indices: &[usize], year: Option<i64>) -> Vec<Day> {
    let mut out: Vec<Day> = Vec::new();
    let month_at = |t: usize| (t < doc.tokens.len()).then(|| month_number(doc.token_lower(t))).flatten();
    let year_at = |t: usize| {
        let t = if t < doc.tokens.len() && doc.token_str(&doc.tokens[t]) == "," { t + 1 } else { t };
        (t < doc.tokens.len() && doc.tokens[t].kind == TokenKind::Number).then(|| doc.token_str(&doc.tokens[t]).parse::<i64>().ok().filter(|y| (1900..2200).contains(y))).flatten()
    };
    for &i in indices {
        let m = &mentions[i];
        if !(m.is_whole() && (1.0..=31.0).contains(&m.value) && matches!(m.role, Role::Date | Role::PairStart | Role::PairEnd | Role::Quantity)) {
            continue;
        }
        let t = m.tokens.start;
        let end = m.tokens.end;
        // `3 Agustus` or `Aug. 3` / `August 3`.
        let after = month_at(end).map(|mo| (mo, year_at(end + 1)));
        let before = (t >= 1).then(|| month_at(t - 1)).flatten().or_else(|| (t >= 2 && doc.token_str(&doc.tokens[t - 1]) == ".").then(|| month_at(t - 2)).flatten()).map(|mo| (mo, year_at(end).or_else(|| year_at(end + 1).filter(|_| doc.token_str(&doc.tokens[end]) == ","))));
        // The day with its month word, for messages: `9 Agustus`, `Oct. 3`.
        let with_month = if after.is_some() {
            Span::new(m.span.start, doc.tokens[end].span.end)
        } else if before.is_some() {
            let from = if doc.token_str(&doc.tokens[t - 1]) == "." { t - 2 } else { t - 1 };
            Span::new(doc.tokens[from].span.start, m.span.end)
        } else {
            m.span
        };
        let day = Day { day: m.value as u32, month: 0, year: None, explicit: false, token: t, span: with_month };
        match after.or(before) {
            Some((month, y)) => {
                // The first end of a range takes this month: `3–9 Agustus`, `3 hingga 9 Agustus`.
                if let Some(prev) = out.last_mut()
                    && prev.month == 0
                {
                    prev.month = month;
                    prev.year = y.or(year);
                    prev.explicit = y.is_some();
                }
                out.push(Day { month, year: y.or(year), explicit: y.is_some(), ..day });
            }
            None => {
                // The second end of a range takes the first's month: `Aug. 3 to 9`, `August 3-9`.
                let range_word = t >= 1 && matches!(doc.token_lower(t - 1), "to" | "-" | "–" | "hingga" | "sampai" | "until" | "through" | "and" | "dan");
                match out.last() {
                    Some(prev) if prev.month != 0 && range_word && t - prev.token <= 5 => out.push(Day { month: prev.month, year: prev.year, ..day }),
                    _ if m.role == Role::PairStart || matches!(doc.tokens.get(end).map(|x| doc.token_str(x)), Some("hingga" | "sampai" | "-" | "–")) || end < doc.tokens.len() && matches!(doc.token_lower(end), "hingga" | "sampai" | "to" | "until" | "through") => out.push(day),
                    _ => {}
                }
            }
        }
    }
    out.retain(|d| d.month != 0);
    // `from Aug. 7 to Aug. 16, 2026`: the first end of a range takes the year written at the second.
    for i in 1..out.len() {
        let (a, b) = (out[i - 1], out[i]);
        if b.explicit && !a.explicit && b.token - a.token <= 6 {
            out[i - 1].year = b.year.map(|y| if a.month > b.month { y - 1 } else { y });
        }
    }
    out
}

/// The range of days a stated number of days measures: two days of its sentence joined by a
/// range word with at most three words between, both after a duration or right before it.
fn day_interval<'a>(doc: &Document, days: &'a [Day], d: &Stated) -> Option<(&'a Day, &'a Day, f64)> {
    let pairs = joined_days(doc, days);
    // One range in the sentence, near the duration (within eight words either side).
    let [(a, b)] = pairs.as_slice() else { return None };
    let near = (a.token <= d.tokens.start && d.tokens.start - b.token <= 8) || (a.token >= d.tokens.end && a.token - d.tokens.end <= 8);
    if !near {
        return None;
    }
    // The words around the duration must make it the range's length: `selama`, `for`, `lasted`,
    // or the duration and the range side by side (`lima hari, 3–9 Agustus`); not a span after or
    // before it (`lima hari kemudian`, `two days before`).
    let w = |t: usize| if t < doc.tokens.len() { doc.token_lower(t) } else { "" };
    if matches!(w(d.tokens.end), "kemudian" | "later" | "after" | "setelah" | "setelahnya" | "sebelum" | "sebelumnya" | "before" | "earlier" | "lagi" | "ago" | "lalu" | "silam") {
        return None;
    }
    let side_by_side = b.token < d.tokens.start && d.tokens.start - b.token <= 4 || a.token >= d.tokens.end && a.token - d.tokens.end <= 3;
    let of_it = (d.tokens.start.saturating_sub(4)..d.tokens.start).any(|t| matches!(w(t), "selama" | "for" | "lasted" | "lasts" | "berlangsung" | "lamanya" | "sepanjang" | "during" | "runs" | "ran"));
    if !(side_by_side || of_it) {
        return None;
    }
    let from = ordinal(a)?;
    let mut to = ordinal(b)?;
    // `December 28 to January 3`: into the next year, when no year says otherwise.
    if to < from && b.month < a.month && a.year == b.year {
        to = ordinal(&Day { year: Some(b.year.unwrap_or(2001) + 1), ..**b })?;
    }
    let n = to - from + 1;
    (1..=400).contains(&n).then_some((*a, *b, n as f64))
}

/// Pairs of days joined as a range: a range word between them, with at most three words.
fn joined_days<'a>(doc: &Document, days: &'a [Day]) -> Vec<(&'a Day, &'a Day)> {
    days.windows(2)
        .map(|w| (&w[0], &w[1]))
        .filter(|(a, b)| {
            let between: Vec<&str> = (a.token + 1..b.token).map(|k| doc.token_lower(k)).filter(|w| month_number(w).is_none() && *w != "." && w.parse::<u32>().is_err()).collect();
            between.len() <= 3 && between.iter().any(|w| matches!(*w, "hingga" | "sampai" | "to" | "until" | "through" | "-" | "–" | "—" | "s.d."))
        })
        .collect()
}

/// A day's number counted from a fixed day (for differences only).
fn ordinal(d: &Day) -> Option<i64> {
    let y = d.year.unwrap_or(2001);
    let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let lengths = [31, if leap(y) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if d.month == 0 || d.month > 12 || d.day == 0 || d.day > lengths[d.month as usize - 1] {
        return None;
    }
    let days_before_year: i64 = (2000..y).map(|yy| if leap(yy) { 366 } else { 365 }).sum::<i64>() - (y..2000).map(|yy| if leap(yy) { 366 } else { 365 }).sum::<i64>();
    let before_month: i64 = lengths[..d.month as usize - 1].iter().map(|&x| i64::from(x)).sum();
    Some(days_before_year + before_month + i64::from(d.day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LanguageChoice;
    use crate::language::Language;
    use crate::prose::DocFormat;

    fn found(language: Language, text: &str) -> Vec<String> {
        let doc = Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(language), ..Default::default() });
        let mentions = crate::numbers::mentions(&doc);
        mismatches(&doc, &mentions, Some(2025)).iter().map(|m| text[m.stated.range()].to_string()).collect()
    }

    #[test]
    fn a_range_of_days_and_its_length() {
        assert_eq!(found(Language::Id, "Festival itu berlangsung selama lima hari, 3–9 Agustus 2024, di tepi danau."), ["lima hari"]);
        assert_eq!(found(Language::Id, "Pameran digelar pada 12 hingga 20 Juni selama enam hari."), ["enam hari"]);
        assert_eq!(found(Language::En, "The fair runs for four days, from Aug. 3 to 9."), ["four days"]);
        assert_eq!(found(Language::En, "The strike lasted 10 days, from December 28 to January 3."), ["10 days"]);
        assert_eq!(found(Language::Id, "Libur sekolah selama dua pekan, 1 hingga 21 Juli."), ["dua pekan"]);
    }

    #[test]
    fn ranges_that_fit_stay_silent() {
        for (language, text) in [
            (Language::Id, "Festival itu berlangsung selama tujuh hari, 3–9 Agustus 2024."),
            (Language::Id, "Festival itu berlangsung enam malam atau enam hari, 3–9 Agustus."),
            (Language::Id, "Libur berlangsung 21 Desember 2024 hingga 2 Januari 2025, selama 13 hari."),
            (Language::En, "The strike lasted seven days, from December 28 to January 3."),
            (Language::En, "The fair runs for about a week, Aug. 3 to 9, and tickets cost $5 a day for five days."),
            (Language::Id, "Pendaftaran dibuka 1–14 Juli, dan hasilnya diumumkan lima hari kemudian."),
            (Language::Id, "Pelatihan digelar 3-7 Maret selama lima hari kerja."),
        ] {
            assert!(found(language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn clock_times_and_the_hours_between() {
        assert_eq!(
            found(Language::En, "The outage began at 6:40 p.m., and power was restored about three and a half hours later, at 11:50 p.m., the utility said."),
            ["three and a half hours"]
        );
        assert_eq!(found(Language::Id, "Pemadaman berlangsung selama dua jam, dari pukul 21.30 hingga 00.40 WIB."), ["dua jam"]);
        assert_eq!(found(Language::En, "Voting ran for nine hours, from 7 a.m. to 5 p.m."), ["nine hours"]);
        assert_eq!(found(Language::Id, "Kebakaran terjadi pukul 14.10 WIB. Api padam dua jam kemudian, pukul 17.30 WIB."), ["dua jam"]);
        // Begun and ended in words, the duration in the next sentence or as an adjective.
        assert_eq!(found(Language::Id, "Sidang dimulai pukul 10.00 WIB dan berakhir pukul 13.30 WIB. Selama lima jam, saksi diperiksa."), ["lima jam"]);
        assert_eq!(found(Language::En, "Talks started at 9 a.m. They ended at 4:15 p.m. For nearly five hours, the two sides argued."), ["five hours"]);
        // `later` counts from the event's beginning paragraphs before, when no clock stands between.
        assert_eq!(found(Language::En, "The attack began at about 11:05 a.m. near the market, police said.\n\nWitnesses described a man running.\n\nOfficers arrested him 40 minutes later, at 11:55 a.m., in a shed."), ["40 minutes"]);
        assert_eq!(found(Language::Id, "Kebakaran bermula pukul 14.10 WIB di gudang itu.\n\nWarga berusaha memadamkan api.\n\nApi padam dua jam kemudian, pukul 17.30 WIB."), ["dua jam"]);
        for (language, text) in [
            (Language::En, "The attack began at about 11:05 a.m. near the market, police said.\n\nOfficers arrested him 50 minutes later, at 11:55 a.m., in a shed."),
            // Another clock between: `later` may count from it.
            (Language::En, "The attack began at 11:05 a.m.\n\nPolice were called at 11:20 a.m.\n\nOfficers arrived 10 minutes later, at 11:30 a.m."),
            // A clock with no word of beginning before it.
            (Language::En, "The bus left the depot at 9:10 a.m.\n\nPassengers complained.\n\nIt reached the city three hours later, at 11:20 a.m."),
        ] {
            assert!(found(language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_event_begun_and_ended_on_two_days() {
        assert_eq!(found(Language::En, "Workers ended a six-day strike on Monday.\n\nThe strike began March 3, when talks broke down. It ended Sunday, March 12, after a vote."), ["six-day"]);
        assert_eq!(found(Language::Id, "Pameran dibuka 5 Mei dan ditutup 9 Mei. Selama tiga hari, pengunjung membeludak."), ["tiga hari"]);
        for (language, text) in [
            (Language::En, "Workers ended a 10-day strike on Monday.\n\nThe strike began March 3, when talks broke down. It ended Sunday, March 12, after a vote."),
            (Language::Id, "Pameran dibuka 5 Mei dan ditutup 9 Mei. Selama lima hari, pengunjung membeludak."),
            // Another event's length.
            (Language::En, "Workers ended a strike on Monday after a six-day walkout at a rival port.\n\nThe strike began March 3. It ended Sunday, March 12."),
            (Language::Id, "Sidang dimulai pukul 10.00 WIB dan berakhir pukul 13.30 WIB. Hakim memberi waktu dua jam untuk pembelaan pekan depan."),
        ] {
            assert!(found(language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn clock_times_that_fit_stay_silent() {
        for (language, text) in [
            (Language::En, "The outage began at 6:40 p.m., and power was restored about five hours later, at 11:50 p.m."),
            (Language::Id, "Pemadaman berlangsung lebih dari tiga jam, dari pukul 21.30 hingga 00.40 WIB."),
            (Language::En, "Voting ran for 10 hours, from 7 a.m. to 5 p.m."),
            (Language::Id, "Kebakaran terjadi pukul 14.10 WIB. Api padam tiga jam 20 menit kemudian, pukul 17.30 WIB."),
            // Not the interval's: a duration of something else in the sentence.
            (Language::En, "The first train leaves at 5:30 a.m. and the last at 11 p.m.; the trip takes two hours."),
            (Language::Id, "Toko buka pukul 08.00 hingga 21.00 WIB, dan antrean bisa mencapai dua jam."),
            (Language::En, "Doors open at 6 p.m. and the show, which lasts two hours, starts at 8 p.m."),
        ] {
            assert!(found(language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_duration_pointed_back_at_or_naming_its_event() {
        assert_eq!(found(Language::Id, "Air mulai masuk ke permukiman sekitar pukul 02.30 WIB dan baru surut pukul 11.00 WIB. Selama enam jam itu, warga menunggu di atap."), ["enam jam"]);
        assert_eq!(found(Language::En, "The water rose at 2:30 a.m. and did not recede until 11 a.m. For those six hours, residents waited on roofs."), ["six hours"]);
        assert_eq!(found(Language::Id, "Pameran dibuka 5 Mei dan ditutup 12 Mei. Selama tiga hari tersebut, pengunjung membeludak."), ["tiga hari"]);
        assert_eq!(found(Language::En, "The 12-day Harborlight Festival opens Friday.\n\nThe festival, which runs from Aug. 8 to Aug. 17, features 300 shows."), ["12-day"]);
        assert_eq!(found(Language::En, "A three-hour meeting was called. The meeting, set for 9 a.m. to 2 p.m., drew 40 people."), ["three-hour"]);
        for (language, text) in [
            (Language::Id, "Air mulai masuk ke permukiman sekitar pukul 02.30 WIB dan baru surut pukul 11.00 WIB. Selama delapan setengah jam itu, warga menunggu."),
            (Language::En, "The 10-day Harborlight Festival opens Friday.\n\nThe festival, which runs from Aug. 8 to Aug. 17, features 300 shows."),
            // No pointing back; a sentence with its own clock; a range of another event.
            (Language::Id, "Air masuk pukul 02.30 WIB dan surut pukul 11.00 WIB. Selama enam jam, warga menunggu."),
            (Language::En, "The water rose at 2:30 a.m. and receded at 11 a.m. For those six hours, until 8:30 a.m., crews worked."),
            (Language::En, "The 12-day Harborlight Festival opens Friday.\n\nThe parade, which runs from Aug. 8 to Aug. 17, features 300 floats."),
        ] {
            assert!(found(language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_year_written_at_the_end_of_a_range_is_both_ends() {
        assert!(found(Language::En, "Next year's festival will again run for 10 days, from Aug. 7 to Aug. 16, 2026.").is_empty());
        assert_eq!(found(Language::En, "Next year's festival will run for 12 days, from Aug. 7 to Aug. 16, 2026."), ["12 days"]);
        assert!(found(Language::Id, "Libur berlangsung selama 13 hari, 21 Desember hingga 2 Januari 2026.").is_empty());
    }
}
