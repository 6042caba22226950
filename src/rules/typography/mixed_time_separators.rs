use super::{clock_times, majority_time_separator};
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};

/// `pukul 14.30` ... `pukul 16:00` in one article.
pub struct MixedTimeSeparators;

static META: RuleMeta = RuleMeta {
    code: "typography/mixed-time-separators",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "Clock times written with both a dot and a colon in one article.",
    explanation: "EYD V allows `14.30` and `14:30`; house style picks one. An article that mixes them gets one \
finding, at the first time written the less common way, pointing at the others; the fix rewrites them \
all with the article's majority separator (the dot on a tie).",
    example_bad: "Banjir datang pukul 14.30 WIB dan surut pukul 18:00 WIB.",
    example_good: "Banjir datang pukul 14.30 WIB dan surut pukul 18.00 WIB.",
};

impl Rule for MixedTimeSeparators {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let times = clock_times(doc);
        let majority = majority_time_separator(&times);
        let minority: Vec<_> = times.iter().filter(|t| t.separator != majority).collect();
        let Some(first) = minority.first() else { return };
        if minority.len() == times.len() {
            return;
        }
        let edits = minority
            .iter()
            .map(|t| Edit::replace(t.span, doc.str(t.span).replace(t.separator, &majority.to_string())))
            .collect();
        let mut d = META.diagnostic(
            first.span,
            format!(
                "this article writes clock times with both '.' and ':'; {} of {} use '{majority}'",
                times.len() - minority.len(),
                times.len()
            ),
        )
        .with_fix(Fix::suggested(format!("Write every clock time with '{majority}'"), edits));
        for t in &minority[1..] {
            d = d.with_related(t.span, format!("also written with '{}'", t.separator));
        }
        if let Some(other) = times.iter().find(|t| t.separator == majority) {
            d = d.with_related(other.span, format!("written with '{majority}' here"));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::Id;
    use crate::rules::typography::test_support::{fixed, flagged, run};

    #[test]
    fn one_finding_for_the_minority() {
        let text = "Datang pukul 14.30 WIB, pergi pukul 15:00 WIB, kembali pukul 17.00 dan pukul 18:45 malam, lalu pukul 20.15.";
        assert_eq!(flagged(&MixedTimeSeparators, Id, text), ["15:00"]);
        assert_eq!(run(&MixedTimeSeparators, Id, text)[0].related.len(), 2);
        assert_eq!(
            fixed(&MixedTimeSeparators, Id, text),
            "Datang pukul 14.30 WIB, pergi pukul 15.00 WIB, kembali pukul 17.00 dan pukul 18.45 malam, lalu pukul 20.15."
        );
    }

    #[test]
    fn consistent_articles_stay_silent() {
        assert!(flagged(&MixedTimeSeparators, Id, "Pukul 14:30 WIB dan pukul 16:00 WIB. Skor 2.15 poin.").is_empty());
        assert!(flagged(&MixedTimeSeparators, Id, "Pukul 14.30 WIB. Harga 2:15.").is_empty());
    }
}
