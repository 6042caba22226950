use super::claims::qualifier_before;
use super::claims::Qualifier;
use super::{Article, SentenceWords};
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::numbers::{format_like, format_number, NumberMention, Role};
use crate::rules::{Context, Rule, RuleMeta};

/// `seluruh 42 penumpang menjadi korban, terdiri atas 7 orang meninggal, 19 luka berat, dan 14
/// luka ringan`: the parts make 40.
pub struct Sum;

static META: RuleMeta = RuleMeta {
    code: "figures/sum",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "Parts that do not add up to the total they break down.",
    explanation: "A total broken into parts must equal their sum: `42 korban, terdiri atas 7 tewas, 19 luka berat \
dan 14 luka ringan` (`terdiri atas`, `yakni`, `yaitu`, `consisting of`, `consisted of`, a colon), parts followed \
by their total (`3 tewas dan 5 luka-luka, total 9 korban`, `a total of`), and a count spread over a stated \
number of groups (`34 neighborhoods ... across five districts: 12 in ..., nine in ...`). Where the parts may \
leave some out (`Dari Rp 3,5 triliun itu, Rp 2,1 triliun ... dan Rp 1,6 triliun ...`, `Of the 86 cases, ...`, \
`termasuk`, `including`), only parts that exceed their total are reported. When a breakdown names no total \
(`the bribes consisted of ...`), the total is the one earlier amount of the same currency close to the sum. \
Rounded amounts (`Rp 2,1 triliun`) are allowed their rounding; qualified figures (`sekitar`, `at least`) and \
parts that are themselves part of another (`di antaranya`) are left alone. From the claims model, a partitive \
whose whole is named by its number or its state (`Of the dead, nine ... and three ...` after `killed 13`) with \
parts said alike (`19 adalah ... dan 25 adalah ...`), and a list of outcomes (`64 selamat dan 9 meninggal. \
Sisanya, 12 ...`) after the count it breaks down (`mengangkut 87 penumpang`), with a remainder, three outcomes or \
more: the sum must be the whole. A remainder without a number (`lima meninggal dan sisanya dirawat`) is the \
whole less the parts, compared with the count of its state elsewhere (`38 orang dirawat`). An amount for each \
(`Rp 600.000 per keluarga`, `masing-masing menerima`, `$5,000 each`) times how many (the count of that noun, or \
the one count of its sentence) must make the total stated within two sentences. A list of parts of one noun \
closed by a remainder with its number (`Jawa Timur mengirim 28 atlet dan Jawa Tengah 17 atlet, sedangkan sisanya, \
21 atlet, ...`; `Of the new students, 1,130 ... and 780 ..., while the rest, 490, ...`) must make the nearest \
earlier count of that noun. A margin of victory (`won by 1,204 votes`, `unggul dengan selisih 17.815 suara`) must \
be the difference of the two vote counts it separates (the article's only two, or the two of one sentence) (`total Rp 180 juta`, `a total \
of`); rates per unit of time are left alone. A price per unit of weight or volume (`Rp 42.000 per kilogram`, `$4 a kilogram`) \
times the one amount of it sold nearby (`3,5 ton`) against the sum after a word of earning (`meraup`, `earning`). A whole \
named by a noun before `terdiri atas` / `consisted of` is the count just before; outcomes carry across sentences \
(`pulled 86 people from the water alive`, `Another nine people remain missing`); and counts each held by a different \
holder in one paragraph (`Suyanto meraih 1.702 suara ... Darmanto mendapat 501 suara`) cannot exceed the count given \
before with no holder (`3.468 suara dinyatakan sah`). Shares in percent closed by the rest (`zonasi 50 persen, \
afirmasi 15 persen, dan perpindahan 5 persen. Sisanya, sebesar 25 persen, ...`; `the rest, 22%`) must make 100%, \
within the figures' rounding (a tenth more with `sekitar` / `about`); shares among changes, or already past 100%, \
are of more than one whole and left alone.",
    example_bad: "Sebanyak 42 penumpang menjadi korban, terdiri atas 7 orang tewas, 19 luka berat, dan 14 luka ringan.",
    example_good: "Sebanyak 40 penumpang menjadi korban, terdiri atas 7 orang tewas, 19 luka berat, dan 14 luka ringan.",
};

/// Words that open an exhaustive breakdown after a total.
const BREAKDOWN: &[&str] = &[
    "terdiri atas", "terdiri dari", "yakni", "yaitu", "dengan rincian", "rinciannya", "consisting of", "comprising",
    "consisted of", "consists of", "made up of", "namely", "broken down into", ":",
];
/// Words that open a breakdown that may leave some out.
const PARTIAL_BREAKDOWN: &[&str] = &["termasuk", "including", "meliputi", "antara lain", "among them", "di antaranya"];
/// Words that introduce the total after its parts.
const TOTAL_AFTER: &[&str] = &["total", "a total of", "in total", "totalling", "totaling", "jumlahnya", "seluruhnya", "in all", "altogether"];
/// `Dari jumlah itu, ...`, `Of that, ...`: a partitive whose total is in the sentence before.
const PARTITIVE_ANAPHORS: &[&[&str]] = &[
    &["jumlah", "itu"], &["jumlah", "tersebut"], &["angka", "itu"], &["angka", "tersebut"], &["nilai", "itu"],
    &["nilai", "tersebut"], &["total", "itu"], &["total", "tersebut"], &["that"], &["this"], &["this", "amount"],
    &["that", "amount"], &["these"], &["those"],
];
/// Conjunct separators in a list of parts.
const SEPARATORS: &[&str] = &[",", ";", "dan", "and", "serta", "plus", "&"];

#[derive(Debug)]
struct Finding {
    span: Span,
    total: usize,
    parts: Vec<usize>,
    exhaustive: bool,
}

impl Rule for Sum {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = ctx.figures_article();
        if article.too_large() {
            return;
        }
        let before = out.len();
        let mut findings = Vec::new();
        for sentence in 0..article.sentences.len() {
            findings.extend(breakdowns(article, sentence));
            findings.extend(partitive(article, sentence));
            findings.extend(parts_then_total(article, sentence));
            findings.extend(distribution(article, sentence));
        }
        let mut seen: Vec<Vec<usize>> = Vec::new();
        for f in findings {
            if seen.contains(&f.parts) {
                continue;
            }
            seen.push(f.parts.clone());
            if let Some(d) = diagnose(article, &f) {
                out.push(d);
            }
        }
        open_breakdowns(article, out, before);
        products(article, out);
        margins(article, out);
        percent_rests(article, out);
    }
}

/// Shares in percent and the rest that do not make 100% (`50% + 15% + 5% + 25% = 95%`), from
/// the claims model.
fn percent_rests(article: &Article, out: &mut Vec<Diagnostic>) {
    let model = article.claims();
    let cs = &model.claims;
    let language = article.doc.language;
    for p in crate::claims::relations::percent_rests(model, article.doc) {
        let rest = &cs[p.rest];
        if out.iter().any(|d| d.span.overlaps(rest.span)) {
            continue;
        }
        let shown = |v: f64| crate::numbers::format_number(v, language) + "%";
        let terms: Vec<String> = p.parts.iter().chain(std::iter::once(&p.rest)).map(|&k| shown(cs[k].value)).collect();
        let shares: f64 = p.parts.iter().map(|&k| cs[k].value).sum();
        let message = format!("{} = {} here, not 100%: the rest would be {}", terms.join(" + "), shown(p.sum), shown(100.0 - shares));
        let mut d = META.diagnostic(rest.span, message);
        for &k in &p.parts {
            d = d.with_related(cs[k].span, "a share");
        }
        out.push(d);
    }
}

/// A margin of victory against the two counts it separates (`won by 1,204 votes` ... `48,310
/// votes ... to 47,406`), from the claims model.
fn margins(article: &Article, out: &mut Vec<Diagnostic>) {
    let model = article.claims();
    let cs = &model.claims;
    let shown = |c: &crate::claims::Claim| article.shown(c);
    for m in crate::claims::relations::margins(model, article.doc) {
        let (g, a, b) = (&cs[m.margin], &cs[m.first], &cs[m.second]);
        if out.iter().any(|d| d.span.overlaps(g.span)) {
            continue;
        }
        let actual = article.shown_as(m.actual, g);
        let message = format!("{} − {} = {} here, not {}", shown(a), shown(b), actual, shown(g));
        out.push(META.diagnostic(g.span, message).with_related(a.span, "the winner's count").with_related(b.span, "the runner-up's count"));
    }
}

/// An amount for each of a count against the stated total (`350 keluarga ... masing-masing Rp
/// 600.000 ... total Rp 180 juta`), from the claims model.
fn products(article: &Article, out: &mut Vec<Diagnostic>) {
    let model = article.claims();
    let cs = &model.claims;
    let shown = |c: &crate::claims::Claim| article.shown(c);
    for p in crate::claims::relations::products(model, article.doc) {
        let (e, n, t) = (&cs[p.each], &cs[p.count], &cs[p.total]);
        if out.iter().any(|d| d.span.overlaps(t.span)) {
            continue;
        }
        let actual = article.shown_as(p.actual, t);
        let message = match &p.converted {
            Some((unit, amount)) => {
                let count = format!("{} {}", shown(n), article.doc.token_lower(n.tokens.end));
                let amount = crate::numbers::format_number((amount * 1000.0).round() / 1000.0, article.doc.language);
                let count = if count.ends_with(unit.as_str()) { count } else { format!("{count} ({amount} {unit})") };
                format!("{} per {unit} × {count} = {} here, not {}", shown(e), actual, shown(t))
            }
            None => format!("{} × {} = {} here, not {}", shown(e), shown(n), actual, shown(t)),
        };
        out.push(META.diagnostic(t.span, message).with_related(e.span, "the amount for each").with_related(n.span, "how many"));
    }
}

/// Breakdowns read from the claims model: partitives (`Of the dead, ...`), lists of outcomes
/// with their whole (`87 penumpang ... 64 selamat, 9 meninggal. Sisanya, 12 ...`), and a
/// remainder without a number (`sisanya dirawat`) against the count of its state.
fn open_breakdowns(article: &Article, out: &mut Vec<Diagnostic>, before: usize) {
    use crate::claims::relations::{breakdowns, derived_contradictions};
    let model = article.claims();
    let cs = &model.claims;
    let language = article.doc.language;
    let seen: Vec<Span> = out[before..].iter().flat_map(|d| std::iter::once(d.span).chain(d.related.iter().map(|r| r.span))).collect();
    let amount = |c: &crate::claims::Claim| format_number(c.value, language);
    let found = breakdowns(model, article.doc);
    let derived = derived_contradictions(model, &found);
    for (b, against) in found.iter().zip(derived) {
        let whole = &cs[b.whole];
        let terms: Vec<String> = b.parts.iter().map(|&p| amount(&cs[p])).collect();
        let Some(&last) = b.parts.last() else { continue };
        let (span, message, mut related) = match b.derived {
            Some((state, rest)) => {
                let Some(other) = against else { continue };
                let o = &cs[other];
                let message = format!(
                    "{} − {} = {} {state} here, but {} {}",
                    amount(whole),
                    terms.join(" − "),
                    format_number(rest, language),
                    o.describe(language),
                    article.where_is(o.block, cs[last].block)
                );
                (cs[last].span, message, vec![(o.span, format!("{} here", o.describe(language)))])
            }
            None => {
                let message = format!(
                    "{} = {} here, but the whole is {} {}",
                    terms.join(" + "),
                    format_number(b.sum, language),
                    whole.describe(language),
                    article.where_is(whole.block, cs[last].block).replace("earlier in this paragraph", "in this paragraph")
                );
                (cs[last].span, message, Vec::new())
            }
        };
        if seen.iter().any(|s| s.overlaps(span) || s.overlaps(whole.span)) {
            continue;
        }
        related.push((whole.span, format!("the whole: {}", whole.describe(language))));
        for &p in &b.parts {
            if cs[p].span != span {
                related.push((cs[p].span, format!("a part: {}", cs[p].describe(language))));
            }
        }
        let mut d = META.diagnostic(span, message);
        for (s, m) in related {
            d = d.with_related(s, m);
        }
        out.push(d);
    }
}

fn diagnose(article: &Article, f: &Finding) -> Option<Diagnostic> {
    let ms = &article.mentions;
    let total = &ms[f.total];
    let sum: f64 = f.parts.iter().map(|&p| ms[p].value).sum();
    let slack: f64 = f.parts.iter().map(|&p| ms[p].rounding).sum::<f64>() + total.rounding + 1e-9 * total.value.abs().max(1.0);
    let exceeds = sum - total.value > slack;
    let differs = (sum - total.value).abs() > slack;
    if !(exceeds || f.exhaustive && differs) {
        return None;
    }
    let language = article.doc.language;
    let like = &ms[f.parts[0]];
    let shown = |m: &NumberMention| if m.currency.is_some() || m.magnitude.is_some() { format_like(m.value, m, language) } else { format_number(m.value, language) };
    let terms: Vec<String> = f.parts.iter().map(|&p| shown(&ms[p])).collect();
    let sum_text = if like.currency.is_some() || like.magnitude.is_some() { format_like(sum, like, language) } else { format_number(sum, language) };
    let message = if f.exhaustive {
        format!("the parts add up to {sum_text} ({}), not {}", terms.join(" + "), shown(total))
    } else {
        format!("the parts ({}) add up to {sum_text}, more than the {} they are part of", terms.join(" + "), shown(total))
    };
    let mut d = META.diagnostic(f.span, message);
    if !f.span.overlaps(total.span) {
        d = d.with_related(total.span, format!("the total, {}", article.where_is(total.block, article.mentions[f.parts[0]].block).replace("earlier in this paragraph", "in this paragraph")));
    }
    for &p in &f.parts {
        if !f.span.overlaps(ms[p].span) {
            d = d.with_related(ms[p].span, "a part");
        }
    }
    Some(d)
}

/// A mention that can be added up: a plain amount, not qualified.
fn addable(article: &Article, index: usize) -> bool {
    let m = &article.mentions[index];
    let words = &article.sentences[m.sentence];
    m.role == Role::Quantity && m.alt_value.is_none() && qualifier_before(words, m.full_tokens.start).0 == Qualifier::Exact
}

/// The mention whose amount starts at token `t` (its currency included).
fn mention_starting_at(article: &Article, t: usize) -> Option<usize> {
    article.mention_starting_at(t)
}

/// The parts listed from token `from`: each conjunct that opens with an amount of the total's
/// unit. `None` when a conjunct opens with an amount of another unit, a qualified one or one that
/// is itself a part of another (`41 di antaranya`).
fn list_parts(article: &Article, sentence: usize, from: usize, to: usize, total: &NumberMention) -> Option<Vec<usize>> {
    let words = &article.sentences[sentence];
    let mut parts = Vec::new();
    let mut t = from;
    let mut at_start = true;
    while t < to {
        if at_start {
            // Skip neutral openers: `sebanyak 7`, `the 12`, `the remaining 35`, `sisanya 35`.
            let mut s = t;
            while s < to && words.at(s).is_some_and(|w| matches!(w, "sebanyak" | "the" | "masing-masing" | "yang" | "remaining" | "other" | "sisanya" | "sisa")) {
                s += 1;
            }
            if let Some(i) = mention_starting_at(article, s).filter(|&i| article.mentions[i].sentence == sentence) {
                let m = &article.mentions[i];
                if m.role == Role::Quantity {
                    // A part may leave out the total's currency: `Rp 1.200 triliun ..., 700 triliun ...`.
                    let same_unit = m.percent == total.percent && (m.currency == total.currency || m.currency.is_none());
                    if !same_unit || !addable(article, i) {
                        return None;
                    }
                    // `25 lembar pecahan Rp 100 ribu`: a count of something priced, not a plain part.
                    let conjunct_end = (m.full_tokens.end..to).find(|&k| words.at(k).is_some_and(|w| SEPARATORS.contains(&w))).unwrap_or(to);
                    if article.mentions_starting_in(sentence, m.full_tokens.end..conjunct_end).any(|(_, o)| o.role == Role::Quantity && !o.same_unit(m)) {
                        return None;
                    }
                    let after = m.full_tokens.end;
                    if words.phrase_at(after, &["di", "antaranya"]) || words.phrase_at(after, &["of", "them"]) || words.phrase_at(after, &["of", "whom"]) {
                        return None;
                    }
                    parts.push(i);
                    t = m.full_tokens.end;
                    at_start = false;
                    continue;
                }
            }
            at_start = false;
        }
        let w = words.at(t).unwrap_or("");
        if SEPARATORS.contains(&w) {
            at_start = true;
        }
        t += 1;
    }
    (parts.len() >= 2).then_some(parts)
}

fn phrase_end(words: &SentenceWords, t: usize, list: &[&str]) -> Option<usize> {
    words.first_phrase_at(t, list).map(|(_, n)| t + n)
}

/// `42 penumpang ..., terdiri atas 7 ..., 19 ... dan 14 ...`; `the bribes consisted of Rp 7.5
/// billion ... and Rp 4.1 billion ...`.
fn breakdowns(article: &Article, sentence: usize) -> Vec<Finding> {
    let words = &article.sentences[sentence];
    let mut out = Vec::new();
    for t in words.tokens.clone() {
        let (list_start, exhaustive) = match (phrase_end(words, t, BREAKDOWN), phrase_end(words, t, PARTIAL_BREAKDOWN)) {
            (Some(e), _) => (e, true),
            (None, Some(e)) => (e, false),
            _ => continue,
        };
        // The amounts before the cue in this sentence: the total is one of them.
        let before: Vec<usize> = article.in_sentence(sentence).filter(|(_, m)| m.full_tokens.end <= t && m.role == Role::Quantity).map(|(i, _)| i).collect();
        let first_part = (list_start..words.tokens.end).find_map(|s| mention_starting_at(article, s).filter(|&i| article.mentions[i].sentence == sentence));
        let Some(first_part) = first_part else { continue };
        // The list must start right at the cue.
        if article.mentions[first_part].full_tokens.start > list_start + 1 {
            continue;
        }
        // With several amounts before the cue, the total is the one that counts what the first
        // part counts (`12.000 petani di 8 kabupaten, terdiri atas 7.000 petani ...`).
        let noun = |i: usize| words.at(article.mentions[i].full_tokens.end).map(str::to_string);
        let total = match before.as_slice() {
            [] => None,
            [only] => Some(*only),
            _ => {
                let ms = &article.mentions;
                let same: Vec<usize> = before
                    .iter()
                    .copied()
                    .filter(|&i| ms[i].currency.is_some() && ms[i].currency == ms[first_part].currency || ms[i].currency.is_none() && noun(i).is_some() && noun(i) == noun(first_part))
                    .collect();
                match same.as_slice() {
                    [one] => Some(*one),
                    _ => continue,
                }
            }
        };
        // A colon breaks down the amount right before it (`42 korban: 7 tewas, ...`); anything else
        // before a colon is a list (see `distribution`).
        if words.at(t) == Some(":") && total.is_none_or(|i| article.mentions[i].full_tokens.end + 2 < t) {
            continue;
        }
        let end = next_cue(words, list_start).unwrap_or(words.tokens.end);
        match total {
            Some(total) => {
                if !addable(article, total) {
                    continue;
                }
                let Some(parts) = list_parts(article, sentence, list_start, end, &article.mentions[total]) else { continue };
                // `five districts: 12 in ..., nine in ...` counts the items, it is not their total.
                if article.mentions[total].value == parts.len() as f64 {
                    continue;
                }
                out.push(Finding { span: article.mentions[total].span, total, parts, exhaustive });
            }
            // `The bribes consisted of ...`: an amount of money given before. (Counts are too
            // common to pick their total by size alone.)
            None if exhaustive && article.mentions[first_part].currency.is_some() => {
                let like = &article.mentions[first_part];
                let Some(parts) = list_parts(article, sentence, list_start, end, like) else { continue };
                if let Some(total) = earlier_total(article, sentence, &parts) {
                    let span = Span::new(article.mentions[parts[0]].span.start, article.mentions[*parts.last().unwrap_or(&parts[0])].span.end);
                    out.push(Finding { span, total, parts, exhaustive });
                }
            }
            None => {}
        }
    }
    out
}

/// Where another cue starts a new list in the same sentence.
fn next_cue(words: &SentenceWords, from: usize) -> Option<usize> {
    (from..words.tokens.end).find(|&t| phrase_end(words, t, BREAKDOWN).is_some() || phrase_end(words, t, PARTIAL_BREAKDOWN).is_some())
}

/// The total a breakdown without one refers back to: the one earlier amount of the same unit
/// (in the last few paragraphs) that is larger than every part and within a factor of two of
/// their sum. `None` when there are several such values, or when one of them equals the sum.
fn earlier_total(article: &Article, sentence: usize, parts: &[usize]) -> Option<usize> {
    let ms = &article.mentions;
    let like = &ms[parts[0]];
    let sum: f64 = parts.iter().map(|&p| ms[p].value).sum();
    let slack: f64 = parts.iter().map(|&p| ms[p].rounding).sum();
    let largest = parts.iter().map(|&p| ms[p].value).fold(0.0, f64::max);
    let first_block = ms[parts[0]].block.saturating_sub(4);
    let candidates: Vec<usize> = (0..ms.len())
        .filter(|&i| {
            let m = &ms[i];
            m.sentence < sentence && m.block >= first_block && m.role == Role::Quantity && m.same_unit(like) && m.value > largest && m.value >= sum / 2.0 && m.value <= sum * 2.0
        })
        .collect();
    if candidates.iter().any(|&i| (ms[i].value - sum).abs() <= slack + ms[i].rounding) {
        return None;
    }
    let first = *candidates.first()?;
    candidates.iter().all(|&i| ms[i].value == ms[first].value && addable(article, i)).then_some(first)
}

/// `Dari Rp 3,5 triliun itu, Rp 2,1 triliun ... dan Rp 1,6 triliun ...`; `Of the 86 cases, 74 ...`.
fn partitive(article: &Article, sentence: usize) -> Vec<Finding> {
    let words = &article.sentences[sentence];
    let mut t = words.tokens.start;
    while words.at(t).is_some_and(|w| matches!(w, "“" | "\"" | "‘")) {
        t += 1;
    }
    if !matches!(words.at(t), Some("dari" | "of")) {
        return Vec::new();
    }
    t += 1;
    while words.at(t).is_some_and(|w| matches!(w, "the" | "total" | "sebanyak" | "jumlah" | "all")) {
        t += 1;
    }
    // `Dari jumlah itu, ...`, `Of that, ...`: the previous sentence's last amount.
    let anaphor = PARTITIVE_ANAPHORS.iter().find(|a| words.phrase_at(t, a) && words.at(t + a.len()) == Some(","));
    if let Some(a) = anaphor {
        let comma = t + a.len();
        let previous = sentence.checked_sub(1).filter(|&p| article.doc.sentences[p].block == article.doc.sentences[sentence].block);
        let Some(first) = (comma + 1..words.tokens.end).find_map(|s| mention_starting_at(article, s).filter(|&i| article.mentions[i].sentence == sentence)) else { return Vec::new() };
        let like = &article.mentions[first];
        let Some(total) = previous.and_then(|p| article.in_sentence(p).filter(|(_, o)| o.role == Role::Quantity && o.same_unit(like)).map(|(i, _)| i).last()) else {
            return Vec::new();
        };
        if !addable(article, total) {
            return Vec::new();
        }
        let end = next_cue(words, comma + 1).unwrap_or(words.tokens.end);
        return match list_parts(article, sentence, comma + 1, end, &article.mentions[total]) {
            Some(parts) => {
                let span = Span::new(article.mentions[parts[0]].span.start, article.mentions[*parts.last().unwrap_or(&parts[0])].span.end);
                vec![Finding { span, total, parts, exhaustive: false }]
            }
            None => Vec::new(),
        };
    }
    let Some(total) = mention_starting_at(article, t).filter(|&i| article.mentions[i].sentence == sentence && addable(article, i)) else {
        return Vec::new();
    };
    let Some(comma) = (article.mentions[total].full_tokens.end..words.tokens.end).find(|&k| words.at(k) == Some(",")) else {
        return Vec::new();
    };
    // Nothing but the total's noun between it and the comma.
    if article.in_sentence(sentence).any(|(_, m)| m.tokens.start > article.mentions[total].tokens.end && m.tokens.start < comma) {
        return Vec::new();
    }
    let end = next_cue(words, comma + 1).unwrap_or(words.tokens.end);
    match list_parts(article, sentence, comma + 1, end, &article.mentions[total]) {
        Some(parts) => vec![Finding { span: article.mentions[total].span, total, parts, exhaustive: false }],
        None => Vec::new(),
    }
}

/// `3 tewas dan 5 luka-luka, total 9 korban`.
fn parts_then_total(article: &Article, sentence: usize) -> Vec<Finding> {
    let words = &article.sentences[sentence];
    let mut out = Vec::new();
    for t in words.tokens.clone() {
        let Some(after_cue) = phrase_end(words, t, TOTAL_AFTER) else { continue };
        // `bringing the total to`, `sehingga total menjadi`: an update, not a sum.
        if t > words.tokens.start && words.at(t - 1).is_some_and(|w| matches!(w, "the" | "bringing" | "menjadikan" | "sehingga" | "grand")) {
            continue;
        }
        let mut k = after_cue;
        while words.at(k).is_some_and(|w| matches!(w, "of" | "sebanyak" | "mencapai" | "korban" | "ada")) {
            k += 1;
        }
        let Some(total) = mention_starting_at(article, k).filter(|&i| article.mentions[i].sentence == sentence && addable(article, i)) else { continue };
        // The parts: the list right before the cue, after the previous clause boundary.
        let list_end = if t > words.tokens.start && matches!(words.at(t - 1), Some("," | "(" | "atau" | "or")) { t - 1 } else { t };
        let list_start = (words.tokens.start..list_end)
            .rev()
            .find(|&k| matches!(words.at(k), Some(";" | ":")) || phrase_end(words, k, BREAKDOWN).is_some())
            .map_or(words.tokens.start, |k| k + 1);
        let Some(first) = (list_start..list_end).find_map(|s| mention_starting_at(article, s).filter(|&i| article.mentions[i].sentence == sentence)) else { continue };
        let Some(parts) = list_parts(article, sentence, article.mentions[first].full_tokens.start, list_end, &article.mentions[total]) else { continue };
        // `12 kemenangan dan 3 imbang, total 39 poin` weighs its parts: the total must count
        // what the parts count, or count people.
        let noun = |i: usize| words.at(article.mentions[i].full_tokens.end).unwrap_or("").to_string();
        let total_noun = noun(total);
        let people = ["korban", "orang", "jiwa", "people", "casualties", "victims", "persons", ".", ",", ""];
        if article.mentions[total].currency.is_none() && !people.contains(&total_noun.as_str()) && !parts.iter().any(|&p| noun(p) == total_noun) {
            continue;
        }
        if words.any_in(list_start..list_end, &["termasuk", "including", "di", "of"]) && words.any_phrase_in(list_start..list_end, &["di antaranya", "of them", "of whom"]) {
            continue;
        }
        out.push(Finding { span: article.mentions[total].span, total, parts, exhaustive: true });
    }
    out
}

/// `The flooded neighborhoods are spread across five districts: 12 in ..., nine in ..., ...`
/// after `34 neighborhoods`: a count spread over groups, its total named earlier by its noun.
fn distribution(article: &Article, sentence: usize) -> Vec<Finding> {
    let doc = article.doc;
    let words = &article.sentences[sentence];
    let Some(colon) = words.tokens.clone().find(|&t| words.at(t) == Some(":")) else { return Vec::new() };
    let ms = &article.mentions;
    // The number of groups, if stated before the colon (`five districts`), and its noun.
    let before_colon: Vec<usize> = article.in_sentence(sentence).filter(|(_, m)| m.full_tokens.end <= colon && m.role == Role::Quantity).map(|(i, _)| i).collect();
    let groups = before_colon.first().copied();
    if before_colon.len() > 1 {
        return Vec::new();
    }
    let group_noun = groups.and_then(|g| words.at(ms[g].full_tokens.end)).map(str::to_string);
    let first = (colon + 1..words.tokens.end).find_map(|s| mention_starting_at(article, s).filter(|&i| ms[i].sentence == sentence));
    let Some(first) = first.filter(|&f| ms[f].full_tokens.start == colon + 1) else { return Vec::new() };
    // Parts must share the unit; the list is checked against a candidate total below.
    let Some(parts) = list_parts(article, sentence, colon + 1, words.tokens.end, &ms[first]) else { return Vec::new() };
    // Each part says where or what: `12 in North Rawa Indah`, `12 di Kecamatan X`.
    if !parts.iter().all(|&p| matches!(words.at(ms[p].full_tokens.end), Some("in" | "di" | "at" | "from" | "dari"))) {
        return Vec::new();
    }
    // The subject nouns before the colon, other than the groups' noun.
    let subject: Vec<&str> = (words.tokens.start..colon)
        .filter_map(|t| words.at(t))
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 3 && Some(w.to_string()) != group_noun)
        .collect();
    // The total: an earlier count whose noun is one of them.
    let candidates: Vec<usize> = (0..ms.len())
        .filter(|&i| {
            let m = &ms[i];
            (m.sentence < sentence || m.sentence == sentence && m.full_tokens.end <= colon && Some(i) != groups)
                && m.role == Role::Quantity
                && m.same_unit(&ms[first])
                && doc.tokens.get(m.full_tokens.end).is_some_and(|n| subject.contains(&doc.token_str(n).to_lowercase().as_str()))
        })
        .collect();
    let Some(&total) = candidates.last() else { return Vec::new() };
    if !candidates.iter().all(|&c| ms[c].value == ms[total].value) || !addable(article, total) {
        return Vec::new();
    }
    let exhaustive = groups.is_some_and(|g| ms[g].value as usize == parts.len());
    let span = Span::new(ms[parts[0]].span.start, ms[*parts.last().unwrap_or(&parts[0])].span.end);
    vec![Finding { span, total, parts, exhaustive }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{flagged, run};

    #[test]
    fn breakdowns_that_do_not_add_up() {
        let text = "Menurut Dimas, seluruh 42 penumpang menjadi korban, terdiri atas 7 orang meninggal dunia, 19 luka berat, dan 14 luka ringan.";
        let d = run(&Sum, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.range()], "42");
        assert_eq!(d[0].message, "the parts add up to 40 (7 + 19 + 14), not 42");
        assert_eq!(flagged(&Sum, Id, "Sebanyak 3 orang tewas dan 5 orang luka-luka, total 9 korban."), ["9"]);
        assert_eq!(flagged(&Sum, En, "Three people died and five were injured, a total of nine casualties."), ["nine"]);
    }

    #[test]
    fn parts_that_exceed_their_total() {
        let text = "“Dari Rp 3,5 triliun itu, Rp 2,1 triliun tersalurkan ke sektor perdagangan dan Rp 1,6 triliun ke sektor pertanian, perikanan, serta sektor produksi lainnya,” kata Made.";
        let d = run(&Sum, Id, text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message, "the parts (Rp 2,1 triliun + Rp 1,6 triliun) add up to Rp 3,7 triliun, more than the Rp 3,5 triliun they are part of");
    }

    #[test]
    fn a_breakdown_of_an_earlier_total() {
        let text = "He was found guilty of receiving Rp 12.4 billion from a contractor. He was fined Rp 500 million.\n\nThe bribes consisted of Rp 7.5 billion in cash, handed over at a hotel, and Rp 4.1 billion transferred to bank accounts.";
        assert_eq!(flagged(&Sum, En, text), ["7.5 billion in cash, handed over at a hotel, and Rp 4.1 billion"]);
    }

    #[test]
    fn parts_of_the_previous_sentence_total() {
        assert_eq!(flagged(&Sum, En, "Revenue rose 8 percent to Rp 3.4 trillion. Of that, Rp 2.1 trillion came from aviation and Rp 1.5 trillion from other business.").len(), 1);
        assert!(flagged(&Sum, Id, "Terdakwa merugikan negara Rp 1,5 triliun. Dari jumlah itu, Rp 800 miliar dinikmati terdakwa dan Rp 700 miliar mengalir ke pihak lain.").is_empty());
        assert_eq!(flagged(&Sum, En, "Of the 1,200 trillion rupiah in new loans, 700 trillion went to corporations and 600 trillion to households."), ["1,200 trillion"]);
    }

    #[test]
    fn a_count_spread_over_groups() {
        let text = "Floods swept through 34 neighborhoods. The flooded neighborhoods are spread across five districts: 12 in North Rawa, nine in East Rawa, seven in Central Rawa, four in West Rawa and three in Sungai Rengas.";
        let d = run(&Sum, En, text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "the parts add up to 35 (12 + 9 + 7 + 4 + 3), not 34");
    }

    #[test]
    fn sums_that_hold_or_may_leave_some_out() {
        for text in [
            "Seluruh 40 penumpang menjadi korban, terdiri atas 7 orang meninggal dunia, 19 luka berat, dan 14 luka ringan.",
            "Sedikitnya 327 rumah rusak, 41 di antaranya hanyut.",
            "Dari 86 kasus, 74 anak belum divaksin dan 8 anak baru sekali divaksin.",
            "Sekitar 40 orang menjadi korban, yakni 7 tewas dan 35 luka.",
            "Sebanyak 3 orang tewas dan 5 orang luka-luka, total 8 korban.",
            "Dana Rp 3,5 triliun terdiri atas Rp 2,1 triliun untuk perdagangan dan Rp 1,4 triliun untuk pertanian.",
            "Korban terdiri atas 10 laki-laki dan 12 perempuan, 5 di antaranya anak-anak.",
            "Mereka datang pada pukul 10.00, yakni 2 jam lebih awal.",
            "Persib meraih 12 kemenangan dan 3 hasil imbang, total 39 poin.",
            "Sebanyak 12.000 petani di 8 kabupaten terlibat, terdiri atas 7.000 petani di Malang, 3.000 di Lumajang, dan 2.000 di Bondowoso.",
        ] {
            assert!(flagged(&Sum, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&Sum, Id, "Uang palsu mencapai Rp 6,4 juta. Rinciannya 25 lembar pecahan Rp 100 ribu, dan 78 lembar pecahan Rp 50 ribu.").is_empty());
        for text in [
            "Of the 86 confirmed cases, 74 were children who had never received a vaccine, and eight had received only one of the two doses.",
            "The 34 neighborhoods are spread across districts: 12 in North, nine in East.",
            "He received Rp 12.4 billion. The bribes consisted of Rp 8.3 billion in cash and Rp 4.1 billion in transfers.",
        ] {
            assert!(flagged(&Sum, En, text).is_empty(), "{text}");
        }
    }
}
