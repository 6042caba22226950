use super::finding;
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::rules::quotes::{person_mentions, PersonMention};
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashSet;

/// The source gives the words to one person; the translation to another.
pub struct Speaker;

static META: RuleMeta = RuleMeta {
    code: "translation/speaker",
    category: Category::Translation,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A quotation the translation gives to another person than its source does.",
    explanation: "Checked only against a source (`--source`, or front matter `source:`). The speakers of a \
sentence (*said Budi*, *kata Budi*, *Budi mengatakan*, *according to Budi*) are read on both sides. When an \
aligned translation sentence holds a quotation, names a speaker, and that speaker is another person the source \
names, while the source's speaker of that sentence is nowhere in the translation around it, the quotation has \
changed hands. A speaker the source never names is left to `translation/name` (a misspelling), and a pronoun \
(*he said*, *katanya*) is no change.",
    example_bad: "Source: “\"We will rebuild,\" said Mayor Linda Ortiz. Police chief Tom Reyes said roads were closed.” Translation: “\"Kami akan membangun kembali,\" kata Kepala Polisi Tom Reyes. ...”",
    example_good: "Source: “\"We will rebuild,\" said Mayor Linda Ortiz.” Translation: “\"Kami akan membangun kembali,\" kata Wali Kota Linda Ortiz.”",
};

/// The comparison keys of a person's name words (*Linda Ortiz*: `linda`, `ortiz`).
fn keys(m: &PersonMention) -> Vec<String> {
    m.name.split(' ').filter(|w| w.chars().count() >= 3).map(crate::rules::names::variant::key).collect()
}

/// The mentions (sorted by offset) whose offset is inside one of `spans`.
fn within<'m>(mentions: &'m [PersonMention], spans: &[Span]) -> Vec<&'m PersonMention> {
    let mut out = Vec::new();
    for s in spans {
        let from = mentions.partition_point(|m| m.offset < s.start);
        out.extend(mentions[from..].iter().take_while(|m| m.offset < s.end));
    }
    out
}

impl Rule for Speaker {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pair) = ctx.translation() else { return };
        let doc = ctx.doc;
        let quotations = ctx.quotations();
        if quotations.quotes.is_empty() {
            return;
        }
        let mut source_people = person_mentions(pair.source);
        let mut target_people = person_mentions(doc);
        source_people.sort_by_key(|m| m.offset);
        target_people.sort_by_key(|m| m.offset);
        if source_people.is_empty() || target_people.is_empty() {
            return;
        }
        // Every name word the source gives a person, anywhere.
        let source_persons: HashSet<String> = source_people.iter().flat_map(keys).collect();
        let source_spans = |b: &crate::align::Bead| b.source.clone().map(|u| pair.source_units[u].span).collect::<Vec<_>>();
        let target_spans = |b: &crate::align::Bead| b.target.clone().map(|u| pair.target_units[u].span).collect::<Vec<_>>();
        for bead in &pair.beads {
            if bead.source.is_empty() || bead.target.is_empty() || bead.target.clone().any(|u| pair.target_units[u].in_source_language) {
                continue;
            }
            let here = target_spans(bead);
            // (The quotations are in the order of their opening marks.)
            let quoted = here.iter().any(|s| {
                let from = quotations.quotes.partition_point(|q| q.open.start < s.start);
                quotations.quotes[from..].iter().take_while(|q| q.open.start < s.end).any(|q| q.depth == 0)
            });
            if !quoted {
                continue;
            }
            let said_there = within(&source_people, &source_spans(bead));
            let said_here = within(&target_people, &here);
            if said_there.is_empty() || said_here.is_empty() {
                continue;
            }
            let there: HashSet<String> = said_there.iter().flat_map(|m| keys(m)).collect();
            // The source's speaker named anywhere in the translated sentence: the same person.
            let named_here: HashSet<String> = words_in(doc, bead.target.clone().map(|u| pair.target_units[u].sentence)).into_iter().collect();
            if there.iter().any(|k| named_here.contains(k)) {
                continue;
            }
            for m in said_here {
                let mine = keys(m);
                // Another person of the source, not a misspelled one of this sentence.
                if mine.iter().any(|k| there.contains(k)) || !mine.iter().any(|k| source_persons.contains(k)) {
                    continue;
                }
                let source_name = said_there.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
                let span = speaker_span(doc, m);
                let message = format!("the source gives these words to {source_name}, this translation to {}", m.name);
                out.push(finding(&META, pair, bead, span, message));
            }
        }
    }
}

/// The keys of every capitalised word of sentences `sentences` of the translation (a speaker
/// named in passing).
fn words_in(doc: &crate::document::Document, sentences: impl Iterator<Item = usize>) -> Vec<String> {
    sentences
        .flat_map(|s| doc.sentences[s].tokens.clone())
        .map(|i| &doc.tokens[i])
        .filter(|t| t.kind == crate::document::TokenKind::Word)
        .map(|t| doc.token_str(t))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| crate::rules::names::variant::key(crate::names::strip_possessive(w)))
        .collect()
}

/// The speaker's name in the translation: from the mention's offset to the end of its last word.
fn speaker_span(doc: &crate::document::Document, m: &PersonMention) -> Span {
    let last = m.name.rsplit(' ').next().unwrap_or(&m.name);
    let end = doc.text[m.offset..].find(last).map_or(m.offset + m.name.len().min(doc.text.len() - m.offset), |i| m.offset + i + last.len());
    Span::new(m.offset, end.min(doc.text.len()))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::flagged;

    const CODE: &str = "translation/speaker";

    #[test]
    fn a_quotation_given_to_another_person_of_the_source_is_flagged() {
        let en = "Mayor Linda Ortiz visited the flooded district on Monday. \"We will rebuild every house,\" said Ortiz. Police chief Tom Reyes said roads would stay closed.";
        let id = "Wali Kota Linda Ortiz mengunjungi distrik yang terendam banjir pada Senin. \"Kami akan membangun kembali setiap rumah,\" kata Reyes. Kepala polisi Tom Reyes mengatakan jalan tetap ditutup.";
        assert_eq!(flagged(CODE, en, id), ["Reyes"]);
        let id_src = "Bupati Sleman Kustini Sri Purnomo meninjau lokasi. “Kami siapkan dapur umum,” ujar Kustini. Kepala BPBD Makwan mengatakan 300 warga mengungsi.";
        let en_tr = "Sleman Regent Kustini Sri Purnomo visited the site. \"We are setting up public kitchens,\" said Makwan. The head of the disaster agency, Makwan, said 300 residents had fled.";
        assert_eq!(flagged(CODE, id_src, en_tr), ["Makwan"]);
    }

    #[test]
    fn the_same_speaker_a_pronoun_or_a_name_only_the_translation_gives_stay_silent() {
        for (en, id) in [
            // The same person, named differently (surname, full name, title).
            ("\"We will rebuild,\" said Mayor Linda Ortiz.", "\"Kami akan membangun kembali,\" kata Ortiz."),
            // A pronoun in the translation.
            ("\"We will rebuild,\" said Ortiz. Reyes agreed.", "\"Kami akan membangun kembali,\" katanya. Reyes setuju."),
            // A speaker the source does not name (a misspelling is translation/name's).
            ("\"We will rebuild,\" said Ortiz.", "\"Kami akan membangun kembali,\" kata Ortis."),
            // No quotation: reported speech with the subject rephrased.
            ("Ortiz said the town would rebuild, and Reyes said roads were closed.", "Reyes mengatakan jalan ditutup, dan Ortiz mengatakan kota akan dibangun kembali."),
        ] {
            assert!(flagged(CODE, en, id).is_empty(), "{en} / {id}: {:?}", flagged(CODE, en, id));
        }
    }
}
