use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `3,2miliar` -> `3,2 miliar`; `10km` -> `10 km`; `5 %` -> `5%`.
pub struct NumberUnitSpacing;

static META: RuleMeta = RuleMeta {
    code: "typography/number-unit-spacing",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A number glued to its unit or magnitude, or a percent sign set apart from its number.",
    explanation: "Indonesian (EYD V) and English news write a space between a number and a unit or magnitude \
word (`3,2 miliar`, `10 km`, `5 million`) and none before the percent sign (`5%`). Only listed units and \
magnitudes are read, so model names and ordinals (`4G`, `3D`, `21st`, `2000-an`) stay silent, and so \
does `m` in English, where `$5m` means millions.",
    example_bad: "Nilai ekspor naik 5 % menjadi 3,2miliar dolar, sejauh 10km dari pelabuhan.",
    example_good: "Nilai ekspor naik 5% menjadi 3,2 miliar dolar, sejauh 10 km dari pelabuhan.",
};

const ID_UNITS: &[&str] = &[
    "juta", "miliar", "triliun", "ribu", "persen", "km", "kg", "cm", "mm", "ml", "mg", "ha", "ton",
    "meter", "kilometer", "kilogram", "gram", "liter", "hektare", "derajat", "mph", "kph", "mw", "gw",
    "kwh", "gb", "mb", "tb",
];
const EN_UNITS: &[&str] = &[
    "million", "billion", "trillion", "thousand", "percent", "km", "kg", "cm", "mm", "ml", "mg", "ha",
    "tonnes", "tons", "metres", "meters", "kilometres", "kilometers", "miles", "mph", "kph", "mw", "gw",
    "kwh", "gb", "mb", "tb", "litres", "liters", "degrees",
];

impl Rule for NumberUnitSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let units = match doc.language {
            Language::Id => ID_UNITS,
            Language::En => EN_UNITS,
        };
        for (_, tokens) in ctx.focused_blocks() {
            for (i, t) in tokens.iter().enumerate() {
                let s = doc.token_str(t);
                match t.kind {
                    // `3,2miliar`: digits (with inner separators) run into a unit word.
                    TokenKind::Word if s.starts_with(|c: char| c.is_ascii_digit()) => {
                        let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(s.len());
                        let (number, unit) = s.split_at(split);
                        if number.ends_with(['.', ',']) || !units.contains(&unit.to_lowercase().as_str()) {
                            continue;
                        }
                        // Units written with capitals stay (`5MW`, `4GB`: trade copy's own way).
                        if unit.chars().any(char::is_uppercase) {
                            continue;
                        }
                        let at = t.span.start + split;
                        out.push(
                            META.diagnostic(t.span, format!("a space between the number and '{unit}': '{number} {unit}'"))
                                .with_fix(Fix { title: "Insert a space".into(), applicability: Applicability::Safe, edits: vec![Edit::insert(at, " ")] }),
                        );
                    }
                    // `5 %`: the percent sign set apart from its number.
                    TokenKind::Punct if s == "%" && t.space_before && !t.line_break_before && i > 0 && tokens[i - 1].kind == TokenKind::Number => {
                        let gap = Span::new(tokens[i - 1].span.end, t.span.start);
                        if !doc.str(gap).chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t') {
                            continue;
                        }
                        let number = doc.token_str(&tokens[i - 1]);
                        out.push(
                            META.diagnostic(gap, format!("no space before the percent sign: '{number}%'"))
                                .with_fix(Fix { title: "Remove the space".into(), applicability: Applicability::Safe, edits: vec![Edit::delete(gap)] }),
                        );
                    }
                    _ => {}
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
    fn flags_and_fixes() {
        assert_eq!(
            fixed(&NumberUnitSpacing, Id, "Nilai ekspor naik 5 % menjadi 3,2miliar dolar, sejauh 10km dan 1.500ton beras."),
            "Nilai ekspor naik 5% menjadi 3,2 miliar dolar, sejauh 10 km dan 1.500 ton beras."
        );
        assert_eq!(fixed(&NumberUnitSpacing, En, "Sales rose 7 % to 4.5billion dollars over 12km."), "Sales rose 7% to 4.5 billion dollars over 12 km.");
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in ["Jaringan 4G dan 5G, film 3D, tahun 2000-an, naik 5% dan 10 km.", "Dia juara ke-3 dari 5MW."] {
            assert!(flagged(&NumberUnitSpacing, Id, text).is_empty(), "{text}: {:?}", flagged(&NumberUnitSpacing, Id, text));
        }
        for text in ["He paid $5m for a 21st-century 4K screen.", "It rose 5% in the 1990s.", "Rates:\n% of people"] {
            assert!(flagged(&NumberUnitSpacing, En, text).is_empty(), "{text}: {:?}", flagged(&NumberUnitSpacing, En, text));
        }
    }
}
