use super::{clock_times, majority_time_separator, TIME_ZONES};
use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};

/// `pukul 1: 00` -> `pukul 01.00`; `2200 GMT` -> `22.00 GMT`.
pub struct TimeFormat;

static META: RuleMeta = RuleMeta {
    code: "typography/time-format",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "Clock times per EYD V: hours and minutes joined by a dot (or a colon), with no spaces.",
    explanation: "EYD V (2022) writes clock times as `pukul 01.00` or `pukul 01:00`, with two digits \
for the hour and no spaces. Wire copy leaves `pukul 1: 00` and military-style `2200 GMT`; the fix writes \
the time with the article's usual separator. A time is recognised by *pukul* or *jam* before it, or a \
time zone or part of the day after it, so years and amounts stay silent.",
    example_bad: "Ledakan terjadi sekitar pukul 1: 00 pagi (2200 GMT).",
    example_good: "Ledakan terjadi sekitar pukul 01.00 pagi (22.00 GMT).",
};

impl Rule for TimeFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let sep = majority_time_separator(&clock_times(doc));
        for range in &doc.block_tokens {
            let tokens = &doc.tokens[range.clone()];
            for (i, t) in tokens.iter().enumerate() {
                if t.kind != TokenKind::Number {
                    continue;
                }
                let s = doc.token_str(t);
                let before = i.checked_sub(1).map(|j| doc.token_str(&tokens[j]).to_lowercase());
                let after_pukul = matches!(before.as_deref(), Some("pukul" | "jam" | "pkl"));
                // `1: 00`, `10 :15`, `10 . 15` after pukul/jam.
                if after_pukul && s.chars().all(|c| c.is_ascii_digit()) && s.len() <= 2
                    && let (Some(mark), Some(minutes)) = (tokens.get(i + 1), tokens.get(i + 2)) {
                        let m = doc.token_str(mark);
                        let mm = doc.token_str(minutes);
                        if matches!(m, "." | ":")
                            && minutes.kind == TokenKind::Number
                            && mm.len() == 2
                            && (mark.space_before || minutes.space_before)
                            && !minutes.line_break_before
                            && let (Ok(h), Ok(min)) = (s.parse::<u32>(), mm.parse::<u32>())
                                && h <= 24 && min <= 59 {
                                    let span = Span::new(t.span.start, minutes.span.end);
                                    let right = format!("{h:02}{sep}{min:02}");
                                    out.push(
                                        META.diagnostic(span, format!("write the time as '{right}', without spaces"))
                                            .with_fix(Fix::replace(span, &right, Applicability::Safe)),
                                    );
                                }
                    }
                // `2200 GMT`: four digits glued together before a time zone.
                let zone = tokens.get(i + 1).map(|n| doc.token_str(n).to_lowercase());
                if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) && zone.as_deref().is_some_and(|z| TIME_ZONES.contains(&z)) {
                    let (h, m) = (s[..2].parse::<u32>().unwrap_or(99), s[2..].parse::<u32>().unwrap_or(99));
                    if h <= 23 && m <= 59 {
                        let right = format!("{}{sep}{}", &s[..2], &s[2..]);
                        out.push(
                            META.diagnostic(t.span, format!("separate hours and minutes: '{right}'"))
                                .with_fix(Fix::replace(t.span, &right, Applicability::Safe)),
                        );
                    }
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
            fixed(&TimeFormat, Id, "Ledakan terjadi sekitar pukul 1: 00 pagi (2200 GMT) dan pukul 10 :15 malam."),
            "Ledakan terjadi sekitar pukul 01.00 pagi (22.00 GMT) dan pukul 10.15 malam."
        );
        // The article's own separator is kept.
        assert_eq!(fixed(&TimeFormat, Id, "Mulai pukul 08:00 WIB, lalu pukul 9: 30 dan 13:00 WIB."), "Mulai pukul 08:00 WIB, lalu pukul 09:30 dan 13:00 WIB.");
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in ["Pada 2022 ada 2200 orang.", "Pukul 14.30 WIB dan 14:30 WIB.", "Dia lahir tahun 1998 di Medan.", "Skor 1: 0."] {
            assert!(flagged(&TimeFormat, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&TimeFormat, En, "The blast was at 2200 GMT.").is_empty());
    }
}
