use super::{finding, target_span};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

/// The source says *not*; the translation does not.
pub struct Negation;

static META: RuleMeta = RuleMeta {
    code: "translation/negation",
    category: Category::Translation,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A negation of the source that the translation lost, or one it added.",
    explanation: "Checked only against a source (`--source`, or front matter `source:`). The negations of each source \
sentence (*not*, *n't*, *no*, *never*, *without*, *nobody*, *nothing*, *none*, *nor*, *cannot*, *unable*, *has yet \
to*; *tidak*, *tak*, *bukan*, *belum*, *tanpa*, *jangan*, *tiada*) are counted beside those of its aligned \
translation. A sentence whose source negates and whose translation does not is flagged, and so is a translation \
that negates what its source did not, unless a neighbouring sentence took or gave the negation. Litotes are not \
negations (*tak lama* \"soon\", *tidak sedikit* \"many\", *not long after*), nor is *No.* before a number. \
A negation expressed by a word of its own (*fail*, *deny*, *gagal*, *membantah*), and a construction rendered \
with a negation or without one (*did not arrive until 1:40* is *baru tiba pukul 13.40* or *tidak tiba hingga*; \
*jika tidak,* is *otherwise*), is left alone on both sides.",
    example_bad: "Source: “The minister did not attend the meeting.” Translation: “Menteri menghadiri rapat itu.”",
    example_good: "Source: “The minister did not attend the meeting.” Translation: “Menteri tidak menghadiri rapat itu.”",
};

impl Rule for Negation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pair) = ctx.translation() else { return };
        let doc = ctx.doc;
        // Each bead's negations, source and translation: (words, words that may go either way).
        let counts: Vec<((usize, usize), (usize, usize))> = pair
            .beads
            .iter()
            .map(|b| {
                let s = b.source.clone().map(|u| &pair.source_units[u]).fold((0, 0), |(h, w), u| (h + u.negations.len(), w + u.soft_negations));
                let t = b.target.clone().map(|u| &pair.target_units[u]).fold((0, 0), |(h, w), u| (h + u.negations.len(), w + u.soft_negations));
                (s, t)
            })
            .collect();
        // Fewer negations in the translation than its source can account for, or more.
        let lost = |(s, t): ((usize, usize), (usize, usize))| s.0 > t.0 + t.1;
        let added = |(s, t): ((usize, usize), (usize, usize))| t.0 > s.0 + s.1;
        // Whether bead `k`'s neighbour has more negations in the translation than in the source
        // (it took the negation) or fewer (it gave one).
        let neighbour = |k: usize, took: bool| {
            [k.checked_sub(1), Some(k + 1)].into_iter().flatten().filter_map(|b| counts.get(b)).any(|&c| if took { added(c) } else { lost(c) })
        };
        for (k, bead) in pair.beads.iter().enumerate() {
            let Some(span) = target_span(pair, bead) else { continue };
            // A sentence left in the source's language is another rule's finding.
            if bead.source.is_empty() || bead.target.clone().any(|u| pair.target_units[u].in_source_language) {
                continue;
            }
            let c = counts[k];
            if lost(c) && !neighbour(k, true) {
                let words: Vec<&str> = bead.source.clone().flat_map(|u| pair.source_units[u].negations.iter().map(|n| pair.source.str(*n))).collect();
                let message = if c.1 .0 == 0 {
                    format!("the source negates (“{}”), this translation does not", words.join("”, “"))
                } else {
                    format!("the source has {} negations (“{}”), this translation {}", c.0 .0, words.join("”, “"), c.1 .0)
                };
                out.push(finding(&META, pair, bead, span, message));
            } else if added(c) && !neighbour(k, false) {
                let Some(first) = bead.target.clone().flat_map(|u| pair.target_units[u].negations.iter()).next() else { continue };
                let message = if c.0 .0 == 0 { format!("“{}” negates what the source does not", doc.str(*first)) } else { format!("this translation has {} negations, the source {}", c.1 .0, c.0 .0) };
                out.push(finding(&META, pair, bead, *first, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::flagged;

    const CODE: &str = "translation/negation";

    #[test]
    fn a_lost_negation_is_flagged_in_both_directions() {
        let en = "The minister did not attend the meeting in Jakarta. Officials said the budget was approved.";
        let id = "Menteri menghadiri rapat di Jakarta. Para pejabat mengatakan anggaran itu disetujui.";
        assert_eq!(flagged(CODE, en, id), ["Menteri menghadiri rapat di Jakarta."]);
        let id_src = "Polisi belum menetapkan tersangka dalam kasus itu. Penyelidikan masih berlangsung.";
        let en_tr = "Police have named a suspect in the case. The investigation is continuing.";
        assert_eq!(flagged(CODE, id_src, en_tr), ["Police have named a suspect in the case."]);
        let en = "The company won't raise prices this year, its chief said.";
        let id = "Perusahaan itu akan menaikkan harga tahun ini, kata pemimpinnya.";
        assert_eq!(flagged(CODE, en, id).len(), 1);
    }

    #[test]
    fn one_of_two_negations_lost_is_flagged() {
        let en = "The fires could not be put out without rain, the governor said on Monday.";
        let id = "Kebakaran itu bisa dipadamkan tanpa hujan, kata gubernur pada Senin.";
        assert_eq!(flagged(CODE, en, id).len(), 1);
    }

    #[test]
    fn an_added_negation_is_flagged_at_the_word() {
        let en = "The court accepted the appeal on Tuesday.";
        let id = "Pengadilan tidak menerima banding itu pada Selasa.";
        assert_eq!(flagged(CODE, en, id), ["tidak"]);
    }

    #[test]
    fn faithful_negations_and_litotes_stay_silent() {
        for (en, id) in [
            ("The minister did not attend the meeting.", "Menteri tidak menghadiri rapat itu."),
            ("He left without a word, and nobody followed.", "Ia pergi tanpa sepatah kata, dan tak seorang pun mengikutinya."),
            ("The suspect has yet to be named.", "Tersangka belum disebutkan namanya."),
            ("Not long after, the rain stopped.", "Tak lama kemudian, hujan berhenti."),
            ("The victims were taken to hospital No. 3.", "Para korban dibawa ke rumah sakit No. 3."),
            ("Many residents came to the meeting.", "Tidak sedikit warga datang ke pertemuan itu."),
            ("Critics called the plan unrealistic and said it failed to help farmers.", "Para pengkritik menilai rencana itu tidak realistis dan tidak membantu petani."),
            ("The governor refused to comment on the report.", "Gubernur enggan berkomentar tentang laporan itu."),
            ("The excavator did not arrive until 1:40 p.m.", "Ekskavator itu baru tiba pukul 13.40."),
            ("The market will not open until Friday.", "Pasar itu tidak akan dibuka sampai Jumat."),
            ("He must repay the bribes within a month or lose his house.", "Ia harus mengembalikan suap dalam sebulan; jika tidak, rumahnya disita."),
        ] {
            assert!(flagged(CODE, en, id).is_empty(), "{en} / {id}: {:?}", flagged(CODE, en, id));
            assert!(flagged(CODE, id, en).is_empty(), "{id} / {en}: {:?}", flagged(CODE, id, en));
        }
    }
}
