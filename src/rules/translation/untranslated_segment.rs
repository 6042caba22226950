use super::finding;
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashSet;

/// A whole sentence left in the source's language.
pub struct UntranslatedSegment;

static META: RuleMeta = RuleMeta {
    code: "translation/untranslated-segment",
    category: Category::Translation,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A sentence of the translation left in the source's language, copied from the source.",
    explanation: "Checked only against a source in the other language (`--source`, or front matter `source:`). A \
sentence of five words or more in the translation whose function words are the source's language and which repeats \
most of its aligned source sentence's words was not translated. A quotation or a title deliberately kept in the \
original language shares the source's words too, so the sentence must be mostly the source's own words, not a \
name or two.",
    example_bad: "Source: “The vote was postponed until further notice.” Translation: “The vote was postponed until further notice.”",
    example_good: "Source: “The vote was postponed until further notice.” Translation: “Pemungutan suara ditunda sampai ada pemberitahuan lebih lanjut.”",
};

const MIN_WORDS: usize = 5;

impl Rule for UntranslatedSegment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pair) = ctx.translation() else { return };
        let doc = ctx.doc;
        if pair.source_language() == doc.language {
            return;
        }
        for bead in pair.beads.iter().filter(|b| !b.source.is_empty()) {
            let mut source_words: HashSet<&str> = HashSet::new();
            for u in bead.source.clone() {
                let s = &pair.source.sentences[pair.source_units[u].sentence];
                source_words.extend(s.tokens.clone().filter(|&i| pair.source.tokens[i].kind == crate::document::TokenKind::Word).map(|i| pair.source.token_lower(i)));
            }
            for u in bead.target.clone() {
                let unit = &pair.target_units[u];
                if unit.words < MIN_WORDS {
                    continue;
                }
                let s = &doc.sentences[unit.sentence];
                let words: Vec<&str> = s.tokens.clone().filter(|&i| doc.tokens[i].kind == crate::document::TokenKind::Word).map(|i| doc.token_lower(i)).collect();
                let shared = words.iter().filter(|w| source_words.contains(*w)).count();
                if words.len() < MIN_WORDS || shared * 10 < words.len() * 7 {
                    continue;
                }
                if !unit.in_source_language {
                    continue;
                }
                let message = format!("this sentence is still in {}, as in the source", if pair.source_language() == crate::language::Language::En { "English" } else { "Indonesian" });
                out.push(finding(&META, pair, bead, unit.span, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::flagged;

    const CODE: &str = "translation/untranslated-segment";

    #[test]
    fn a_sentence_left_in_the_source_language_is_flagged() {
        let en = "The flood killed 14 people in Bekasi on Monday. It was the worst in a decade. The vote was postponed until further notice, the commission said.";
        let id = "Banjir menewaskan 14 orang di Bekasi pada Senin. Itu adalah banjir terburuk dalam satu dekade. The vote was postponed until further notice, the commission said.";
        assert_eq!(flagged(CODE, en, id), ["The vote was postponed until further notice, the commission said."]);
        let id_src = "Banjir menewaskan 14 orang di Bekasi pada Senin. Itu adalah banjir terburuk dalam satu dekade. Pemungutan suara ditunda sampai ada pemberitahuan lebih lanjut.";
        let en_tr = "The flood killed 14 people in Bekasi on Monday. It was the worst in a decade. Pemungutan suara ditunda sampai ada pemberitahuan lebih lanjut.";
        assert_eq!(flagged(CODE, id_src, en_tr), ["Pemungutan suara ditunda sampai ada pemberitahuan lebih lanjut."]);
    }

    #[test]
    fn translated_sentences_with_names_stay_silent() {
        let en = "Joe Biden met Xi Jinping at the APEC summit in San Francisco on Wednesday.";
        let id = "Joe Biden bertemu Xi Jinping di KTT APEC di San Francisco pada Rabu.";
        assert!(flagged(CODE, en, id).is_empty());
        assert!(flagged(CODE, id, en).is_empty());
    }
}
