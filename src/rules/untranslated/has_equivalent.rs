use super::{fixes, in_parentheses, quoted, Quoted};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};
use crate::words::{Verdict, WordCase};

/// `online` -> `daring`, `di-update` -> `diperbarui`.
pub struct HasEquivalent;

static META: RuleMeta = RuleMeta {
    code: "untranslated/has-equivalent",
    category: Category::Untranslated,
    default_severity: Severity::Info,
    languages: &[Language::Id],
    summary: "A foreign term in common use that has an official Indonesian equivalent.",
    explanation: "Badan Bahasa publishes Indonesian equivalents for foreign terms that newsrooms often keep: \
*online* -> *daring*, *smartphone* -> *ponsel pintar*, *link* -> *tautan*, *netizen* -> *warganet*. \
Newsrooms differ on these, so the rule reports at info. A foreign root kept with an Indonesian affix in \
the EYD V form (*di-update*, hyphen and italics) is reported here too, with the Indonesian word as a fix.",
    example_bad: "Pendaftaran dilakukan secara online melalui smartphone.",
    example_good: "Pendaftaran dilakukan secara daring melalui ponsel pintar.",
};

impl Rule for HasEquivalent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for word in ctx.occurrences() {
            if word.case != WordCase::Lower {
                continue;
            }
            let equivalents: Vec<String> = match word.verdict(ctx.words) {
                Verdict::HasEquivalent(e) => e.iter().map(|s| s.to_string()).collect(),
                Verdict::ForeignRoot { equivalents, hyphenated: true, .. } => equivalents.clone(),
                _ => continue,
            };
            if doc.is_emphasised(word.span()) || in_parentheses(doc, word.token()) || quoted(ctx, word.token()) == Quoted::Exempt {
                continue;
            }
            let message = match equivalents.first() {
                Some(best) => format!("'{}' has an Indonesian equivalent: '{best}'", word.text()),
                None => format!("'{}' keeps a foreign root: use the Indonesian word if there is one", word.text()),
            };
            let mut d = META.diagnostic(word.span(), message);
            d.fixes = fixes(doc, word.span(), &equivalents);
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::Id;
    use crate::rules::typography::test_support::{fixed, flagged};

    #[test]
    fn flags_terms_with_an_equivalent() {
        assert_eq!(flagged(&HasEquivalent, Id, "Pendaftaran dilakukan secara online melalui smartphone dan di-update."), ["online", "smartphone", "di-update"]);
        assert_eq!(fixed(&HasEquivalent, Id, "Pendaftaran secara online."), "Pendaftaran secara daring.");
    }

    #[test]
    fn marked_or_quoted_terms_stay_silent() {
        assert!(flagged(&HasEquivalent, Id, "Dia menyebut kata \"online\" tadi.").is_empty());
    }
}
