use super::finding;
use crate::align::{Bead, Pair};
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::rules::{Context, Rule, RuleMeta};

/// A sentence of the source with no translation, or a translated sentence with no source.
pub struct Dropped;

static META: RuleMeta = RuleMeta {
    code: "translation/dropped",
    category: Category::Translation,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A sentence of the source that the translation left out, or a sentence of the translation with no source.",
    explanation: "Checked only against a source (`--source`, or front matter `source:`). The two articles are aligned \
sentence by sentence (merged and split sentences are fine: two source sentences may become one, and one may become \
two or three). A source sentence of running text (four words or more) that the alignment gives no translation is \
flagged where it would have stood, with the source sentence as related information; a run of them (a paragraph) \
is one finding. A sentence of running text in the translation that renders nothing of the source is flagged too. \
When the translation both leaves out a sentence and adds one at the same place, the two are a loose rendering, not \
a gap, and nothing is said.",
    example_bad: "Source: “Two people died. Ten were hurt.” Translation: “Dua orang tewas.”",
    example_good: "Source: “Two people died. Ten were hurt.” Translation: “Dua orang tewas. Sepuluh orang luka-luka.”",
};

/// Enough of a sentence that leaving it out matters.
const MIN_WORDS: usize = 4;

impl Rule for Dropped {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pair) = ctx.translation() else { return };
        let beads = &pair.beads;
        let lone = |b: &Bead| b.source.is_empty() != b.target.is_empty();
        let mut k = 0;
        while k < beads.len() {
            let bead = &beads[k];
            if !lone(bead) {
                k += 1;
                continue;
            }
            // A run of beads with one side empty.
            let end = (k..beads.len()).find(|&e| !lone(&beads[e])).unwrap_or(beads.len());
            let run = &beads[k..end];
            let left_out = run.iter().any(|b| b.target.is_empty());
            let added = run.iter().any(|b| b.source.is_empty());
            if left_out != added {
                if left_out {
                    report_left_out(pair, run, k, end, out);
                } else {
                    for b in run {
                        for u in b.target.clone().filter(|&u| substantial(&pair.target_units[u])) {
                            let span = pair.target_units[u].span;
                            let mut d = META.diagnostic(span, "this sentence translates nothing in the source".to_string());
                            if let Some(before) = beads[..k].iter().rev().find(|b| !b.source.is_empty()) {
                                d.related.push(pair.related(before.source.end - 1));
                                d.related[0].message = format!("the source sentence before it: {}", d.related[0].message);
                            }
                            out.push(d);
                        }
                    }
                }
            }
            k = end;
        }
    }
}

fn substantial(u: &crate::align::Unit) -> bool {
    u.running && u.words >= MIN_WORDS
}

/// Source sentences of `run` (beads `k..end`) with no translation: one finding where they would
/// have stood, on the translation's next sentence (or its previous one at the end).
fn report_left_out(pair: &Pair<'_>, run: &[Bead], k: usize, end: usize, out: &mut Vec<Diagnostic>) {
    let missing: Vec<usize> = run.iter().flat_map(|b| b.source.clone()).filter(|&u| substantial(&pair.source_units[u])).collect();
    if missing.is_empty() {
        return;
    }
    let next = pair.beads[end..].iter().find(|b| !b.target.is_empty()).map(|b| (b.target.start, true));
    let prev = pair.beads[..k].iter().rev().find(|b| !b.target.is_empty()).map(|b| (b.target.end - 1, false));
    let Some((u, before)) = next.or(prev) else { return };
    let span: Span = pair.target_units[u].span;
    let quoted = crate::align::shorten(pair.source_str(missing[0]), 80);
    let message = match (missing.len(), before) {
        (1, true) => format!("the source has a sentence before this one that the translation leaves out: “{quoted}”"),
        (1, false) => format!("the source has a sentence after this one that the translation leaves out: “{quoted}”"),
        (n, true) => format!("the source has {n} sentences before this one that the translation leaves out, from “{quoted}”"),
        (n, false) => format!("the source has {n} sentences after this one that the translation leaves out, from “{quoted}”"),
    };
    let bead = Bead { source: missing[0]..missing[missing.len() - 1] + 1, target: u..u };
    let mut d = finding(&META, pair, &bead, span, message);
    // Only the sentences left out (a run may hold a short one that is not reported).
    d.related.retain(|r| missing.iter().any(|&m| pair.source_units[m].span == r.span));
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::flagged;

    const CODE: &str = "translation/dropped";

    const EN: &str = "The flood killed 14 people in Bekasi on Monday. Rescuers were still searching for three missing children.\n\nThe mayor, Tri Adhianto, said 2,300 homes were damaged. He did not give an estimate of the losses.\n\nThe weather agency warned of more rain this week.";
    const ID: [&str; 5] = [
        "Banjir menewaskan 14 orang di Bekasi pada Senin.",
        "Tim penyelamat masih mencari tiga anak yang hilang.",
        "Wali Kota Tri Adhianto mengatakan 2.300 rumah rusak.",
        "Ia tidak memberikan perkiraan kerugian.",
        "Badan cuaca memperingatkan hujan lebih lebat pekan ini.",
    ];

    fn article(sentences: &[&str]) -> String {
        format!("{} {}\n\n{} {}\n\n{}", sentences[0], sentences[1], sentences[2], sentences[3], sentences[4])
    }

    #[test]
    fn a_left_out_sentence_is_flagged_where_it_stood() {
        let id = format!("{} {}\n\n{}\n\n{}", ID[0], ID[1], ID[3], ID[4]);
        assert_eq!(flagged(CODE, EN, &id), [ID[3]]);
        // id -> en: the English leaves out the Indonesian's second sentence.
        let en = "The flood killed 14 people in Bekasi on Monday.\n\nThe mayor, Tri Adhianto, said 2,300 homes were damaged. He did not give an estimate of the losses.\n\nThe weather agency warned of more rain this week.";
        assert_eq!(flagged(CODE, &article(&ID), en), ["The mayor, Tri Adhianto, said 2,300 homes were damaged."]);
    }

    #[test]
    fn an_added_sentence_is_flagged() {
        let id = format!("{}\n\nPresiden Joko Widodo dijadwalkan meninjau lokasi banjir pada 20 Januari mendatang.", article(&ID));
        assert_eq!(flagged(CODE, EN, &id), ["Presiden Joko Widodo dijadwalkan meninjau lokasi banjir pada 20 Januari mendatang."]);
    }

    #[test]
    fn faithful_merged_and_split_translations_stay_silent() {
        assert!(flagged(CODE, EN, &article(&ID)).is_empty());
        let merged = format!("Banjir menewaskan 14 orang di Bekasi pada Senin, sementara tim penyelamat masih mencari tiga anak yang hilang.\n\n{} {}\n\n{}", ID[2], ID[3], ID[4]);
        assert!(flagged(CODE, EN, &merged).is_empty(), "{:?}", flagged(CODE, EN, &merged));
        assert!(flagged(CODE, &merged, EN).is_empty(), "{:?}", flagged(CODE, &merged, EN));
    }
}
