use crate::claims::durations::{mismatches, Unit};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

/// `selama lima hari, 3–9 Agustus`; `began at 6:40 p.m. ... three and a half hours later, at
/// 11:50 p.m.`
pub struct Duration;

static META: RuleMeta = RuleMeta {
    code: "figures/duration",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A span of time that the article's own dates or clock times contradict.",
    explanation: "A stated length of time (`selama lima hari`, `three and a half hours later`, `a nine-day strike`, \
`hampir tujuh jam`) is compared with the interval the article writes out for it: a range of days in its sentence \
(`3–9 Agustus`, `from Aug. 3 to 9`, `21 Desember hingga 2 Januari`), two clock times joined as a range (`dari \
pukul 21.30 hingga 00.40`), a duration `later` / `kemudian` with the clock after it and the one before (in its sentence, the sentence \
before, or else the event's beginning paragraphs earlier, `The attack began at about 11:05 a.m.`, when no clock \
stands between), or an \
event's own beginning and end (`dimulai pukul 09.15 ... berakhir pukul 14.45`, `The strike began Oct. 3 ... It \
ended Sunday, Oct. 19`) when the duration opens the next sentence (`Selama ...`, `For ...`) or names the event \
(`a nine-day strike`). A range of days fits counted with both ends or as nights; qualifiers (`sekitar`, `more \
than`, `nearly`) widen what fits. Working days, and spans before or after the interval (`lima hari kemudian`), \
are left alone. A duration pointed back at (`Selama enam jam itu`, `For those six hours`) is the interval between the \
only two clock times or days of the sentence before; one naming its event as an adjective (`The 12-day Harborlight \
Festival`) is the one range of a nearby sentence that names the event (`The festival, which runs from Aug. 8 to Aug. 17`).",
    example_bad: "Festival itu berlangsung selama lima hari, 3–9 Agustus 2024.",
    example_good: "Festival itu berlangsung selama tujuh hari, 3–9 Agustus 2024.",
};

impl Rule for Duration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = ctx.figures_article();
        if article.too_large() {
            return;
        }
        let doc = article.doc;
        for m in mismatches(doc, &article.mentions, article.claims().year) {
            let actual = match m.unit {
                Unit::Days => format!("{} days counting both ends", m.actual),
                Unit::Minutes => {
                    let (h, min) = ((m.actual / 60.0).floor(), m.actual % 60.0);
                    if min == 0.0 { format!("{h} hours") } else { format!("{h} hours {min} minutes") }
                }
            };
            let message = format!("{} to {} is {actual}, not {}", doc.str(m.from), doc.str(m.to), doc.str(m.stated));
            out.push(META.diagnostic(m.stated, message).with_related(m.from, "it begins here").with_related(m.to, "it ends here"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{flagged, run};

    #[test]
    fn a_duration_against_its_interval() {
        let text = "Festival itu berlangsung selama lima hari, 3–9 Agustus 2024.";
        let d = run(&Duration, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "3 to 9 Agustus is 7 days counting both ends, not lima hari");
        assert_eq!(flagged(&Duration, En, "The outage began at 6:40 p.m. Power was restored about three hours later, at 11:50 p.m."), ["three hours"]);
        assert!(flagged(&Duration, En, "The outage began at 6:40 p.m. Power was restored about five hours later, at 11:50 p.m.").is_empty());
    }
}
