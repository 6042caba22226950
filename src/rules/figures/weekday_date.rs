use super::{weekday_index, Article, WEEKDAYS_EN};
use crate::diagnostic::{Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::numbers::{month_number, Role};
use crate::rules::{Context, Rule, RuleMeta};

/// `Jumat (24/4/2025)`: 24 April 2025 is a Thursday.
pub struct WeekdayDate;

static META: RuleMeta = RuleMeta {
    code: "figures/weekday-date",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A weekday that does not fall on the date written with it.",
    explanation: "News writes a day with its date: `Kamis (24/4/2025)`, `Senin, 14 April 2025`, `Thursday, April \
24, 2025`, `Friday (April 25)`. The weekday of the date is computed (proleptic Gregorian calendar) and a \
weekday that does not match is reported with two suggestions, for the editor to choose: the right weekday (in \
the same language and capitalisation) or the nearest day of the month that falls on the weekday written. A date \
without a year takes the article's year (its front matter's `date:`, else its first full date, such as a \
dateline's), and is left alone when the article has none or the weekday would fit the year before; a date that \
does not exist (`31/4`) is left alone.",
    example_bad: "Polisi menangkap pelaku pada Jumat (24/4/2025) malam.",
    example_good: "Polisi menangkap pelaku pada Kamis (24/4/2025) malam.",
};

const ID_NAMES: [&str; 7] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
const EN_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The weekday of a date, 0 = Monday ... 6 = Sunday.
pub(crate) fn weekday(year: i64, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(year, month, day) + 3).rem_euclid(7) as u32
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date written after a weekday: (day, month, year if written, span of the date).
struct WrittenDate {
    day: u32,
    month: u32,
    year: Option<i64>,
    span: Span,
    /// The day of the month's digits.
    day_span: Option<Span>,
}

impl Rule for WeekdayDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let article = ctx.figures_article();
        if article.too_large() {
            return;
        }
        let years: Vec<i64> = article.mentions.iter().filter(|m| matches!(m.role, Role::Year | Role::Date) && (1900.0..=2100.0).contains(&m.value)).map(|m| m.value as i64).collect();
        for range in &doc.block_tokens {
            for i in range.clone() {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Word {
                    continue;
                }
                let word = doc.token_str(t);
                // (`weekday_index` lowercases an ASCII word itself, without a copy.)
                let Some(written) = (if word.is_ascii() { weekday_index(word) } else { weekday_index(&word.to_lowercase()) }) else { continue };
                let lower = word.to_lowercase();
                // `minggu` is also "week".
                if lower == "minggu" && !word.starts_with('M') {
                    continue;
                }
                let Some(date) = date_after(article, i + 1, range.end) else { continue };
                if date.day == 0 || date.month == 0 || date.month > 12 {
                    continue;
                }
                let (year, inferred) = match date.year.or(article.year) {
                    Some(y) => (y, date.year.is_none()),
                    None => continue,
                };
                if !(1900..=2100).contains(&year) || date.day > days_in_month(year, date.month) {
                    continue;
                }
                let actual = weekday(year, date.month, date.day);
                if actual == written {
                    continue;
                }
                // A date without its year may be from the year before the article's, or from any
                // year the article names.
                if inferred {
                    let fits = |y: i64| date.day <= days_in_month(y, date.month) && weekday(y, date.month, date.day) == written;
                    if fits(year - 1) || years.iter().any(|&y| fits(y)) {
                        continue;
                    }
                }
                let english = WEEKDAYS_EN.contains(&lower.as_str());
                let right = if english { EN_NAMES[actual as usize] } else { ID_NAMES[actual as usize] };
                let right = if word.chars().all(|c| !c.is_lowercase()) {
                    right.to_uppercase()
                } else if word.starts_with(|c: char| c.is_lowercase()) {
                    right.to_lowercase()
                } else {
                    right.to_string()
                };
                let date_text = doc.str(date.span);
                let message = format!("{date_text} is a {}, not a {}", EN_NAMES[actual as usize], EN_NAMES[written as usize]);
                // Either may be the slip: the weekday, or the day of the month (the nearest one
                // that falls on the weekday written). The editor decides, so both are suggestions.
                let mut d = META.diagnostic(t.span, message).with_fix(Fix::suggested(format!("Replace with '{right}'"), vec![crate::diagnostic::Edit::replace(t.span, right)]));
                let shift = (written as i64 - actual as i64 + 7) % 7;
                let nearest = if shift <= 3 { date.day as i64 + shift } else { date.day as i64 + shift - 7 };
                if let Some(day_span) = date.day_span
                    && (1..=days_in_month(year, date.month) as i64).contains(&nearest)
                {
                    let day_text = doc.str(day_span);
                    let new_day = if day_text.len() == 2 && nearest < 10 { format!("0{nearest}") } else { nearest.to_string() };
                    d = d.with_fix(Fix::suggested(format!("Change the day of the month to {nearest}"), vec![crate::diagnostic::Edit::replace(day_span, new_day)]));
                }
                out.push(d);
            }
        }
    }
}

/// The date right after a weekday: `(24/4/2025)`, `, 14 April 2025`, `, April 24, 2025`, `(April 24)`.
fn date_after(article: &Article, mut i: usize, end: usize) -> Option<WrittenDate> {
    let doc = article.doc;
    let text = |k: usize| (k < end).then(|| doc.token_str(&doc.tokens[k]));
    if matches!(text(i), Some("," | "(")) {
        i += 1;
    }
    let number = |k: usize| (k < end && doc.tokens[k].kind == TokenKind::Number).then(|| doc.token_str(&doc.tokens[k]));
    let int = |s: &str| s.parse::<i64>().ok();
    let year_of = |s: &str| int(s).map(|y| if s.len() == 2 { 2000 + y } else { y }).filter(|_| s.len() == 2 || s.len() == 4);
    let glued = |k: usize| k < end && !doc.tokens[k].space_before;
    let start = doc.tokens.get(i)?.span.start;
    // `24.4.2025`: one token.
    if let Some(s) = number(i) {
        let parts: Vec<&str> = s.split('.').collect();
        if parts.len() == 3 {
            return Some(WrittenDate { day: int(parts[0])? as u32, month: int(parts[1])? as u32, year: Some(year_of(parts[2])?), span: doc.tokens[i].span, day_span: None });
        }
    }
    // `24/4/2025`, `24-4-2025`, `24/4`.
    if let (Some(d), Some(sep)) = (number(i), text(i + 1)) {
        if matches!(sep, "/" | "-") && glued(i + 1) && glued(i + 2) {
            let m = number(i + 2)?;
            let mut last = i + 2;
            let mut year = None;
            if text(i + 3) == Some(sep) && glued(i + 3) && glued(i + 4) {
                year = Some(year_of(number(i + 4)?)?);
                last = i + 4;
            } else if text(i + 3).is_some_and(|s| s == "/" || s == "-") && glued(i + 3) {
                return None;
            }
            return Some(WrittenDate { day: int(d)? as u32, month: int(m)? as u32, year, span: Span::new(start, doc.tokens[last].span.end), day_span: Some(doc.tokens[i].span) });
        }
        // `14 April 2025`
        if let Some(month) = text(i + 1).and_then(month_number)
            && doc.tokens[i + 1].kind == TokenKind::Word
        {
            // `14 Nov. 2024`: an abbreviated month's full stop.
            let after = if text(i + 2) == Some(".") && glued(i + 2) { i + 3 } else { i + 2 };
            let (year, last) = match number(after).and_then(|y| (y.len() == 4).then(|| int(y)).flatten()) {
                Some(y) => (Some(y), after),
                None => (None, i + 1),
            };
            return Some(WrittenDate { day: int(d)? as u32, month, year, span: Span::new(start, doc.tokens[last].span.end), day_span: Some(doc.tokens[i].span) });
        }
        return None;
    }
    // `April 24, 2025`, `April 24`.
    let month = text(i).filter(|_| doc.tokens[i].kind == TokenKind::Word).and_then(month_number)?;
    // `Nov. 12, 2024` (AP style): the abbreviation's full stop.
    if text(i + 1) == Some(".") && glued(i + 1) {
        i += 1;
    }
    let d = number(i + 1)?;
    let mut last = i + 1;
    let mut year = None;
    if text(i + 2) == Some(",") {
        if let Some(y) = number(i + 3).filter(|y| y.len() == 4) {
            year = int(y);
            last = i + 3;
        }
    } else if let Some(y) = number(i + 2).filter(|y| y.len() == 4) {
        year = int(y);
        last = i + 2;
    }
    // The day must be a day, not a count or a year: `April 2025`.
    if d.len() > 2 {
        return None;
    }
    let m = article.mention_starting_at(i + 1).map(|k| &article.mentions[k]);
    if m.is_some_and(|m| m.role != Role::Date && m.role != Role::Quantity) {
        return None;
    }
    Some(WrittenDate { day: int(d)? as u32, month, year, span: Span::new(start, doc.tokens[last].span.end), day_span: Some(doc.tokens[i + 1].span) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{fixed, flagged, run};

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(weekday(1970, 1, 1), 3); // Thursday
        assert_eq!(weekday(2025, 4, 24), 3); // Thursday
        assert_eq!(weekday(2000, 2, 29), 1); // Tuesday
        assert_eq!(weekday(2016, 8, 30), 1); // Tuesday
        assert_eq!(weekday(1945, 8, 17), 4); // Friday
        assert_eq!(weekday(2100, 3, 1), 0); // Monday
    }

    #[test]
    fn a_wrong_weekday_is_fixed() {
        assert_eq!(fixed(&WeekdayDate, Id, "Pelaku ditangkap pada Jumat (24/4/2025) malam."), "Pelaku ditangkap pada Kamis (24/4/2025) malam.");
        let d = run(&WeekdayDate, Id, "Pelaku ditangkap pada Jumat (24/4/2025) malam.");
        assert_eq!(d[0].message, "24/4/2025 is a Thursday, not a Friday");
        assert_eq!(fixed(&WeekdayDate, Id, "Sidang digelar Selasa, 14 April 2025."), "Sidang digelar Senin, 14 April 2025.");
        assert_eq!(fixed(&WeekdayDate, En, "The court ruled on Friday, April 24, 2025."), "The court ruled on Thursday, April 24, 2025.");
        assert_eq!(fixed(&WeekdayDate, En, "It opened on Friday, 24 April 2025."), "It opened on Thursday, 24 April 2025.");
        // Abbreviated months, with the full stop of AP style.
        assert_eq!(flagged(&WeekdayDate, En, "The library opened on Wednesday, Nov. 12, 2024, downtown."), ["Wednesday"]);
        assert_eq!(flagged(&WeekdayDate, En, "The vote was held on Monday, 3 Sept. 2024, in the hall."), ["Monday"]);
        assert_eq!(flagged(&WeekdayDate, Id, "Rapat digelar Jumat, 9 Okt 2024, di balai desa."), ["Jumat"]);
        assert!(flagged(&WeekdayDate, En, "The library opened on Tuesday, Nov. 12, 2024, downtown.").is_empty());
        assert!(flagged(&WeekdayDate, En, "The vote was held on Tuesday, Sept. 3, 2024.").is_empty());
        // A date without a year takes the article's.
        assert_eq!(flagged(&WeekdayDate, Id, "Rapat Kamis (24/4/2025) dan Senin (30/4)."), ["Senin"]);
    }

    #[test]
    fn both_corrections_are_offered_and_neither_is_safe() {
        let d = run(&WeekdayDate, Id, "Pelaku ditangkap pada Jumat (24/4/2025) malam.");
        assert_eq!(d[0].fixes.len(), 2);
        assert!(d[0].safe_fix().is_none());
        let date_fix = &d[0].fixes[1];
        assert_eq!(date_fix.edits[0].new_text, "25");
        let d = run(&WeekdayDate, En, "The court ruled on Monday, April 24, 2025.");
        assert_eq!(d[0].fixes[1].edits[0].new_text, "21");
    }

    #[test]
    fn a_yearless_date_is_read_in_the_articles_year() {
        // The front matter's year: 16 March 2017 was a Thursday.
        let front = "---\ndate: 2017-03-20\n---\n";
        assert!(flagged(&WeekdayDate, Id, &format!("{front}Rapat digelar Kamis (16/3) di balai desa.")).is_empty());
        assert_eq!(flagged(&WeekdayDate, Id, &format!("{front}Rapat digelar Jumat (16/3) di balai desa.")), ["Jumat"]);
        // A dateline's full date gives the year too; with no year anywhere, silence.
        assert!(flagged(&WeekdayDate, Id, "JAKARTA, Kamis (16/3/2017) — Rapat digelar. Sidang lanjut Senin (20/3).").is_empty());
        assert!(flagged(&WeekdayDate, Id, "Rapat digelar Kamis (16/3) di balai desa.").is_empty());
        assert!(flagged(&WeekdayDate, En, "The meeting was held on Thursday, March 16.").is_empty());
    }

    #[test]
    fn right_weekdays_and_other_forms_stay_silent() {
        for text in [
            "Pelaku ditangkap pada Kamis (24/4/2025) malam.",
            "Sidang digelar Senin, 14 April 2025.",
            "Pada Selasa (30/8/2016) dan Jumat (26/8/2016) sekira pukul 21:00.",
            "Rapat digelar Senin (29/4) tanpa tahun yang diketahui.",
            "Rapat Kamis (24/4/2025) mengenang peristiwa 2019. Pada Rabu (24/4), ribuan orang berkumpul.",
            "Pada minggu 24 April 2025 hujan turun.",
            "Senin (31/4/2025) tidak ada.",
            "Kamis 24.4.2025 pagi.",
        ] {
            assert!(flagged(&WeekdayDate, Id, text).is_empty(), "{text}");
        }
        for text in ["It opened on Thursday, April 24, 2025.", "On Thursday, April 2025 was warm.", "Thursday (April 24, 2025)"] {
            assert!(flagged(&WeekdayDate, En, text).is_empty(), "{text}");
        }
    }
}
