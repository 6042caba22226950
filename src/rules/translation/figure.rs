use super::{finding, target_span};
use crate::align::Figure;
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::numbers::{format_number, Role};
use crate::rules::{Context, Rule, RuleMeta};

/// The source says 12 dead; the translation says 10.
pub struct FigureRule;

static META: RuleMeta = RuleMeta {
    code: "translation/figure",
    category: Category::Translation,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A figure of the source sentence that the translation changed or left out.",
    explanation: "Checked only against a source (`--source`, or front matter `source:`). Each source sentence is \
aligned with its translation, and their figures are compared by value, in either language's forms: `1.3 million` \
is `1,3 juta`, `twelve` is `12` is `dua belas`, `2,300` is `2.300`, a rounded figure matches within its rounding. \
A figure of the source that the aligned translation gives with another value is flagged at the translation's \
figure; one it leaves out is flagged on the sentence. Left alone: a figure found in a neighbouring sentence (the \
translator moved it), a small number in words (`one of them` is `salah satu`), and a figure the translation adds (a \
converted currency). Clock times are compared as times: in UTC when both sides name a known zone (22:00 GMT is \
05.00 WIB), as written otherwise (`3 p.m.` is `pukul 15.00`); a moment the source gives twice (`4:50 p.m. (0950 \
GMT)`) may be given once, and a time in a zone not read here (`11 a.m. Moscow time`, `waktu setempat`) may have \
been converted, so it is never missed.",
    example_bad: "Source: “The flood killed 12 people.” Translation: “Banjir menewaskan 10 orang.”",
    example_good: "Source: “The flood killed 12 people.” Translation: “Banjir menewaskan 12 orang.”",
};

impl Rule for FigureRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pair) = ctx.translation() else { return };
        let doc = ctx.doc;
        // Each bead's figures that find no match on the other side of the bead.
        let mut unmatched: Vec<(Vec<&Figure>, Vec<&Figure>)> = Vec::with_capacity(pair.beads.len());
        for bead in &pair.beads {
            let source: Vec<&Figure> = bead.source.clone().flat_map(|u| &pair.source_units[u].figures).collect();
            // Figures of a sentence left in the source's language are read in the wrong language's
            // conventions (`2,300` as 2.3 in Indonesian): that sentence is another rule's finding.
            if bead.target.clone().any(|u| pair.target_units[u].in_source_language) {
                unmatched.push((Vec::new(), Vec::new()));
                continue;
            }
            let target: Vec<&Figure> = bead.target.clone().flat_map(|u| &pair.target_units[u].figures).collect();
            let mut used = vec![false; target.len()];
            let mut left = Vec::new();
            for s in source {
                match (0..target.len()).find(|&j| !used[j] && s.matches(target[j])) {
                    Some(j) => used[j] = true,
                    // A moment the source gives twice (`4:50 p.m. (0950 GMT)`) may be given once.
                    None if s.clock.is_some() && target.iter().any(|t| s.matches(t)) => {}
                    // A time in a zone not read here may have been converted.
                    None if s.clock.as_ref().is_some_and(|c| c.other_zone) => {}
                    None => left.push(s),
                }
            }
            let extra = target.into_iter().zip(used).filter(|(_, u)| !u).map(|(f, _)| f).collect();
            unmatched.push((left, extra));
        }
        // A figure the translator moved to the sentence before or after is not lost: it is
        // there, unmatched in its own bead.
        for k in 0..unmatched.len() {
            let mut i = 0;
            while i < unmatched[k].0.len() {
                let s = unmatched[k].0[i];
                let moved = [k.checked_sub(1), Some(k + 1)].into_iter().flatten().filter(|&b| b < unmatched.len()).find_map(|b| unmatched[b].1.iter().position(|t| s.matches(t)).map(|j| (b, j)));
                match moved {
                    Some((b, j)) => {
                        unmatched[b].1.remove(j);
                        unmatched[k].0.remove(i);
                    }
                    None => i += 1,
                }
            }
        }
        for (bead, (left, mut extra)) in pair.beads.iter().zip(unmatched) {
            let Some(span) = target_span(pair, bead) else { continue };
            for s in left {
                // The translation's figure in its place: the first unmatched one of the same
                // kind (a year for a year).
                let year = |f: &Figure| f.role == Role::Year;
                let shown = pair.source.str(s.span);
                match extra.iter().position(|t| year(t) == year(s) && t.clock.is_some() == s.clock.is_some()) {
                    Some(i) => {
                        let t = extra.remove(i);
                        let message = format!("the source has “{shown}” here, the translation “{}”", doc.str(t.span));
                        out.push(finding(&META, pair, bead, t.span, message));
                    }
                    None if s.clock.is_some() => {
                        let message = format!("the source's time “{shown}” is missing from this translation");
                        out.push(finding(&META, pair, bead, span, message));
                    }
                    None if !s.is_small_word() => {
                        let message = format!("the source's figure “{shown}” ({}) is missing from this translation", format_number(s.value, doc.language));
                        out.push(finding(&META, pair, bead, span, message));
                    }
                    None => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::flagged;

    const CODE: &str = "translation/figure";

    #[test]
    fn a_changed_figure_is_flagged_in_both_directions() {
        let en = "The flood killed 14 people in Bekasi on Monday. The mayor said 2,300 homes were damaged.";
        let id = "Banjir menewaskan 14 orang di Bekasi pada Senin. Wali kota mengatakan 2.500 rumah rusak.";
        assert_eq!(flagged(CODE, en, id), ["2.500"]);
        let id_src = "Gempa menewaskan 12 orang di Cianjur pada Kamis. Sebanyak 1,3 juta warga terdampak.";
        let en_tr = "The earthquake killed 12 people in Cianjur on Thursday. Some 1.8 million residents were affected.";
        assert_eq!(flagged(CODE, id_src, en_tr), ["1.8 million"]);
    }

    #[test]
    fn a_changed_clock_time_is_flagged_and_a_converted_one_is_not() {
        let en = "The quake struck at 22:00 GMT on Friday. Rescuers arrived at dawn.";
        let id = "Gempa terjadi pukul 06.00 WIB pada Sabtu. Tim penyelamat tiba saat fajar.";
        assert_eq!(flagged(CODE, en, id), ["06.00"]);
        let id_src = "Sidang dimulai pukul 09.30 WIB dan berakhir pukul 16.50 WIB.";
        let en_tr = "The hearing began at 9:30 a.m. and ended at 4:15 p.m.";
        assert_eq!(flagged(CODE, id_src, en_tr), ["4:15"]);
    }

    #[test]
    fn a_dropped_figure_is_flagged_on_its_sentence() {
        let en = "Police arrested 37 protesters in Jakarta. The rally drew thousands of students.";
        let id = "Polisi menangkap sejumlah pengunjuk rasa di Jakarta. Unjuk rasa itu diikuti ribuan mahasiswa.";
        assert_eq!(flagged(CODE, en, id), ["Polisi menangkap sejumlah pengunjuk rasa di Jakarta."]);
    }

    #[test]
    fn number_forms_of_both_languages_stay_silent() {
        for (en, id) in [
            ("About 1.3 million people fled, and twelve officials resigned. It was the worst crisis in the city.", "Sekitar 1,3 juta orang mengungsi, dan 12 pejabat mengundurkan diri. Itu adalah krisis terburuk di kota itu."),
            ("The company lost $4.5 billion, or 12 percent of its value.", "Perusahaan itu merugi US$4,5 miliar, atau 12 persen dari nilainya."),
            ("Twenty-five houses burned down in 2023. It was the worst fire in the town.", "Dua puluh lima rumah terbakar pada 2023. Itu adalah kebakaran terburuk di kota itu."),
            ("One of the victims was a child, the agency said.", "Salah satu korban adalah anak-anak, kata badan itu."),
            ("The strike began at 22:00 GMT on Friday. The army said it was over by dawn.", "Serangan dimulai pukul 05.00 WIB pada Sabtu. Tentara mengatakan serangan itu berakhir menjelang fajar."),
            ("The quake struck at 7:17 p.m. GMT on Tuesday.", "Gempa terjadi pukul 02.17 WIB pada Rabu."),
            ("The hearing ended at 4:50 p.m. (0950 GMT), after six hours.", "Sidang berakhir pukul 16.50 WIB, setelah enam jam."),
            ("The talks began at 11 a.m. Moscow time (0800 GMT).", "Pembicaraan dimulai pukul 15.00 WIB."),
            ("The vote ends at 3 p.m. local time.", "Pemungutan suara berakhir pukul 15.00 waktu setempat."),
            ("Polls closed at 0600 GMT, and counting began at 1430 UTC.", "Pemungutan suara ditutup pukul 13.00 WIB, dan penghitungan dimulai pukul 21.30 WIB."),
            ("Residents were told to stay inside between 11 a.m. and 3 p.m. on hot days.", "Warga diminta tetap di dalam rumah antara pukul 11.00 dan 15.00 pada hari-hari panas."),
            ("It cost $2 million (Rp 31 billion), officials said. Work starts in 2025.", "Biayanya US$2 juta (Rp31 miliar), kata pejabat. Pekerjaan dimulai pada 2025."),
        ] {
            assert!(flagged(CODE, en, id).is_empty(), "{en} / {id}: {:?}", flagged(CODE, en, id));
            assert!(flagged(CODE, id, en).is_empty(), "{id} / {en}: {:?}", flagged(CODE, id, en));
        }
    }

    #[test]
    fn a_figure_changed_beside_one_in_the_headline_is_flagged() {
        let en = "# Floods kill 14 in Bekasi\n\nThe flood killed 14 people in Bekasi on Monday. Rescuers were still searching.";
        let id = "# Banjir tewaskan 14 orang di Bekasi\n\nBanjir menewaskan 12 orang di Bekasi pada Senin. Tim penyelamat masih mencari.";
        assert_eq!(flagged(CODE, en, id), ["12"]);
    }

    #[test]
    fn a_figure_moved_to_the_next_sentence_is_not_lost() {
        let en = "Rescuers found 8 bodies on Sunday. The search continues.";
        let id = "Tim penyelamat menemukan jenazah pada Minggu. Sebanyak 8 jenazah itu dibawa ke rumah sakit dan pencarian berlanjut.";
        assert!(flagged(CODE, en, id).is_empty(), "{:?}", flagged(CODE, en, id));
    }

    #[test]
    fn without_a_source_nothing_is_flagged() {
        let config = crate::config::Config::default();
        let options = crate::engine::CheckOptions { format: crate::prose::DocFormat::Markdown, language: Default::default(), config: &config };
        let result = crate::engine::check("Banjir menewaskan 10 orang.", &options);
        assert!(result.diagnostics.iter().all(|d| !d.code.starts_with("translation/")));
    }
}
