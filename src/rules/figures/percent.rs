use super::claims::{qualifier_before, Qualifier};
use super::{Article, SentenceWords};
use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity, Span};
use crate::language::Language;
use crate::numbers::{format_like, format_number, NumberMention, Role};
use crate::rules::{Context, Rule, RuleMeta};

/// `naik dari 24.000 menjadi 31.200, atau tumbuh 13 persen`: it is 30 percent.
pub struct Percent;

static META: RuleMeta = RuleMeta {
    code: "figures/percent",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A percentage that does not match the values it describes.",
    explanation: "Three checks, each on figures stated together. A change from one value to another \
(`naik dari Rp 12.500 menjadi Rp 14.000`, `31.200, naik dari 24.000`, `rose from 40 to 50`) with its \
percentage (`kenaikan 20 persen`, `a 10 percent rise`): the percentage must be the change, allowing for \
rounding (and, between two percentages, either the relative change or the points; a change said in points, \
`a drop of 6.8 percentage points`, `turun 0,9 poin persentase`, must be their difference). A share of a whole with \
its amount (`45 persen dari total kunjungan, atau 380 pasien`, `74 of the 86 cases (86 percent)`, `Nilai itu \
setara dengan 64 persen dari target Rp 5,5 triliun`), where the whole is stated in the same phrase or is the \
one figure the article gives for that noun with the same unit and rate. And shares of one whole \
(`jalur domisili 40 persen, afirmasi 25 persen, ...`, with a word that divides: `dibagi`, `terdiri`, \
`sisanya`, `split`, `the rest`, votes) that add up past 100. Changes in percentage points, growth rates \
and approximate figures beyond their rounding are left alone. From the claims model, a share whose whole is \
the one total the article gives for the part's noun (`412,530 votes, or 54.1 percent of the valid ballots` ... \
`A total of 803,112 valid votes`) or comes before `di antaranya` / `of them`, allowing one unit of the \
percentage's last digit; and a change stated as a fraction in words (`fell by nearly two thirds from 9,000 to \
5,200`, `separuh`, `a third`). A change stated in a sentence of its own (`Kenaikannya sekitar 35 persen \
dibandingkan tahun lalu`) is checked against the two counts of one noun just before it whose years are one apart \
(`Juli 2024 ... 48.600 penumpang. Pada Juli 2023, ... 40.500 penumpang`), when its change word goes their way. A value reached before `naik dari` / `up from` (or, after `Angka itu` / \
`That`, the last figure of the sentence before) is the value after the change; a part opened by `Of those` / \
`Dari jumlah itu` is a share of the figure just before. A change stated in a sentence of its own (`turun separuh \
dibandingkan tahun lalu`, `rose 30 percent`) is checked against the next sentence's two figures of one noun when \
one is marked as last year's or a year before the other; `more than doubled` is at least the multiple. A change compared \
with a value after `dibandingkan` / `compared with` (`Angka itu naik 18 persen dibandingkan dengan periode yang sama tahun \
lalu yang sebesar 164 juta dollar AS`) is checked against the value reached before it. A share of the figure that opens \
the sentence (`Dari 2.400 balita yang diukur, sebanyak 312 anak atau 15 persen`), and a share stated as a fraction in \
words with its part and whole (`Roughly a quarter of the town's 2,400 residents, about 900 people`), allowing a fifth of \
the fraction either way (more with `about`, `sekitar`). A poll's shares for holders named alike (`pasangan A 41 persen, \
pasangan B 35 persen, dan pasangan C 28 persen`) are shares of one whole.",
    example_bad: "Harga naik dari Rp 12.500 menjadi Rp 14.000, kenaikan 20 persen.",
    example_good: "Harga naik dari Rp 12.500 menjadi Rp 14.000, kenaikan 12 persen.",
};

/// Words that make a percentage a change: `naik 13 persen`, `kenaikan 20 persen`, `a 10 percent rise`.
const CHANGE_WORDS: &[&str] = &[
    "naik", "turun", "tumbuh", "meningkat", "menurun", "kenaikan", "penurunan", "pertumbuhan", "melonjak", "lonjakan",
    "anjlok", "merosot", "berkurang", "bertambah", "peningkatan", "susut", "menyusut", "rose", "rise", "risen",
    "increase", "increased", "growth", "grew", "grown", "fell", "fall", "fallen", "drop", "dropped", "decline",
    "declined", "decrease", "decreased", "jump", "jumped", "up", "down", "gain", "climbed", "surged", "slumped",
];
const INCREASE_VERBS: &[&str] = &[
    "naik", "meningkat", "bertambah", "melonjak", "tumbuh", "rose", "increased", "grew", "jumped", "climbed", "surged",
    "went", "turun", "menurun", "berkurang", "anjlok", "merosot", "susut", "menyusut", "fell", "dropped", "declined",
    "decreased", "slumped",
];
/// Words that divide a whole into shares.
const DIVIDES: &[&str] = &[
    "dibagi", "terbagi", "terdiri", "komposisi", "porsi", "proporsi", "pangsa", "kuota", "sisanya", "selebihnya",
    "suara", "divided", "split", "shares", "breakdown", "comprised", "the rest", "remaining", "vote", "votes",
];
/// Words of an opinion poll.
const POLL: &[&str] = &["survei", "survey", "poll", "polling", "jajak pendapat", "responden", "respondents", "elektabilitas", "exit poll"];
/// The last share of a partition: `20 persen dari daerah lain`, `the rest`.
const REST: &[&str] = &["lain", "lainnya", "sisanya", "selebihnya", "other", "others", "rest", "remaining", "remainder"];
/// Anaphors that open a sentence about the previous sentence's amount: `Nilai itu`, `That`.
const ANAPHORS: &[&[&str]] = &[
    &["nilai", "itu"], &["nilai", "tersebut"], &["jumlah", "itu"], &["jumlah", "tersebut"], &["angka", "itu"],
    &["angka", "tersebut"], &["dana", "itu"], &["dana", "tersebut"], &["that"], &["this"], &["the", "figure"],
    &["the", "amount"], &["the", "sum"], &["it"],
];

impl Rule for Percent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = ctx.figures_article();
        if article.too_large() {
            return;
        }
        let before = out.len();
        for sentence in 0..article.sentences.len() {
            out.extend(change(article, sentence));
            out.extend(share_of_whole(article, sentence));
            out.extend(shares_over_hundred(article, sentence));
        }
        from_claims(article, out, before);
    }
}

/// Shares and changes read from the claims model: a percentage between its part and a whole
/// named anywhere in the article by its noun (`of the valid ballots` ... `A total of 803,112
/// valid votes`), a share of `di antaranya`, and a change stated as a fraction in words.
fn from_claims(article: &Article, out: &mut Vec<Diagnostic>, before: usize) {
    use crate::claims::relations::{changes, shares};
    let model = article.claims();
    let cs = &model.claims;
    let language = article.doc.language;
    let seen: Vec<Span> = out[before..].iter().flat_map(|d| std::iter::once(d.span).chain(d.related.iter().map(|r| r.span))).collect();
    let fresh = |spans: &[Span]| !seen.iter().any(|s| spans.iter().any(|x| s.overlaps(*x)));
    let shown = |c: &crate::claims::Claim| article.shown(c);
    for s in shares(model, article.doc) {
        let (p, n, w) = (&cs[s.percent], &cs[s.part], &cs[s.whole]);
        if !fresh(&[p.span, n.span, w.span]) {
            continue;
        }
        let message = format!(
            "{} / {} = {} here, not {}",
            shown(n),
            shown(w),
            percent_text(s.actual, language),
            percent_text(p.value, language)
        );
        let where_whole = article.where_is(w.block, p.block).replace("earlier in this paragraph", "in this paragraph");
        out.push(META.diagnostic(p.span, message).with_related(n.span, "the part").with_related(w.span, format!("the whole, {where_whole}")));
    }
    for f in crate::claims::relations::fraction_shares(model, article.doc) {
        let (n, w) = (&cs[f.part], &cs[f.whole]);
        if !fresh(&[f.stated_span, n.span, w.span]) {
            continue;
        }
        let message = format!("{} / {} = {} here, not {} ({})", shown(n), shown(w), percent_text(f.actual, language), article.doc.str(f.stated_span), percent_text(f.stated_value, language));
        out.push(META.diagnostic(f.stated_span, message).with_related(n.span, "the part").with_related(w.span, "the whole"));
    }
    for c in changes(model, article.doc) {
        let (a, b) = (&cs[c.from], &cs[c.to]);
        if !fresh(&[c.stated_span, a.span, b.span]) {
            continue;
        }
        let stated = if c.stated.is_some() { percent_text(c.stated_value, language) } else { article.doc.str(c.stated_span).to_string() };
        let message = if c.points {
            let points = |v: f64| crate::numbers::format_number((v * 10.0).round() / 10.0, language);
            format!("from {} to {} is a change of {} percentage points, not {}", shown(a), shown(b), points(c.actual), points(c.stated_value))
        } else if c.multiple {
            let times = crate::numbers::format_number((b.value / a.value * 10.0).round() / 10.0, language);
            format!("from {} to {} is {times} times as many, not {stated}", shown(a), shown(b))
        } else {
            format!("from {} to {} is a change of {}, not {stated}", shown(a), shown(b), percent_text(c.actual, language))
        };
        out.push(META.diagnostic(c.stated_span, message).with_related(a.span, "the value before").with_related(b.span, "the value after"));
    }
}

fn mentions_in(article: &Article, sentence: usize) -> Vec<usize> {
    article.in_sentence(sentence).filter(|(_, m)| m.role == Role::Quantity).map(|(i, _)| i).collect()
}

/// Half a unit of the last written digit of a percentage: `13` ±0.5, `4,5` ±0.05.
fn written_rounding(article: &Article, m: &NumberMention) -> f64 {
    let s = article.doc.token_str(&article.doc.tokens[m.tokens.start]);
    let decimals = s.rsplit_once([',', '.']).map_or(0, |(_, f)| if f.len() == 3 && m.value >= 1000.0 { 0 } else { f.len() });
    0.5 * 10f64.powi(-(decimals as i32))
}

fn qualified(article: &Article, m: &NumberMention) -> Qualifier {
    qualifier_before(&article.sentences[m.sentence], m.full_tokens.start).0
}

/// A percentage written like `p`, with `value` in its place, to the same number of decimals.
fn replacement(article: &Article, p: &NumberMention, value: f64) -> String {
    let s = article.doc.token_str(&article.doc.tokens[p.tokens.start]);
    let decimals = s.rsplit_once([',', '.']).map_or(0, |(_, f)| f.len());
    let factor = 10f64.powi(decimals as i32);
    format_number((value * factor).round() / factor, article.doc.language)
}

fn percent_text(v: f64, language: Language) -> String {
    format!("{}%", format_number((v * 10.0).round() / 10.0, language))
}

/// A change from A to B and its percentage.
fn change(article: &Article, sentence: usize) -> Option<Diagnostic> {
    let words = &article.sentences[sentence];
    let ms = &article.mentions;
    let here = mentions_in(article, sentence);
    // (from, to, the percentage when it stands between the verb and `dari`)
    let mut pair: Option<(usize, usize)> = None;
    let mut stated_between: Option<usize> = None;
    for &i in &here {
        let m = &ms[i];
        let q_start = qualifier_before(words, m.full_tokens.start).1;
        let before = q_start.checked_sub(1).and_then(|t| words.at(t));
        if !matches!(before, Some("dari" | "from")) {
            continue;
        }
        // `naik 15 persen dari A menjadi B`, `B, up 20 percent from A`: the percentage first.
        let percent_first = here.iter().copied().find(|&p| ms[p].percent && p != i && ms[p].full_tokens.end + 1 == q_start && !m.percent);
        let verb_at = match percent_first {
            Some(p) => qualifier_before(words, ms[p].full_tokens.start).1.checked_sub(1),
            None => q_start.checked_sub(2),
        };
        let verb = verb_at.and_then(|t| words.at(t));
        if percent_first.is_some() {
            stated_between = percent_first;
        }
        // `naik dari A menjadi B`, `rose from A to B`.
        if verb.is_some_and(|v| INCREASE_VERBS.contains(&v)) {
            let to = here.iter().copied().find(|&j| {
                let n = &ms[j];
                n.tokens.start > m.full_tokens.end
                    && n.same_unit(m)
                    && qualifier_before(words, n.full_tokens.start).1.checked_sub(1).and_then(|t| words.at(t)).is_some_and(|w| matches!(w, "menjadi" | "to" | "ke"))
                    && n.tokens.start <= m.full_tokens.end + 6
            });
            if let Some(j) = to {
                pair = Some((i, j));
                break;
            }
        }
        // `B, naik dari A`, `B, up from A`.
        if verb.is_some_and(|v| matches!(v, "naik" | "turun" | "meningkat" | "menurun" | "up" | "down" | "rising" | "falling")) {
            let Some(verb_at) = verb_at else { continue };
            let comma = verb_at.checked_sub(1).filter(|&t| matches!(words.at(t), Some("," | "atau")));
            if let Some(b) = here.iter().copied().rev().find(|&j| ms[j].full_tokens.end <= verb_at && ms[j].same_unit(m)) {
                let gap = verb_at - ms[b].full_tokens.end;
                if comma.is_some() && gap <= 5 {
                    pair = Some((i, b));
                    break;
                }
            }
        }
    }
    let (from, to) = pair?;
    let (a, b) = (&ms[from], &ms[to]);
    if a.value <= 0.0 || qualified(article, a) != Qualifier::Exact || qualified(article, b) != Qualifier::Exact {
        return None;
    }
    // The stated percentage: after a change word, later in this sentence with no other subject
    // between (`, atau tumbuh 13 persen`, `, a 10 percent rise`, not `dan ekspor naik 5 persen`),
    // or in the next sentence when it opens by naming the change (`Kenaikan itu ...`).
    let pair_end = a.full_tokens.end.max(b.full_tokens.end);
    let candidates = |s: usize, from_token: usize| -> Option<usize> {
        let w = &article.sentences[s];
        mentions_in(article, s).into_iter().find(|&p| {
            let m = &ms[p];
            m.percent && p != from && p != to && m.tokens.start >= from_token && is_change_percent(w, m)
                && !w.any_in(from_token..m.full_tokens.start, &["dan", "and", "sementara", "while", "but", "tetapi", "namun", "whereas", "sedangkan"])
        })
    };
    let next_same_block = (sentence + 1 < article.sentences.len() && article.doc.sentences[sentence + 1].block == article.doc.sentences[sentence].block).then_some(sentence + 1);
    let names_the_change = |n: usize| {
        let w = &article.sentences[n];
        let t = w.tokens.start;
        (w.at(t).is_some_and(|x| matches!(x, "kenaikan" | "penurunan" | "pertumbuhan" | "lonjakan")) && w.at(t + 1).is_some_and(|x| matches!(x, "itu" | "tersebut" | "ini")))
            || (w.at(t).is_some_and(|x| matches!(x, "the" | "this" | "that")) && w.at(t + 1).is_some_and(|x| matches!(x, "increase" | "rise" | "drop" | "decline" | "fall" | "jump" | "growth")))
    };
    let p = stated_between.or_else(|| candidates(sentence, pair_end)).or_else(|| next_same_block.filter(|&n| names_the_change(n)).and_then(|n| candidates(n, article.sentences[n].tokens.start)))?;
    let pm = &ms[p];
    let q = qualified(article, pm);
    if !matches!(q, Qualifier::Exact | Qualifier::About) {
        return None;
    }
    // The change the values allow, within their rounding.
    let corners = [(a.value - a.rounding, b.value + b.rounding), (a.value + a.rounding, b.value - b.rounding), (a.value, b.value)];
    let changes: Vec<f64> = corners.iter().filter(|(x, _)| *x > 0.0).map(|(x, y)| ((y - x) / x * 100.0).abs()).collect();
    let (lo, hi) = changes.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), c| (l.min(*c), h.max(*c)));
    let actual = ((b.value - a.value) / a.value * 100.0).abs();
    let stated = pm.value;
    let slack = written_rounding(article, pm) + (actual * 0.05).max(1.0) + if q == Qualifier::About { actual * 0.15 } else { 0.0 };
    if stated + slack >= lo && stated - slack <= hi {
        return None;
    }
    // Between two percentages the change may be in points.
    if a.percent && b.percent && ((b.value - a.value).abs() - stated).abs() <= slack {
        return None;
    }
    let language = article.doc.language;
    let shown = |m: &NumberMention| format_like(m.value, m, language);
    let message = format!("from {} to {} is a change of {}, not {}", shown(a), shown(b), percent_text(actual, language), percent_text(stated, language));
    let mut d = META.diagnostic(pm.span, message);
    if !pm.in_words {
        let fix_text = replacement(article, pm, actual);
        d = d.with_fix(Fix::replace(digits_span(article, pm), &fix_text, Applicability::Suggested));
    }
    Some(d.with_related(a.span, "the value before").with_related(b.span, "the value after"))
}

/// A percentage that names a change: a change word just before it or after it.
fn is_change_percent(words: &SentenceWords, m: &NumberMention) -> bool {
    let q_start = qualifier_before(words, m.full_tokens.start).1;
    let before = q_start.saturating_sub(3).max(words.tokens.start)..q_start;
    let after = m.full_tokens.end..(m.full_tokens.end + 2).min(words.tokens.end);
    let points = words.any_in(m.full_tokens.end..(m.full_tokens.end + 2).min(words.tokens.end), &["poin", "points", "point", "basis"]);
    !points && (words.any_in(before, CHANGE_WORDS) || words.any_in(after, CHANGE_WORDS))
}

/// The digits of a mention alone, without a magnitude word or percent sign.
fn digits_span(article: &Article, m: &NumberMention) -> Span {
    article.doc.tokens[m.tokens.start].span
}

/// `45 persen dari total kunjungan, atau 380 pasien`; `74 of the 86 cases (86 percent)`;
/// `Nilai itu setara dengan 64 persen dari target Rp 5,5 triliun`.
fn share_of_whole(article: &Article, sentence: usize) -> Option<Diagnostic> {
    let words = &article.sentences[sentence];
    let ms = &article.mentions;
    let here = mentions_in(article, sentence);
    for &p in &here {
        let pm = &ms[p];
        if !pm.percent || pm.value > 100.0 || is_change_percent(words, pm) {
            continue;
        }
        let pq = qualified(article, pm);
        if !matches!(pq, Qualifier::Exact | Qualifier::About) {
            continue;
        }
        // (part, whole)
        let mut found: Option<(usize, usize)> = None;
        let after = pm.full_tokens.end;
        if matches!(words.at(after), Some("dari" | "of")) {
            // The whole: named in the phrase (`dari target sebesar Rp 5,5 triliun`) or by its noun.
            let phrase_end = (after + 1..words.tokens.end).find(|&t| matches!(words.at(t), Some("," | ";" | "atau" | "or" | "(" | ")"))).unwrap_or(words.tokens.end);
            // (`90% of their capacity after 5,000 cycles`: a figure past a preposition is not the
            // whole; `22% of those aged 60 and over`: nor is an age.)
            let whole_here = here.iter().copied().find(|&w| {
                ms[w].tokens.start > after
                    && ms[w].tokens.start < phrase_end
                    && !ms[w].percent
                    && !(after + 1..ms[w].tokens.start).any(|t| matches!(words.at(t), Some("after" | "before" | "setelah" | "sebelum" | "sesudah" | "within" | "dalam" | "per" | "each" | "in" | "di" | "for" | "untuk" | "selama" | "during" | "aged" | "age" | "ages" | "berusia" | "usia" | "umur" | "berumur")))
            });
            // The part: `, atau 380 pasien`, an amount before it, or the previous sentence's.
            let atau = here.iter().copied().find(|&n| {
                let q = qualifier_before(words, ms[n].full_tokens.start).1;
                ms[n].tokens.start >= phrase_end && q <= phrase_end + 2 && !ms[n].percent && words.any_in(phrase_end..q, &["atau", "or"])
            });
            let whole = match whole_here {
                Some(w) => Some(w),
                None => {
                    let noun_words: Vec<&str> = (after + 1..phrase_end).filter_map(|t| words.at(t)).filter(|w| w.chars().count() > 3 && !matches!(*w, "total" | "jumlah" | "seluruh" | "semua" | "keseluruhan")).collect();
                    atau.and_then(|part| whole_by_noun(article, part, &noun_words))
                }
            };
            let Some(whole) = whole else { continue };
            let part = atau.or_else(|| {
                here.iter().copied().rev().find(|&n| ms[n].full_tokens.end <= pm.full_tokens.start && ms[n].same_unit(&ms[whole]) && n != whole)
            }).or_else(|| anaphoric_part(article, sentence, &ms[whole]));
            if let Some(part) = part.filter(|&n| ms[n].same_unit(&ms[whole])) {
                found = Some((part, whole));
            }
        } else if matches!(words.at(pm.full_tokens.start.saturating_sub(1)), Some("(")) || pm.full_tokens.start > 0 && matches!(words.at(pm.full_tokens.start - 1), Some("atau" | "or")) {
            // `74 dari 86 kasus (86 persen)`, `74 of the 86 cases, or 86 percent`.
            let before: Vec<usize> = here.iter().copied().filter(|&n| ms[n].full_tokens.end <= pm.full_tokens.start && !ms[n].percent).collect();
            if let [.., part, whole] = before.as_slice() {
                let between: Vec<&str> = (ms[*part].full_tokens.end..ms[*whole].full_tokens.start).filter_map(|t| words.at(t)).collect();
                if matches!(between.as_slice(), ["dari"] | ["of"] | ["of", "the"] | ["out", "of"]) && ms[*part].same_unit(&ms[*whole]) {
                    // Nothing but the whole's noun between it and the percentage.
                    if pm.full_tokens.start - ms[*whole].full_tokens.end <= 4 {
                        found = Some((*part, *whole));
                    }
                }
            }
        }
        let Some((part, whole)) = found else { continue };
        let (nm, wm) = (&ms[part], &ms[whole]);
        if wm.value <= 0.0 || nm.value > wm.value || ![Qualifier::Exact, Qualifier::About].contains(&qualified(article, nm)) || qualified(article, wm) != Qualifier::Exact {
            continue;
        }
        let about = pq == Qualifier::About || qualified(article, nm) == Qualifier::About;
        let actual = nm.value / wm.value * 100.0;
        let p_lo = ((nm.value - nm.rounding) / (wm.value + wm.rounding)) * 100.0;
        let p_hi = ((nm.value + nm.rounding) / (wm.value - wm.rounding).max(f64::MIN_POSITIVE)) * 100.0;
        let slack = written_rounding(article, pm) + (actual * 0.05).max(1.0) + if about { actual * 0.15 } else { 0.0 };
        if pm.value + slack >= p_lo && pm.value - slack <= p_hi {
            continue;
        }
        let language = article.doc.language;
        let shown = |m: &NumberMention| format_like(m.value, m, language);
        let mut expected_value = pm.value / 100.0 * wm.value;
        if nm.is_whole() && nm.rounding == 0.0 {
            // A count: a whole number.
            expected_value = expected_value.round();
        }
        let expected = format_like(expected_value, nm, language);
        let message = format!(
            "{} of {} is {}, not {} ({} is {})",
            percent_text(pm.value, language),
            shown(wm),
            expected,
            shown(nm),
            shown(nm),
            percent_text(actual, language)
        );
        return Some(META.diagnostic(pm.span, message).with_related(nm.span, "the part").with_related(wm.span, "the whole"));
    }
    None
}

/// The one figure the article gives for a whole named by `noun_words`, with the part's unit and
/// rate: `Rata-rata kunjungan kini mencapai 1.200 pasien per hari`.
fn whole_by_noun(article: &Article, part: usize, noun_words: &[&str]) -> Option<usize> {
    if noun_words.is_empty() {
        return None;
    }
    let ms = &article.mentions;
    let pm = &ms[part];
    let unit_after = |m: &NumberMention| article.sentences[m.sentence].at(m.full_tokens.end).map(str::to_string);
    let rate = |m: &NumberMention| {
        let w = &article.sentences[m.sentence];
        w.any_phrase_in(m.full_tokens.end..(m.full_tokens.end + 4).min(w.tokens.end), &["per hari", "sehari", "per day", "a day", "per bulan", "per month", "per tahun", "per year"])
    };
    let candidates: Vec<usize> = (0..ms.len())
        .filter(|&i| {
            let m = &ms[i];
            let w = &article.sentences[m.sentence];
            let q_start = qualifier_before(w, m.full_tokens.start).1;
            i != part
                && m.role == Role::Quantity
                && m.same_unit(pm)
                && m.value > pm.value
                && unit_after(m) == unit_after(pm)
                && rate(m) == rate(pm)
                && !matches!(q_start.checked_sub(1).and_then(|t| w.at(t)), Some("dari" | "from"))
                && w.lower().any(|x| noun_words.contains(&x))
        })
        .collect();
    let first = *candidates.first()?;
    candidates.iter().all(|&c| ms[c].value == ms[first].value).then_some(first)
}

/// `Nilai itu setara dengan ...`: the previous sentence's last amount of the whole's unit.
fn anaphoric_part(article: &Article, sentence: usize, whole: &NumberMention) -> Option<usize> {
    let words = &article.sentences[sentence];
    let opens = ANAPHORS.iter().any(|a| words.phrase_at(words.tokens.start, a));
    if !opens || sentence == 0 || article.doc.sentences[sentence - 1].block != article.doc.sentences[sentence].block {
        return None;
    }
    mentions_in(article, sentence - 1).into_iter().rev().find(|&i| article.mentions[i].same_unit(whole))
}

/// Shares of one whole that add up past 100%.
fn shares_over_hundred(article: &Article, sentence: usize) -> Option<Diagnostic> {
    let words = &article.sentences[sentence];
    let ms = &article.mentions;
    let shares: Vec<usize> = mentions_in(article, sentence)
        .into_iter()
        .filter(|&i| ms[i].percent && ms[i].value <= 100.0 && !is_change_percent(words, &ms[i]))
        .collect();
    if shares.len() < 2 || shares.iter().any(|&i| qualified(article, &ms[i]) != Qualifier::Exact) {
        return None;
    }
    // Percentages of different things in one sentence are common; only a division into shares
    // counts: a word that divides, or a last share that is the rest (`20 persen dari daerah lain`).
    let previous = (sentence > 0 && article.doc.sentences[sentence - 1].block == article.doc.sentences[sentence].block).then(|| sentence - 1);
    let last_share = *shares.last()?;
    let rest_after_last = (ms[last_share].full_tokens.end..words.tokens.end).any(|t| words.at(t).is_some_and(|w| REST.contains(&w)));
    // A poll's shares for holders named alike (`pasangan Andi-Budi dipilih 41 persen responden,
    // pasangan Citra-Dedi 35 persen, dan pasangan Eko-Fitri 28 persen`): one word before every
    // share since the one before, in a sentence of a poll.
    let poll = [Some(sentence), previous].into_iter().flatten().any(|s| article.sentences[s].any_phrase_in(article.sentences[s].tokens.clone(), POLL));
    let holders_alike = poll && {
        let mut from = words.tokens.start;
        let mut common: Option<Vec<&str>> = None;
        for &i in &shares {
            let here: Vec<&str> = (from..ms[i].full_tokens.start).filter_map(|t| words.at(t)).filter(|w| w.chars().count() >= 4).collect();
            common = Some(match common {
                None => here,
                Some(c) => c.into_iter().filter(|w| here.contains(w)).collect(),
            });
            from = ms[i].full_tokens.end;
        }
        common.is_some_and(|c| !c.is_empty())
    };
    let divides = words.any_phrase_in(words.tokens.clone(), DIVIDES)
        || previous.is_some_and(|p| article.sentences[p].any_phrase_in(article.sentences[p].tokens.clone(), DIVIDES))
        || rest_after_last
        || holders_alike;
    // `60 persen dari total ekspor, 50 persen dari total impor`: shares of different wholes.
    let wholes: std::collections::BTreeSet<String> = shares
        .iter()
        .filter(|&&i| matches!(words.at(ms[i].full_tokens.end), Some("dari" | "of")))
        .filter_map(|&i| {
            let mut k = ms[i].full_tokens.end + 1;
            while words.at(k).is_some_and(|w| matches!(w, "total" | "jumlah" | "seluruh" | "all" | "the" | "semua")) {
                k += 1;
            }
            (k > ms[i].full_tokens.end + 1).then(|| words.at(k).unwrap_or("").to_string())
        })
        .collect();
    let of_wholes = wholes.len() > 1;
    if !divides || of_wholes {
        return None;
    }
    // (`68% supported the project, compared with 39% of those aged 65`: two groups' shares.)
    if shares.windows(2).any(|p| words.any_in(ms[p[0]].full_tokens.end..ms[p[1]].full_tokens.start, &["compared", "dibandingkan", "dibanding", "versus", "vs", "than", "daripada", "ketimbang", "against"])) {
        return None;
    }
    let total: f64 = shares.iter().map(|&i| ms[i].value).sum();
    let slack: f64 = shares.iter().map(|&i| written_rounding(article, &ms[i])).sum();
    if total <= 100.0 + slack {
        return None;
    }
    let language = article.doc.language;
    let first = &ms[shares[0]];
    let last = &ms[*shares.last()?];
    let span = Span::new(first.span.start, article.doc.tokens[last.full_tokens.end - 1].span.end);
    Some(META.diagnostic(span, format!("these shares of one whole add up to {}", percent_text(total, language))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{fixed, flagged, run};

    #[test]
    fn a_polls_shares_for_holders_named_alike() {
        assert_eq!(flagged(&Percent, Id, "Hasil survei menunjukkan pasangan Andi-Budi dipilih 41 persen responden, pasangan Citra-Dedi 35 persen, dan pasangan Eko-Fitri 28 persen.").len(), 1);
        assert_eq!(flagged(&Percent, En, "The poll found candidate Ruiz at 48 percent, candidate Park at 39 percent and candidate Osei at 17 percent.").len(), 1);
        for (language, text) in [
            (Id, "Hasil survei menunjukkan pasangan Andi-Budi dipilih 41 persen responden, pasangan Citra-Dedi 35 persen, dan pasangan Eko-Fitri 20 persen."),
            // Answers to different questions; no poll.
            (Id, "Survei itu menemukan 61 persen responden puas dengan layanan, sementara 58 persen khawatir soal harga."),
            (En, "Candidate Ruiz won 48 percent in Ohio, candidate Park 39 percent in Texas and candidate Osei 17 percent in Utah."),
            // Two groups' shares, compared.
            (En, "The poll showed a sharp split by age. Among voters under 35, 68% supported the project, compared with 39% of those aged 65 and over."),
        ] {
            assert!(flagged(&Percent, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_change_and_its_percentage() {
        let text = "Harga naik dari Rp 12.500 menjadi Rp 14.000, kenaikan 20 persen.";
        let d = run(&Percent, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "from Rp 12.500 to Rp 14.000 is a change of 12%, not 20%");
        assert_eq!(fixed(&Percent, Id, text), "Harga naik dari Rp 12.500 menjadi Rp 14.000, kenaikan 12 persen.");
        assert_eq!(flagged(&Percent, Id, "Jumlah debitur baru tercatat 31.200 orang, naik dari 24.000 orang pada periode yang sama tahun lalu, atau tumbuh 13 persen."), ["13"]);
        assert_eq!(flagged(&Percent, En, "Sales rose from 40 to 50, a 10 percent rise."), ["10"]);
        assert_eq!(flagged(&Percent, Id, "Jumlah wisatawan naik 15 persen dari 200.000 menjadi 250.000 orang."), ["15"]);
        assert_eq!(flagged(&Percent, En, "Spending reached Rp 1.2 trillion, up 50 percent from Rp 1 trillion."), ["50"]);
        assert_eq!(flagged(&Percent, Id, "Harga naik dari Rp 12.500 menjadi Rp 14.000. Kenaikan itu mencapai 20 persen."), ["20"]);
    }

    #[test]
    fn changes_that_match() {
        for text in [
            "Harga naik dari Rp 12.500 menjadi Rp 14.000, kenaikan 12 persen.",
            "Debitur tercatat 31.200 orang, naik dari 24.000 orang, atau tumbuh 30 persen.",
            "Inflasi naik dari 2 persen menjadi 3 persen, naik 1 persen.",
            "Produksi turun dari 1,2 juta ton menjadi 1 juta ton, turun 17 persen.",
            "Harga naik dari Rp 10.000 menjadi Rp 12.000 dan ekspor naik 5 persen.",
            "Jumlah wisatawan naik 25 persen dari 200.000 menjadi 250.000 orang.",
            "Pendapatan naik menjadi Rp 4,2 triliun, atau tumbuh 5 persen dari Rp 4 triliun tahun lalu.",
        ] {
            assert!(flagged(&Percent, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&Percent, En, "Sales rose from 40 to 50, a 25 percent rise.").is_empty());
    }

    #[test]
    fn a_share_and_its_amount() {
        let text = "Kunjungan kini mencapai 1.200 pasien per hari, naik dari sekitar 850 pasien.\n\nSekitar 45 persen dari total kunjungan, atau sekitar 380 pasien per hari, merupakan pasien rujukan baru.";
        let d = run(&Percent, Id, text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].span.range()], "45");
        assert_eq!(d[0].message, "45% of 1.200 is 540, not 380 (380 is 31,7%)");
        assert_eq!(flagged(&Percent, En, "Of the cases, 74 of the 86 cases (56 percent) were children."), ["56"]);
        for text in [
            "Penyaluran mencapai Rp 3,5 triliun. Nilai itu setara dengan 64 persen dari target tahunan sebesar Rp 5,5 triliun.",
            "Sebanyak 74 dari 86 kasus (86 persen) terjadi pada anak.",
            "Sekitar 45 persen dari total kunjungan, atau sekitar 540 pasien per hari, merupakan pasien baru. Kunjungan mencapai 1.200 pasien per hari.",
        ] {
            assert!(flagged(&Percent, Id, text).is_empty(), "{text}");
        }
        // A figure past a preposition after `of` / `dari` is not the whole.
        for (text, language) in [
            ("Varga leads a team of 24 researchers whose cells kept 90% of their capacity after 5,000 charging cycles.", En),
            ("Tim beranggotakan 24 peneliti itu membuat baterai yang menyimpan 90 persen dari kapasitasnya setelah 5.000 siklus.", Id),
            // An age is no whole.
            ("Among respondents aged 18 to 29, 71% said they used a phone in bed, compared with 22% of those aged 60 and over.", En),
            ("Di antara responden berusia 18 hingga 29 tahun, 71 persen memakai ponsel, dibandingkan 22 persen dari mereka yang berusia 60 tahun ke atas.", Id),
        ] {
            assert!(flagged(&Percent, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn shares_past_a_hundred() {
        assert_eq!(flagged(&Percent, En, "Smith won with 62 percent of the vote. Jones received 35 percent, and others shared the remaining 5 percent.").len(), 0);
        assert_eq!(flagged(&Percent, En, "Smith won 62 percent of the vote, Jones received 35 percent, and others shared the remaining 5 percent.").len(), 1);
        assert_eq!(flagged(&Percent, Id, "Sebanyak 60 persen pasokan berasal dari Garut, 30 persen dari Cianjur, dan 20 persen dari daerah lain.").len(), 1);
        assert_eq!(
            flagged(&Percent, Id, "Kuota dibagi ke dalam empat jalur, yakni jalur domisili 50 persen, jalur afirmasi 25 persen, jalur prestasi 30 persen, dan jalur mutasi 5 persen."),
            ["50 persen, jalur afirmasi 25 persen, jalur prestasi 30 persen, dan jalur mutasi 5 persen"]
        );
        for text in [
            "Kuota dibagi ke dalam empat jalur, yakni jalur domisili 40 persen, jalur afirmasi 25 persen, jalur prestasi 30 persen, dan jalur mutasi 5 persen.",
            "Sebanyak 70 persen responden setuju dan 45 persen menolak kenaikan pajak.",
            "Ekspor tumbuh 80 persen dan impor naik 40 persen.",
            "Sebanyak 60 persen warga memiliki motor, 50 persen memiliki mobil.",
            "Sebanyak 60 persen dari total ekspor dan 50 persen dari total impor dibagi ke dua pelabuhan.",
        ] {
            assert!(flagged(&Percent, Id, text).is_empty(), "{text}");
        }
    }
}

#[cfg(test)]
mod claims_tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::run;

    #[test]
    fn shares_and_changes_from_the_claims_model() {
        let d = run(&Percent, En, "The party won 412,530 votes, or 54.1 percent of the valid ballots. A total of 803,112 valid votes were counted.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("51.4%"), "{}", d[0].message);
        assert_eq!(d[0].related.len(), 2);
        let d = run(&Percent, En, "Arrivals fell by nearly two thirds, from 9,000 in March to 5,200 in May.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("not two thirds"), "{}", d[0].message);
        assert!(run(&Percent, Id, "Sebanyak 70 persen warga setuju, sementara 43 persen pedagang menolak.").is_empty());
    }
}
