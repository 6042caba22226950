use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `1,500,000` and `4.5 persen` in Indonesian; `1.500.000` and `2,5 percent` in English.
pub struct DigitGrouping;

static META: RuleMeta = RuleMeta {
    code: "typography/digit-grouping",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "Thousands and decimal separators of the other language.",
    explanation: "Indonesian groups thousands with a dot and writes decimals with a comma (`1.500.000`, `2,5`); \
English does the reverse. Translated copy often keeps the source's convention. Only unambiguous cases are \
flagged: two or more groups of three digits (`1,500,000`), a single decimal digit (`4.5`), or two decimal \
digits before a unit or magnitude (`12.75 persen`, `2,5 million`). Times, versions, section numbers and \
dates stay silent.",
    example_bad: "Ekonomi tumbuh 4.5 persen dan utang mencapai Rp 1,500,000 juta.",
    example_good: "Ekonomi tumbuh 4,5 persen dan utang mencapai Rp 1.500.000 juta.",
};

const ID_UNITS: &[&str] = &[
    "persen", "%", "juta", "miliar", "triliun", "ribu", "km", "kilometer", "meter", "m", "kg", "kilogram",
    "ton", "derajat", "poin", "liter", "hektare", "ha", "mil", "magnitudo", "sr", "gram", "cm", "mm",
];
const EN_UNITS: &[&str] = &[
    "percent", "per", "%", "million", "billion", "trillion", "thousand", "km", "kilometres", "kilometers",
    "miles", "metres", "meters", "kg", "tonnes", "tons", "degrees", "points", "litres", "liters", "hectares",
];
/// Words after which a dotted number is a section or version, not an amount.
const SECTION_WORDS: &[&str] = &["pasal", "ayat", "bab", "versi", "version", "v", "section", "article", "chapter", "no", "nomor", "pukul", "jam", "ios", "android"];

/// Currency words before an amount: `Rp 1.2 triliun` is an amount, not a version.
fn is_currency(word: &str) -> bool {
    ["rp", "idr", "usd", "us$", "$", "sgd", "rm", "eur", "jpy", "gbp", "aud", "dolar", "euro", "yen", "ringgit", "rupiah"].contains(&word.to_lowercase().as_str())
}

fn groups_of_three(rest: &[&str]) -> bool {
    rest.iter().all(|g| g.len() == 3)
}

impl Rule for DigitGrouping {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let (thousands, decimal, units) = match doc.language {
            Language::Id => ('.', ',', ID_UNITS),
            Language::En => (',', '.', EN_UNITS),
        };
        // The separators as the other language writes them.
        let (foreign_thousands, foreign_decimal) = (decimal, thousands);
        for (_, tokens) in ctx.focused_blocks() {
            for (i, t) in tokens.iter().enumerate() {
                if t.kind != TokenKind::Number {
                    continue;
                }
                let s = doc.token_str(t);
                if s.contains(':') {
                    continue;
                }
                let prev = i.checked_sub(1).map(|j| doc.token_str(&tokens[j]).to_lowercase());
                if prev.as_deref().is_some_and(|p| SECTION_WORDS.contains(&p)) {
                    continue;
                }
                // A number glued to another by a separator is a date or an address.
                let glued = |k: Option<usize>| {
                    k.and_then(|k| tokens.get(k)).is_some_and(|n| !n.space_before && matches!(doc.token_str(n), "." | "," | "/" | "-"))
                };
                if glued(i.checked_sub(1)) && i >= 2 && tokens[i - 2].kind == TokenKind::Number {
                    continue;
                }
                if glued(Some(i + 1)) && tokens.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number) {
                    continue;
                }
                let next = tokens.get(i + 1).map(|n| doc.token_str(n).to_lowercase());
                let unit_follows = next.as_deref().is_some_and(|n| units.contains(&n));
                // `Bluetooth 4.2`, `Android 13.1`, `iOS 17.4`, `USB 3.0`: a number right after a
                // name (a capital in the word, not a currency) and before no unit is a version.
                let after_name = i >= 1 && tokens[i - 1].kind == TokenKind::Word && {
                    let p = doc.token_str(&tokens[i - 1]);
                    p.chars().any(char::is_uppercase) && !is_currency(p)
                };
                if after_name && !unit_follows {
                    continue;
                }
                let has_group = s.contains(foreign_thousands);
                let has_decimal = s.contains(foreign_decimal);
                let fixed = if has_group && !has_decimal {
                    // 1,500,000 in Indonesian; 1.500.000 in English.
                    let parts: Vec<&str> = s.split(foreign_thousands).collect();
                    let head_ok = (1..=3).contains(&parts[0].len()) && !parts[0].starts_with('0');
                    (parts.len() >= 3 && head_ok && groups_of_three(&parts[1..])).then(|| parts.join(&thousands.to_string()))
                } else if has_decimal && !has_group {
                    // 4.5 persen in Indonesian; 2,5 percent in English: a decimal, since a group of
                    // thousands always has three digits.
                    let parts: Vec<&str> = s.split(foreign_decimal).collect();
                    (parts.len() == 2 && (parts[1].len() == 1 || parts[1].len() == 2 && unit_follows))
                        .then(|| format!("{}{decimal}{}", parts[0], parts[1]))
                } else if has_group && has_decimal {
                    // 1,250.50 in Indonesian: grouping and decimal both of the other language.
                    let (int, frac) = s.rsplit_once(foreign_decimal).unwrap_or((s, ""));
                    let parts: Vec<&str> = int.split(foreign_thousands).collect();
                    (parts.len() >= 2 && groups_of_three(&parts[1..]) && !frac.contains(foreign_thousands) && !int.contains(foreign_decimal))
                        .then(|| format!("{}{decimal}{frac}", parts.join(&thousands.to_string())))
                } else {
                    None
                };
                if let Some(fixed) = fixed {
                    let language = if doc.language == Language::Id { "Indonesian" } else { "English" };
                    out.push(
                        META.diagnostic(t.span, format!("{language} writes this number '{fixed}'"))
                            .with_fix(Fix::replace(t.span, &fixed, Applicability::Safe)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged};

    #[test]
    fn indonesian() {
        assert_eq!(
            fixed(&DigitGrouping, Id, "Ekonomi tumbuh 4.5 persen, Rp 1.2 triliun, 1,500,000 orang dan 12.75 persen, total 1,250.50 juta."),
            "Ekonomi tumbuh 4,5 persen, Rp 1,2 triliun, 1.500.000 orang dan 12,75 persen, total 1.250,50 juta."
        );
    }

    #[test]
    fn english() {
        assert_eq!(
            fixed(&DigitGrouping, En, "It grew 2,5 percent to 1.500.000 people."),
            "It grew 2.5 percent to 1,500,000 people."
        );
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Pukul 14.30 WIB, 1.500 orang, 2,5 persen, Pasal 4.5 dan tanggal 12.05.2020.",
            "Harga Rp 12.500 naik menjadi Rp 14.000.",
            "Pada 1,500 tahun lalu.",
            "Versi 2.5 dirilis.",
            "Ponsel itu memakai Bluetooth 4.2, Android 13.1, iOS 17.4 dan USB 3.0.",
        ] {
            assert!(flagged(&DigitGrouping, Id, text).is_empty(), "{text}: {:?}", flagged(&DigitGrouping, Id, text));
        }
        for text in ["It cost $1,500,000 and grew 2.5 percent at 2:30 p.m.", "Version 1.2 and 1,500 people."] {
            assert!(flagged(&DigitGrouping, En, text).is_empty(), "{text}");
        }
    }
}
