use super::{is_capitalised, Article};
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::document::TokenKind;
use crate::numbers::Role;
use crate::rules::{Context, Rule, RuleMeta};

/// `Fitri Handayani (34)` ... `Fitri Handayani, 36,`.
pub struct Age;

static META: RuleMeta = RuleMeta {
    code: "figures/age",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A person's age given twice differently, or against their year of birth; an anniversary against the founding year.",
    explanation: "Ages are read where news writes them, right by the name: `Rahmat Lessy (38)`, `Fitri Handayani, \
34,`, `Budi, 45 tahun,`, `Budi yang berusia 45 tahun`, `Nurul Hidayah, a 29-year-old mother`, `aged 29`. The same \
person (the same full name, or a first or last name that belongs to only one aged person in the article) with \
two different ages is reported at the later mention. An age at another time (`saat itu`, `ketika`, `at the \
time`, `pada usia`, `at age`) is left alone. An age is also checked against a year of birth (`kelahiran 1973`, \
`born in 1946`) in the same sentence, or the article's one age against its one birth year: in the article's year \
(front matter `date:`, else its first full date) the person is that year minus the birth year, or one less; \
without it, at least the latest year the article names minus the birth year, less one. An article with one \
birth year and no named age uses its one age said without a name (`meninggal dalam usia 81 tahun`, `aged 81`); \
an age at another time (`sejak berusia 12 tahun`) is not compared; an age at death (`meninggal dunia pada usia 81 \
tahun`) is the story's. An institution's anniversary (`HUT ke-45`, `ulang tahun ke-50`, `its 55th anniversary`) is \
checked against the article's one founding year (`didirikan pada 1975`, `founded in 1968`) in the article's year, \
with a year's leeway.",
    example_bad: "Warga, Fitri Handayani (34), mengungsi. ... Fitri Handayani, 36, mengatakan rumahnya hanyut.",
    example_good: "Warga, Fitri Handayani (34), mengungsi. ... Fitri Handayani, 34, mengatakan rumahnya hanyut.",
};

/// Words that open a sentence capitalised without being part of a name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "warga", "pria", "wanita", "sang", "si", "ketua", "kepala", "menurut", "kata", "said", "dan", "and",
    "saat", "ketika", "on", "in", "pada", "di", "ia", "dia", "he", "she", "mayor", "president", "governor", "minister",
    "senator", "judge", "coach", "dr", "prof", "mr", "mrs", "ms", "sir", "bupati", "gubernur", "presiden", "menteri",
    "wali", "kota", "walikota", "kapolres", "kapolda", "kapolsek", "pak", "bu", "ibu", "bapak", "pelatih", "hakim",
    "jaksa", "terdakwa", "tersangka", "korban", "pelaku", "sopir", "kades", "camat", "lurah",
    // Numbered parts of a text: `Pasal 114 Ayat (2)`, `Article 5 (1)`.
    "ayat", "pasal", "huruf", "nomor", "butir", "bab", "article", "section", "paragraph", "chapter", "clause",
];
/// An age at another time than the story's.
const OTHER_TIME: &[&str] = &[
    "saat itu", "kala itu", "waktu itu", "ketika", "at the time", "then", "pada usia", "at age", "at the age", "when",
    "sejak usia", "since",
];

#[derive(Debug)]
struct AgeMention {
    name: Vec<String>,
    age: u32,
    span: Span,
    block: usize,
}

impl Rule for Age {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = ctx.figures_article();
        if article.too_large() {
            return;
        }
        let ages = ages(article);
        // Full names, to resolve a first or last name alone.
        for (j, b) in ages.iter().enumerate() {
            let same_person = |a: &AgeMention| {
                if a.name == b.name {
                    return true;
                }
                let (short, long) = if a.name.len() < b.name.len() { (a, b) } else { (b, a) };
                // `Keluarga Budi Santoso` ends with `Budi Santoso`.
                if short.name.len() >= 2 {
                    return long.name.ends_with(&short.name);
                }
                let token = &short.name[0];
                // The short name must belong to exactly one longer aged name.
                let owners: Vec<&Vec<String>> = ages.iter().filter(|x| x.name.len() > 1 && x.name.contains(token)).map(|x| &x.name).collect();
                long.name.contains(token) && owners.iter().all(|o| **o == long.name)
            };
            let Some(a) = ages[..j].iter().find(|a| same_person(a) && a.age != b.age) else { continue };
            // Reported once per pair of ages.
            if ages[..j].iter().any(|x| same_person(x) && x.age == b.age) {
                continue;
            }
            let name = if b.name.len() >= a.name.len() { &b.name } else { &a.name };
            let name = name.iter().map(|w| capitalise(w)).collect::<Vec<_>>().join(" ");
            let message = format!("{name} is {} here, but {} {}", b.age, a.age, article.where_is(a.block, b.block));
            out.push(META.diagnostic(b.span, message).with_related(a.span, format!("{name} is {} here", a.age)));
        }
        birth_years(article, &ages, out);
        anniversaries(article, out);
    }
}

/// Words before `berusia` / `aged` that put the age at another time (`sejak berusia 12 tahun`).
const THEN_BEFORE_AGE: &[&str] = &["sejak", "saat", "ketika", "sewaktu", "when", "since", "pada"];

/// Words of dying: an age `pada usia` after them is the age at death.
const DEATH: &[&str] = &["meninggal", "wafat", "berpulang", "mangkat", "tutup", "died", "dies", "passed"];

/// Words before an institution's founding year: `didirikan pada 1975`, `founded in 1968`.
const FOUNDED: &[&str] = &["didirikan", "berdiri", "dibentuk", "founded", "established", "formed", "lahir", "diresmikan"];
/// Words of an anniversary before its ordinal (`HUT ke-45`, `ulang tahun ke-50`) or after it
/// (`55th anniversary`).
const ANNIVERSARY: &[&str] = &["hut", "ulang", "ultah", "jadi", "peringatan", "natalis", "milad", "anniversary", "birthday", "jubilee"];

/// An institution's anniversary against its founding year: `HUT ke-45` in 2025 of a cooperative
/// `didirikan pada 1975` is its 50th. Only with the article's year, one founding year in the
/// article, and one year's leeway (a celebration held early or late).
fn anniversaries(article: &Article, out: &mut Vec<Diagnostic>) {
    let Some(year) = article.claims().year else { return };
    let founded: Vec<&crate::numbers::NumberMention> = article
        .mentions
        .iter()
        .filter(|m| matches!(m.role, Role::Year | Role::Date) && (1000.0..=2100.0).contains(&m.value) && m.is_whole())
        .filter(|m| {
            let w = &article.sentences[m.sentence];
            // (`didirikan oleh 23 peternak pada 12 Mei 1974`.)
            (m.tokens.start.saturating_sub(8).max(w.tokens.start)..m.tokens.start).any(|t| w.at(t).is_some_and(|x| FOUNDED.contains(&x) && x != "lahir"))
        })
        .collect();
    let Some(first) = founded.first() else { return };
    if founded.iter().any(|m| m.value != first.value) {
        return;
    }
    let expected = year - first.value as i64;
    for w in &article.sentences {
        for t in w.tokens.clone() {
            let Some((n, span, after_noun)) = ordinal_at(article, t) else { continue };
            // The anniversary word: before `ke-N` (within three words), or right after `Nth`.
            let named = if after_noun {
                w.at(span_end_token(article, t)).is_some_and(|x| ANNIVERSARY.contains(&x))
            } else {
                (t.saturating_sub(3).max(w.tokens.start)..t).any(|k| w.at(k).is_some_and(|x| ANNIVERSARY.contains(&x)))
            };
            if !named || n < 1 || (n - expected).abs() <= 1 {
                continue;
            }
            // `saat merayakan ulang tahun ke-40 pada 2015`, `its 40th anniversary in 2015`: the
            // anniversary of a year of its own.
            let end = span_end_token(article, t);
            let own_year = (end..(end + 4).min(w.tokens.end)).any(|k| {
                article.doc.tokens[k].kind == crate::document::TokenKind::Number && w.at(k).and_then(|x| x.parse::<i64>().ok()).is_some_and(|y| (1000..=2100).contains(&y) && y != year)
            });
            // (`Sepuluh tahun lalu, saat merayakan ulang tahun ke-40`: a time before it.)
            if own_year || w.any_in(w.tokens.start..t, &["lalu", "silam", "ago", "sebelumnya", "earlier"]) {
                continue;
            }
            let message = format!("founded in {} and written in {year}, this is the {} anniversary, not the {}", first.value as i64, ordinal_en(expected), ordinal_en(n));
            out.push(META.diagnostic(span, message).with_related(first.span, "the founding year"));
        }
    }
}

/// An ordinal at token `t`: `ke-45` (one token or three), or `55th`; its value, span, and
/// whether it stands before its noun (`55th anniversary`).
fn ordinal_at(article: &Article, t: usize) -> Option<(i64, Span, bool)> {
    let doc = article.doc;
    let tok = &doc.tokens[t];
    let lower = doc.token_lower(t);
    if let Some(n) = lower.strip_prefix("ke-").and_then(|x| x.parse::<i64>().ok()) {
        return Some((n, tok.span, false));
    }
    if lower == "ke" && t + 2 < doc.tokens.len() && doc.token_str(&doc.tokens[t + 1]) == "-" && !doc.tokens[t + 1].space_before && !doc.tokens[t + 2].space_before {
        let n = doc.token_str(&doc.tokens[t + 2]).parse::<i64>().ok()?;
        return Some((n, Span::new(tok.span.start, doc.tokens[t + 2].span.end), false));
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th") {
        return Some((digits.parse().ok()?, tok.span, true));
    }
    if tok.kind == TokenKind::Number && t + 1 < doc.tokens.len() && !doc.tokens[t + 1].space_before && matches!(doc.token_lower(t + 1), "st" | "nd" | "rd" | "th") {
        return Some((lower.parse().ok()?, Span::new(tok.span.start, doc.tokens[t + 1].span.end), true));
    }
    None
}

/// The token after an ordinal that starts at `t` (`55th` one token or two).
fn span_end_token(article: &Article, t: usize) -> usize {
    let doc = article.doc;
    if doc.tokens[t].kind == TokenKind::Number && t + 1 < doc.tokens.len() && matches!(doc.token_lower(t + 1), "st" | "nd" | "rd" | "th") { t + 2 } else { t + 1 }
}

fn ordinal_en(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Whether the sentence of a year of birth names, just before its word of birth, a person who is
/// not `name`: `Syafruddin lahir di Koto Baringin pada 3 Maret 1951`, `Smith was born in 1950`.
fn born_to_another(article: &Article, birth: &crate::numbers::NumberMention, name: &[String]) -> bool {
    let w = &article.sentences[birth.sentence];
    let Some(at) = (w.tokens.start..birth.tokens.start).rev().find(|&t| w.at(t).is_some_and(|x| BORN.contains(&x))) else { return false };
    let mut t = at;
    while t > w.tokens.start && w.at(t - 1).is_some_and(|x| matches!(x, "was" | "is" | "yang" | "itu" | "tersebut" | "dia")) {
        t -= 1;
    }
    let Some(before) = t.checked_sub(1).filter(|&k| k >= w.tokens.start) else { return false };
    let capital = article.doc.str(article.doc.tokens[before].span).chars().next().is_some_and(char::is_uppercase);
    // (A name: capitalised in the middle of some sentence too, not `Terdakwa kelahiran 1973`.)
    let doc = article.doc;
    let word = doc.token_lower(before);
    // (And never written in lower case: `terdakwa` is a noun, though a quotation opens on it.)
    let upper = |k: usize| doc.str(doc.tokens[k].span).chars().next().is_some_and(char::is_uppercase);
    let a_name = doc.sentences.iter().any(|s| (s.tokens.start + 1..s.tokens.end).any(|k| doc.token_lower(k) == word && upper(k)))
        && !(0..doc.tokens.len()).any(|k| doc.token_lower(k) == word && !upper(k));
    capital && a_name && !name.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Words before a year of birth: `kelahiran 1973`, `lahir pada 3 Maret 1999`, `born in 1946`.
const BORN: &[&str] = &["kelahiran", "lahir", "born", "kelahirannya"];

/// An age against a year of birth: in one sentence (`Méndez, kelahiran 1999, berusia 24 tahun`,
/// `Lientje, 74, who was born in 1946`), or the article's one age against its one birth year. The
/// article's year is its front matter's or first full date's; without one, the article is no
/// older than the latest year it names, which bounds the age from below.
fn birth_years(article: &Article, named: &[AgeMention], out: &mut Vec<Diagnostic>) {
    let doc = article.doc;
    let births: Vec<&crate::numbers::NumberMention> = article
        .mentions
        .iter()
        .filter(|m| matches!(m.role, Role::Year | Role::Date) && (1900.0..=2100.0).contains(&m.value) && m.is_whole())
        .filter(|m| {
            let w = &article.sentences[m.sentence];
            // (`lahir di Klaten, Jawa Tengah, pada 17 Agustus 1938`: a place may stand between, but
            // no other number but the date's day.)
            let born_at = (m.tokens.start.saturating_sub(11).max(w.tokens.start)..m.tokens.start).rev().find(|&t| w.at(t).is_some_and(|x| BORN.contains(&x)));
            born_at.is_some_and(|b| {
                let numbers: Vec<&str> = (b..m.tokens.start).filter(|&t| doc.tokens[t].kind == TokenKind::Number).map(|t| doc.token_str(&doc.tokens[t])).collect();
                !numbers.iter().any(|n| n.len() == 4) && (m.tokens.start - b <= 7 || numbers.len() <= 1)
            })
        })
        .collect();
    if births.is_empty() {
        return;
    }
    // Ages in the sentences of the births, read without a name too (`, berusia 24 tahun`).
    let age_in = |sentence: usize| -> Option<(u32, Span)> {
        let w = &article.sentences[sentence];
        article.in_sentence(sentence).map(|(_, m)| m).find_map(|m| {
            if m.role != Role::Quantity || !m.is_whole() || m.value < 1.0 || m.value > 120.0 || m.percent || m.currency.is_some() {
                return None;
            }
            let i = m.tokens.start;
            let before = i.checked_sub(1).and_then(|k| w.at(k));
            let after = w.at(m.tokens.end);
            // (`sejak berusia 12 tahun`, `saat berusia 20`: an age at another time.)
            // (`meninggal dunia pada usia 81 tahun`, `died at age 81`: the age at death is the
            // story's.)
            let at_death = (i.saturating_sub(6).max(w.tokens.start)..i).any(|k| w.at(k).is_some_and(|x| DEATH.contains(&x)));
            let then = !at_death && i.checked_sub(2).and_then(|k| w.at(k)).is_some_and(|x| THEN_BEFORE_AGE.contains(&x));
            let is_age = !then && matches!(before, Some("berusia" | "berumur" | "usia" | "umur" | "aged"))
                || before == Some("(") && matches!(after, Some(")" | "tahun"))
                || before == Some(",") && matches!(after, Some(","))
                || after == Some("-") && w.at(m.tokens.end + 1).is_some_and(|x| x.starts_with("year-old"));
            is_age.then_some((m.value as u32, m.span))
        })
    };
    let latest_year = article
        .mentions
        .iter()
        .filter(|m| matches!(m.role, Role::Year | Role::Date) && (1900.0..=2100.0).contains(&m.value) && !births.iter().any(|b| b.span == m.span))
        .filter(|m| !article.sentences[m.sentence].lower().any(|w| matches!(w, "akan" | "will" | "target" | "by" | "hingga" | "until" | "mendatang" | "next")))
        .map(|m| m.value as i64)
        .max();
    // The article's ages said without a name (`meninggal dalam usia 81 tahun`, `yang berusia 81
    // tahun`, `aged 81`), for an article with one birth and no named age.
    let unnamed: Vec<(u32, Span)> = if births.len() == 1 && named.is_empty() {
        article
            .mentions
            .iter()
            // (`usia 81` reads as a label elsewhere: an age group.)
            .filter(|m| matches!(m.role, Role::Quantity | Role::Label) && m.is_whole() && (1.0..=120.0).contains(&m.value) && !m.percent && m.currency.is_none() && m.magnitude.is_none())
            .filter(|m| {
                let w = &article.sentences[m.sentence];
                let before = |k: usize| m.tokens.start.checked_sub(k).and_then(|t| w.at(t));
                // (`meninggal dunia pada usia 81 tahun`, `died at age 81`: at death, the story's time.)
                let at_death = (m.tokens.start.saturating_sub(6).max(w.tokens.start)..m.tokens.start).any(|t| w.at(t).is_some_and(|x| DEATH.contains(&x)));
                matches!(before(1), Some("berusia" | "berumur" | "aged")) && !before(2).is_some_and(|x| THEN_BEFORE_AGE.contains(&x))
                    || before(1) == Some("usia") && before(2) == Some("dalam")
                    || at_death && (matches!(before(1), Some("usia" | "umur" | "age")) && matches!(before(2), Some("pada" | "at" | "dalam")) || before(1) == Some("aged"))
            })
            .map(|m| (m.value as u32, m.span))
            .collect()
    } else {
        Vec::new()
    };
    for b in &births {
        let born = b.value as i64;
        let here = age_in(b.sentence);
        let (age, span) = match here {
            Some(a) => a,
            // (`Syafruddin lahir ... 1951` is not `Yulia Rahmi (55)`: a birth said of someone else.)
            None if births.len() == 1 && named.len() == 1 && !born_to_another(article, b, &named[0].name) => (named[0].age, named[0].span),
            None if unnamed.len() == 1 => unnamed[0],
            None => continue,
        };
        // (The article's first full date may be the birth date itself.)
        let year = article.year.filter(|&y| y > born && !births.iter().any(|x| x.value as i64 == y));
        let wrong = match year {
            Some(y) => ![y - born - 1, y - born].contains(&(age as i64)),
            None => latest_year.is_some_and(|l| l > born && (age as i64) < l - born - 1),
        };
        if !wrong {
            continue;
        }
        let message = match year {
            Some(y) => format!("born in {born}, so {} or {} in {y}, not {age}", y - born - 1, y - born),
            None => format!("born in {born}, so at least {} by {}, not {age}", latest_year.unwrap_or(born) - born - 1, latest_year.unwrap_or(born)),
        };
        let birth_span = doc.tokens[b.tokens.start].span;
        out.push(META.diagnostic(span, message).with_related(birth_span, "the year of birth"));
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Every age stated right by a name.
fn ages(article: &Article) -> Vec<AgeMention> {
    let doc = article.doc;
    let mut out = Vec::new();
    for m in &article.mentions {
        if m.role != Role::Quantity || m.percent || m.currency.is_some() || !m.is_whole() || m.value < 1.0 || m.value > 120.0 || m.magnitude.is_some() {
            continue;
        }
        if article.is_heading_block(m.block) {
            continue;
        }
        let words = &article.sentences[m.sentence];
        let i = m.tokens.start;
        let at = |k: usize| words.at(k);
        let mut name_end = None;
        let mut after = m.tokens.end;
        // `Name (34)`, `Name (34 tahun)`
        if i >= 1 && at(i - 1) == Some("(") {
            if at(after) == Some("tahun") {
                after += 1;
            }
            if at(after) == Some(")") {
                name_end = Some(i - 1);
            }
        } else if i >= 1 && at(i - 1) == Some(",") {
            // `Name, 34,`, `Name, 34 tahun,`
            if at(after) == Some("tahun") {
                after += 1;
            }
            if matches!(at(after), Some("," | ")" | ";")) {
                name_end = Some(i - 1);
            }
        } else if i >= 2 && matches!(at(i - 1), Some("a" | "an")) && at(i - 2) == Some(",") && at(after) == Some("-") && at(after + 1).is_some_and(|w| w.starts_with("year-old")) {
            // `Name, a 29-year-old mother`
            name_end = Some(i - 2);
        } else if i >= 1 && matches!(at(i - 1), Some("berusia" | "berumur" | "aged" | "usia" | "umur")) {
            // `Name (yang) berusia 45 tahun`, `Name, aged 45`
            let mut k = i - 1;
            // `Name yang berusia`, `Name, yang berusia`, `Name, berusia`
            while k >= 1 && matches!(at(k - 1), Some("yang" | ",")) {
                k -= 1;
            }
            name_end = Some(k);
        }
        // `the 47-year-old Smith`: the name follows.
        if name_end.is_none() && at(after) == Some("-") && at(after + 1).is_some_and(|w| w == "year-old") {
            let mut k = after + 2;
            let mut name = Vec::new();
            while k < words.tokens.end && name.len() < 4 && doc.tokens[k].kind == TokenKind::Word && is_capitalised(doc.token_str(&doc.tokens[k])) {
                name.push(doc.token_str(&doc.tokens[k]).to_lowercase());
                k += 1;
            }
            let window = m.tokens.start.saturating_sub(6).max(words.tokens.start)..k.min(words.tokens.end);
            if !name.is_empty() && !words.any_phrase_in(window, OTHER_TIME) {
                out.push(AgeMention { name, age: m.value as u32, span: m.span, block: m.block });
            }
            continue;
        }
        let Some(name_end) = name_end else { continue };
        // An age at another time.
        let window = m.tokens.start.saturating_sub(6).max(words.tokens.start)..(after + 6).min(words.tokens.end);
        if words.any_phrase_in(window, OTHER_TIME) {
            continue;
        }
        // The name: capitalised words right before.
        let mut k = name_end;
        let mut name = Vec::new();
        while k > words.tokens.start && name.len() < 4 {
            let t = &doc.tokens[k - 1];
            let text = doc.token_str(t);
            if t.kind != TokenKind::Word || !is_capitalised(text) || text.chars().all(|c| !c.is_lowercase()) && text.chars().count() > 1 {
                break;
            }
            name.push(text.to_lowercase());
            k -= 1;
        }
        name.reverse();
        while name.first().is_some_and(|w| NOT_NAMES.contains(&w.as_str())) {
            name.remove(0);
        }
        if name.is_empty() {
            continue;
        }
        out.push(AgeMention { name, age: m.value as u32, span: m.span, block: m.block });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{flagged, run};

    #[test]
    fn an_age_against_a_year_of_birth() {
        for (text, lang) in [
            ("Pelatih itu, kelahiran 3 Maret 1999, berusia 24 tahun. Ia tiba Jumat (12/9/2025).", Id),
            ("Lientje Rumengan, 74, who was born in 1946, lived through the eruption of April 2024.", En),
            ("Bupati itu, Budi Santoso (56), hadir pada Rabu (17/9/2025).\n\nTerdakwa kelahiran 1973 itu tampak tenang.", Id),
            ("Smith, a 40-year-old farmer born in 1990, spoke on 3 March 2024.", En),
            // An age said without a name, the one of the article.
            ("Penyanyi itu meninggal pada Rabu (15/1/2025) dalam usia 81 tahun.\n\nIa lahir di Surakarta pada 2 Februari 1949.", Id),
            ("The singer, who died on 15 January 2025, was aged 81.\n\nShe was born in Surakarta in 1949.", En),
        ] {
            assert_eq!(flagged(&Age, lang, text).len(), 1, "{text}");
        }
        for (text, lang) in [
            ("Pelatih itu, kelahiran 3 Maret 1999, berusia 26 tahun. Ia tiba Jumat (12/9/2025).", Id),
            // The one age of the article said without a name, when right, or at another time.
            ("Penyanyi itu meninggal pada Rabu (15/1/2025) dalam usia 75 tahun.\n\nIa lahir di Surakarta pada 2 Februari 1949.", Id),
            ("Penyanyi itu meninggal pada Rabu (15/1/2025).\n\nIa lahir pada 2 Februari 1949 dan sejak berusia 12 tahun bernyanyi.", Id),
            ("Lientje Rumengan, 78, who was born in 1946, lived through the eruption of April 2024.", En),
            ("Budi Santoso (56) hadir. Ayahnya lahir pada 1940 dan istrinya, Ani (50), lahir pada 1975.", Id),
            ("She was born in 1950. The museum opened in 2001.", En),
        ] {
            assert!(flagged(&Age, lang, text).is_empty(), "{text}: {:?}", flagged(&Age, lang, text));
        }
    }

    #[test]
    fn an_anniversary_against_the_founding_year() {
        assert_eq!(flagged(&Age, Id, "Koperasi itu merayakan HUT ke-45 pada Sabtu (12/4/2025). Koperasi didirikan pada 1975 oleh 20 petani."), ["ke-45"]);
        assert_eq!(flagged(&Age, En, "The theatre, founded in 1968, marks its 55th anniversary on Friday, March 7, 2025."), ["55th"]);
        assert_eq!(flagged(&Age, Id, "Koperasi merayakan ulang tahun ke-40, Rabu (15/5/2024). Koperasi yang didirikan oleh 23 peternak pada 12 Mei 1974 itu kini besar."), ["ke-40"]);
        assert_eq!(flagged(&Age, Id, "Sekolah yang berdiri sejak 1990 itu memperingati ulang tahun ke-25 pada Senin (3/3/2025)."), ["ke-25"]);
        // A birth said of another person than the one whose age is given.
        assert!(flagged(&Age, Id, "Sastrawan Syafruddin meninggal pada Rabu (14/5/2025).\n\nSyafruddin lahir di Koto Baringin pada 3 Maret 1951.\n\n\"Beliau guru yang keras,\" kenang Yulia Rahmi (55), muridnya.").is_empty());
        // An earlier anniversary, of a year of its own.
        assert!(flagged(&Age, Id, "Sanggar yang didirikan pada 1975 merayakan ulang tahun ke-50 pada Jumat (13/6/2025). Sepuluh tahun lalu, saat merayakan ulang tahun ke-40 pada 2015, sanggar menggelar pentas keliling.").is_empty());
        assert!(flagged(&Age, En, "The troupe, founded in 1975, marked its 50th anniversary on June 13, 2025. At its 40th anniversary in 2015, it toured the region.").is_empty());
        for (language, text) in [
            (Id, "Koperasi itu merayakan HUT ke-50 pada Sabtu (12/4/2025). Koperasi didirikan pada 1975 oleh 20 petani."),
            (En, "The theatre, founded in 1968, marks its 57th anniversary on Friday, March 7, 2025."),
            // No article year; two founding years; an ordinal of something else.
            (En, "The theatre, founded in 1968, marks its 55th anniversary this year."),
            (Id, "Klub yang didirikan pada 1975 itu merayakan HUT ke-45 pada Sabtu (12/4/2025), sedangkan klub rival yang berdiri pada 1980 ..."),
            (Id, "Koperasi didirikan pada 1975. Pada Sabtu (12/4/2025), koperasi menggelar rapat anggota ke-45."),
        ] {
            assert!(flagged(&Age, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_age_at_death_against_a_birth_date() {
        assert_eq!(flagged(&Age, Id, "Penyanyi itu lahir di Medan pada 17 Agustus 1938. Ia meninggal dunia pada usia 81 tahun, Senin (10/3/2025)."), ["81"]);
        assert_eq!(flagged(&Age, Id, "Ia meninggal dunia pada usia 81 tahun, Senin (10/3/2025).\n\nPenyanyi itu lahir di Klaten, Jawa Tengah, pada 17 Agustus 1938."), ["81"]);
        assert!(flagged(&Age, Id, "Penyanyi itu lahir di Medan pada 17 Agustus 1938. Ia meninggal dunia pada usia 86 tahun, Senin (10/3/2025).").is_empty());
    }

    #[test]
    fn numbered_parts_of_a_law_are_no_ages() {
        assert!(flagged(&Age, Id, "Tersangka dijerat Pasal 114 Ayat (2) juncto Pasal 132 Ayat (1) Undang-Undang Nomor 35 Tahun 2009.").is_empty());
    }

    #[test]
    fn two_ages_for_one_person() {
        let text = "Warga, Fitri Handayani (34), mengungsi.\n\nFitri Handayani, 36, mengatakan rumahnya hanyut.";
        let d = run(&Age, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.range()], "36");
        assert_eq!(d[0].message, "Fitri Handayani is 36 here, but 34 in paragraph 1");
        assert_eq!(flagged(&Age, Id, "Rahmat Lessy (38) divonis. Rahmat, 40 tahun, menerima putusan."), ["40"]);
        assert_eq!(flagged(&Age, En, "Dewi Anjani, 41, fled. Later, Dewi Anjani, a 43-year-old mother, returned."), ["43"]);
        assert_eq!(flagged(&Age, Id, "Budi Santoso yang berusia 45 tahun tewas. Keluarga Budi Santoso (47) datang."), ["47"]);
        assert_eq!(flagged(&Age, En, "Mayor John Smith, 45, won. The 47-year-old Smith thanked supporters."), ["47"]);
        assert_eq!(flagged(&Age, Id, "Sopir truk, Hendra (29), mengantuk. Hendra, yang berusia 32 tahun, ditahan."), ["32"]);
    }

    #[test]
    fn different_people_and_other_times() {
        for text in [
            "Rahmat Lessy (38) membunuh Husein Tuasikal (52).",
            "Budi Santoso (45) dan Budi Hartono (50) ditangkap. Budi, 47, tidak ikut.",
            "Fitri Handayani (34) menikah saat itu, ketika Fitri Handayani berusia 20 tahun.",
            "Sopir bus berinisial AS (51) selamat. Penumpang AS (40) tewas.",
            "Ujang Sopandi (47) datang. Ujang Sopandi (47) pulang.",
        ] {
            assert!(flagged(&Age, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&Age, En, "Fadjar Nugroho, 31, scored. Fajar Nugroho, 32, did not.").is_empty());
    }
}
