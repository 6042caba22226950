use super::QuoteIndex;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::quotation::{Quotation, QuoteStyle};
use crate::rules::{Context, Rule, RuleMeta};

/// `“Kami akan banding, katanya.`: the quotation is never closed.
pub struct Unbalanced;

static META: RuleMeta = RuleMeta {
    code: "quotes/unbalanced",
    category: Category::Quotes,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "An opening quotation mark never closed in its paragraph, or a closing mark with no opening one.",
    explanation: "Every opening mark (`\"`, `“`, `«`, `„`) needs its closing mark in the same paragraph, and every \
closing mark an opening one. The one exception is the newsroom convention for a quotation that runs over \
several paragraphs: each paragraph reopens it and only the last closes it, so a paragraph left open is \
fine when the next one starts with an opening mark. When the attribution was swallowed by the open \
quotation (`…, tambahnya.`), the suggested fix closes it before the attribution. Single quotation marks \
are not checked: `’` is far more often an apostrophe.",
    example_bad: "“Kami akan meminta rekaman pertandingan, tambahnya.",
    example_good: "“Kami akan meminta rekaman pertandingan,” tambahnya.",
};

impl Rule for Unbalanced {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let quotations = ctx.quotations();
        let index = QuoteIndex::new(doc, quotations);
        for q in &quotations.quotes {
            // A paragraph left open for the next one to carry on may not hold its own attribution
            // (`…, tambahnya.`): then the closing mark is simply missing.
            let swallowed = if q.close.is_none() { index.swallowed(q) } else { None };
            if !q.style.is_double() || !(q.is_unbalanced() || swallowed.is_some()) {
                continue;
            }
            let mark = doc.str(q.open);
            let mut d = META.diagnostic(q.open, format!("this {mark} is never closed in its paragraph"));
            // (A closed quotation is never unbalanced, so `swallowed` is what was asked here.)
            if let Some(fix) = closing_fix(doc, q, swallowed) {
                d = d.with_fix(fix);
            }
            out.push(d);
        }
        for stray in &quotations.stray_closes {
            let mark = doc.str(stray.span);
            out.push(META.diagnostic(stray.span, format!("closing {mark} with no opening mark in its paragraph")));
        }
    }
}

/// Where the closing mark belongs: after the comma that precedes a swallowed attribution
/// (`…, tambahnya.`, `…, she told reporters.`), or at the end of a quotation that runs to the end
/// of its paragraph and ends a sentence.
fn closing_fix(doc: &Document, q: &Quotation, swallowed: Option<usize>) -> Option<Fix> {
    let close = match q.style {
        QuoteStyle::Straight => "\"",
        QuoteStyle::Curly | QuoteStyle::LowHigh => "”",
        QuoteStyle::Guillemet => "»",
        QuoteStyle::CurlySingle => return None,
    };
    if let Some(at) = swallowed {
        let after = doc.str(crate::diagnostic::Span::new(at - 1, at));
        return Some(Fix::suggested(format!("Close the quotation before the attribution: '{after}{close}'"), vec![Edit::insert(at, close)]));
    }
    let text = doc.str(q.inner);
    let block_end = doc.blocks[q.block].span.end;
    if text.ends_with(['.', '!', '?']) && doc.masked.get(q.inner.end..block_end).is_some_and(|rest| rest.trim_matches(|c: char| c.is_whitespace() || c == '\u{1f}').is_empty()) {
        return Some(Fix::suggested(format!("Close the quotation at the end of the paragraph with '{close}'"), vec![Edit::insert(q.inner.end, close)]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged};

    #[test]
    fn flags_unclosed_and_stray_marks() {
        let text = "Joko mengatakan timnya keberatan. “Kami akan meminta rekaman pertandingan, tambahnya.";
        assert_eq!(flagged(&Unbalanced, Id, text), ["“"]);
        assert_eq!(fixed(&Unbalanced, Id, text), "Joko mengatakan timnya keberatan. “Kami akan meminta rekaman pertandingan,” tambahnya.");
        let text = "\"We respect the decision. We will use the seven days to decide, she told reporters.\n\nThe court adjourned.";
        assert_eq!(flagged(&Unbalanced, En, text), ["\""]);
        assert!(fixed(&Unbalanced, En, text).contains("decide,\" she told"));
        assert_eq!(flagged(&Unbalanced, Id, "Poster “Bubarkan Aspri”, Ali Calo Politik”, dan lain-lain."), ["”"]);
        assert_eq!(fixed(&Unbalanced, Id, "Warga berteriak, “Tolong kami!"), "Warga berteriak, “Tolong kami!”");
        assert_eq!(fixed(&Unbalanced, Id, "Dia bertanya. “Lu Ahok bukan? kata Andrew."), "Dia bertanya. “Lu Ahok bukan?” kata Andrew.");
    }

    #[test]
    fn the_multi_paragraph_convention_is_balanced() {
        let text = "Budi berkata, “Kami sudah siap sejak pagi.\n\n“Semua tim sudah bergerak.\n\n“Bantuan tiba sore nanti,” katanya.";
        assert!(flagged(&Unbalanced, Id, text).is_empty());
        // The last paragraph must close it.
        let text = "Budi berkata, “Kami sudah siap sejak pagi.\n\n“Semua tim sudah bergerak, katanya.\n\nLalu hujan.";
        assert_eq!(flagged(&Unbalanced, Id, text), ["“"]);
        // A paragraph that holds its own attribution does not carry on to the next.
        let text = "Hujan turun.\n\n\"We were flabbergasted by it, Stamenkovic told reporters.\n\n\"Our work calls for a revision,\" he said.";
        assert_eq!(flagged(&Unbalanced, En, text), ["\""]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "“Saya tidak tahu,” kata Budi, “tapi kami akan mencari tahu.”",
            "Dia bilang “tidak” lalu pergi. Monitor 27\" itu mahal.",
            "‘Kami siap,’ katanya tentang Jum’at dan Qur’an, don’t worry, the ’90s.",
            "«Kami siap», kata Budi. „Kami juga“, kata Ani.",
            "“Dia bilang ‘tunggu’ lalu pergi,” kata Ani.",
        ] {
            assert!(flagged(&Unbalanced, Id, text).is_empty(), "{text}");
        }
    }
}
