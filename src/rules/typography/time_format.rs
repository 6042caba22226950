use super::{clock_times, majority_time_separator, DAY_PARTS, TIME_ZONES};
use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity, Span};
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
    explanation: "EYD V (2022) writes clock times as `pukul 01.00`, hours and minutes joined by a dot with no \
spaces. Wire copy leaves `pukul 1: 00` and military-style `2200 GMT`; the fix writes the time with the \
article's usual separator. A 12-hour time with its part of the day (`4: 30 sore`) stays 12-hour \
(`4.30 sore`), and the 24-hour form (`16.30`) is offered as a suggestion only. An article whose clock \
times are all written with a colon gets one note (info: house styles differ) with a fix for all of them. \
A time is recognised by *pukul* or *jam* before it, or a time zone or part of the day after it, so years \
and amounts stay silent.",
    example_bad: "Ledakan terjadi sekitar pukul 1: 00 pagi (2200 GMT).",
    example_good: "Ledakan terjadi sekitar pukul 1.00 pagi (22.00 GMT).",
};

/// The 24-hour hour of a 12-hour time with its part of the day, when the part says which:
/// `4 sore` is 16, `9 pagi` is 9, `12 malam` is 0.
fn twenty_four_hour(h: u32, part: &str) -> Option<u32> {
    match part {
        "pagi" | "dini" => Some(if h == 12 { 0 } else { h }),
        "siang" => Some(if (1..=5).contains(&h) { h + 12 } else { h }),
        "sore" => Some(if h < 12 { h + 12 } else { h }),
        "malam" => Some(match h {
            12 => 0,
            1..=4 => h,
            _ => h + 12,
        }),
        _ => None,
    }
}

impl Rule for TimeFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let times = clock_times(doc);
        let sep = majority_time_separator(&times);
        // Every clock time written with a colon: EYD V writes a dot. One note for the article
        // (house styles differ), at the first, with a fix for all of them.
        if let Some(first) = times.first().filter(|_| times.iter().all(|t| t.separator == ':')) {
            let edits = times.iter().map(|t| Edit::replace(t.span, doc.str(t.span).replace(':', "."))).collect();
            let mut d = META
                .diagnostic(first.span, format!("EYD V writes clock times with a dot: '{}'", doc.str(first.span).replace(':', ".")))
                .with_fix(Fix::suggested("Write every clock time with a dot", edits));
            d.severity = Severity::Info;
            for t in &times[1..] {
                d = d.with_related(t.span, "also written with ':'");
            }
            out.push(d);
        }
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
                                    let part = tokens.get(i + 3).filter(|p| p.kind == TokenKind::Word).map(|p| (p, doc.token_lower(range.start + i + 3)));
                                    let part = part.filter(|(_, w)| DAY_PARTS.contains(w) && h <= 12);
                                    let mut d;
                                    if let Some((part_token, part_word)) = part {
                                        // `4: 30 sore`: a 12-hour time with its part of the day stays
                                        // 12-hour (`4.30 sore`); the 24-hour form is only offered.
                                        let right = format!("{h}{sep}{min:02}");
                                        d = META.diagnostic(span, format!("write the time as '{right}', without spaces"))
                                            .with_fix(Fix::replace(span, &right, Applicability::Safe));
                                        if let Some(h24) = twenty_four_hour(h, part_word) {
                                            let whole = Span::new(t.span.start, part_token.span.end);
                                            let day = format!("{h24:02}{sep}{min:02}");
                                            d = d.with_fix(Fix::replace(whole, &day, Applicability::Suggested));
                                        }
                                    } else {
                                        let right = format!("{h:02}{sep}{min:02}");
                                        d = META.diagnostic(span, format!("write the time as '{right}', without spaces"))
                                            .with_fix(Fix::replace(span, &right, Applicability::Safe));
                                    }
                                    out.push(d);
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
    use crate::rules::typography::test_support::{fixed, flagged, run};

    fn safe_fixed(rule: &dyn Rule, language: crate::language::Language, text: &str) -> String {
        let diags = run(rule, language, text);
        crate::fix::apply_fixes(text, &diags, crate::fix::FixMode::SafeOnly).0
    }

    #[test]
    fn flags_and_fixes() {
        assert_eq!(
            fixed(&TimeFormat, Id, "Ledakan terjadi sekitar pukul 1: 00 pagi (2200 GMT) dan pukul 10 :15 malam."),
            "Ledakan terjadi sekitar pukul 1.00 pagi (22.00 GMT) dan pukul 10.15 malam."
        );
        // The 24-hour form is a suggestion, never the safe fix.
        let d = &run(&TimeFormat, Id, "Warga berkumpul pukul 4: 30 sore di alun-alun.")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "4.30");
        assert_eq!(d.fixes[0].applicability, Applicability::Safe);
        assert_eq!(d.fixes[1].edits[0].new_text, "16.30");
        assert_eq!(d.fixes[1].applicability, Applicability::Suggested);
        assert_eq!(safe_fixed(&TimeFormat, Id, "Rapat dimulai pukul 9 :15 malam dan pukul 7 . 05 pagi."), "Rapat dimulai pukul 9.15 malam dan pukul 7.05 pagi.");
        // The article's own separator is kept.
        assert_eq!(safe_fixed(&TimeFormat, Id, "Mulai pukul 08:00 WIB, lalu pukul 9: 30 dan 13:00 WIB."), "Mulai pukul 08:00 WIB, lalu pukul 09:30 dan 13:00 WIB.");
    }

    #[test]
    fn colon_times_get_one_note() {
        let found = run(&TimeFormat, Id, "Banjir datang pukul 14:30 WIB dan surut pukul 18:05 WIB.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(fixed(&TimeFormat, Id, "Banjir datang pukul 14:30 WIB dan surut pukul 18:05 WIB."), "Banjir datang pukul 14.30 WIB dan surut pukul 18.05 WIB.");
        // Mixed separators are the other rule's; dots alone are silent.
        assert!(run(&TimeFormat, Id, "Pukul 14.30 WIB dan 16:00 WIB.").is_empty());
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in ["Pada 2022 ada 2200 orang.", "Dia lahir tahun 1998 di Medan.", "Skor 1: 0."] {
            assert!(flagged(&TimeFormat, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&TimeFormat, En, "The blast was at 2200 GMT.").is_empty());
    }
}
