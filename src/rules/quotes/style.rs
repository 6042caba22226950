use super::{introduces_attribution, starts_postposed_attribution};
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::Document;
use crate::language::Language;
use crate::quotation::{Quotation, QuoteStyle, Quotations};
use crate::rules::{Context, Rule, RuleMeta};

/// Straight and curly quotation marks in one article; `damai!”, Trump menambahkan`.
pub struct Style;

static META: RuleMeta = RuleMeta {
    code: "quotes/style",
    category: Category::Quotes,
    default_severity: Severity::Info,
    languages: &[],
    summary: "Straight and curly quotation marks mixed in one article, or punctuation against the convention at a closing mark.",
    explanation: "An article uses one style of double quotation marks. When it mixes straight `\"…\"` and curly \
`“…”` ones, each quotation in the minority style is flagged, with a safe fix to the article's majority \
style (curly on a tie). Next to a closing mark: no comma after a quotation that ends in `!` or `?` \
(`damai!”, Trump menambahkan` -> `damai!” Trump menambahkan`); a quotation followed by its attribution \
ends with a comma inside the closing mark, not a full stop (`siap.”, kata Budi` -> `siap,” kata Budi`); \
and in Indonesian the comma before the attribution goes inside the mark (`siap”, kata Budi` -> \
`siap,” kata Budi`), as EYD V writes it. English comma placement outside the mark is left alone: \
logical punctuation is a house style.",
    example_bad: "“Mari kita selesaikan kesepakatan damai!”, Trump menambahkan.",
    example_good: "“Mari kita selesaikan kesepakatan damai!” Trump menambahkan.",
};

impl Rule for Style {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let quotations = ctx.quotations();
        mixed_styles(quotations, out);
        for q in &quotations.quotes {
            if let Some(close) = q.close {
                punctuation_at_close(doc, q, close, out);
            }
        }
    }
}

fn mixed_styles(quotations: &Quotations, out: &mut Vec<Diagnostic>) {
    let top: Vec<&Quotation> = quotations
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && matches!(q.style, QuoteStyle::Straight | QuoteStyle::Curly))
        .collect();
    let straight = top.iter().filter(|q| q.style == QuoteStyle::Straight).count();
    let curly = top.len() - straight;
    if straight == 0 || curly == 0 {
        return;
    }
    let majority = if straight > curly { QuoteStyle::Straight } else { QuoteStyle::Curly };
    let (open, close, name, other) = match majority {
        QuoteStyle::Straight => ("\"", "\"", "straight", "curly"),
        _ => ("“", "”", "curly", "straight"),
    };
    let majority_count = straight.max(curly);
    for q in top.iter().filter(|q| q.style != majority) {
        let mut edits = vec![Edit::replace(q.open, open)];
        if let Some(c) = q.close {
            edits.push(Edit::replace(c, close));
        }
        out.push(
            META.diagnostic(
                q.span(),
                format!("{other} quotation marks in an article that uses {name} ones ({majority_count} of {} quotations)", top.len()),
            )
            .with_fix(Fix::safe(format!("Use {name} quotation marks"), edits)),
        );
    }
}

fn char_before(doc: &Document, at: usize) -> Option<char> {
    doc.masked.get(..at)?.chars().next_back()
}

fn char_after(doc: &Document, at: usize) -> Option<char> {
    doc.masked.get(at..)?.chars().next()
}

/// The tokens of the quotation's block that start at or after `offset`.
fn tokens_from(doc: &Document, block: usize, offset: usize) -> Vec<usize> {
    doc.block_tokens[block].clone().filter(|&i| doc.tokens[i].span.start >= offset).take(4).collect()
}

fn punctuation_at_close(doc: &Document, q: &Quotation, close: Span, out: &mut Vec<Diagnostic>) {
    // Guillemets and low-high marks follow the conventions of the languages that use them.
    if char_after(doc, close.end) != Some(',') || !matches!(q.style, QuoteStyle::Straight | QuoteStyle::Curly | QuoteStyle::CurlySingle) {
        return;
    }
    let comma = Span::new(close.end, close.end + 1);
    let Some(last) = char_before(doc, close.start) else { return };
    let following = tokens_from(doc, q.block, comma.end);
    let mark = doc.str(close);
    if last == '!' || last == '?' {
        // `“Merdeka!”, “Hidup!”, dan …`: a list of quoted cries keeps its commas.
        let listing = following.first().is_some_and(|&i| {
            let w = doc.token_str(&doc.tokens[i]).to_lowercase();
            matches!(w.as_str(), "dan" | "atau" | "serta" | "and" | "or") || "\"“”‘„«".contains(w.as_str())
        });
        if !listing {
            out.push(
                META.diagnostic(comma, format!("no comma after a quotation that ends with '{last}'"))
                    .with_fix(Fix::safe("Remove the comma", vec![Edit::delete(comma)])),
            );
        }
        return;
    }
    // Only a quotation followed by its attribution: after a quoted title the comma may end an
    // introductory phrase (`Dalam buku “Menyibak Tabir”, Jusuf menyebut …`).
    let attribution = match doc.language {
        Language::Id => starts_postposed_attribution(doc, &following),
        Language::En => introduces_attribution(doc, &following),
    };
    if !attribution {
        return;
    }
    if last == '.' {
        let stop = Span::new(close.start - 1, close.start);
        out.push(
            META.diagnostic(Span::new(stop.start, comma.end), "a quotation followed by its attribution ends with a comma inside the closing mark, not a full stop")
                .with_fix(Fix::safe(format!("Write ',{mark}'"), vec![Edit::replace(stop, ","), Edit::delete(comma)])),
        );
    } else if doc.language == Language::Id && last.is_alphanumeric() {
        out.push(
            META.diagnostic(Span::new(close.start, comma.end), format!("the comma before the attribution goes inside the closing mark: ',{mark}'"))
                .with_fix(Fix::safe(format!("Write ',{mark}'"), vec![Edit::insert(close.start, ","), Edit::delete(comma)])),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged, run};

    #[test]
    fn mixed_styles_take_the_majority() {
        let text = "“Kami siap,” kata Budi. “Kami juga,” kata Ani. \"Kami tidak,\" kata Joko.";
        assert_eq!(flagged(&Style, Id, text), ["\"Kami tidak,\""]);
        assert_eq!(fixed(&Style, Id, text), "“Kami siap,” kata Budi. “Kami juga,” kata Ani. “Kami tidak,” kata Joko.");
        assert_eq!(run(&Style, Id, text)[0].fixes[0].applicability, crate::diagnostic::Applicability::Safe);
        let text = "\"We are ready,\" he said. \"So are we,\" she said. “Not us,” they said.";
        assert_eq!(fixed(&Style, En, text), "\"We are ready,\" he said. \"So are we,\" she said. \"Not us,\" they said.");
    }

    #[test]
    fn punctuation_next_to_the_closing_mark() {
        assert_eq!(
            fixed(&Style, Id, "“Mari kita selesaikan kesepakatan damai!”, Trump menambahkan."),
            "“Mari kita selesaikan kesepakatan damai!” Trump menambahkan."
        );
        assert_eq!(fixed(&Style, Id, "“Kami siap”, kata Budi."), "“Kami siap,” kata Budi.");
        assert_eq!(fixed(&Style, Id, "“Kami siap.”, ujarnya."), "“Kami siap,” ujarnya.");
        assert_eq!(fixed(&Style, En, "\"We are ready.\", he said."), "\"We are ready,\" he said.");
    }

    #[test]
    fn near_misses_stay_silent() {
        for (language, text) in [
            (Id, "“Kami siap,” kata Budi. “Siapa yang tidak kecewa?” tanya Joko."),
            (Id, "Mereka meneriakkan “Merdeka!”, “Hidup!”, dan “Lawan!” sepanjang jalan."),
            (Id, "Ia menonton film “Laskar Pelangi”, lalu pulang."),
            (Id, "Dalam buku “Menyibak Tabir Orde Baru”, Jusuf Wanandi menyebut Soedjono."),
            (En, "It was \"a faulty transponder\", said the airline."),
            (Id, "“Kami siap,” kata Budi, “dan ‘siaga’ sejak pagi.”"),
            (Id, "«Kami siap», kata Budi. „Kami juga“, kata Ani."),
        ] {
            assert!(flagged(&Style, language, text).is_empty(), "{text}");
        }
    }
}
