use super::{has_reporting_cue, is_speech, lower, nearest_person, person_mentions, QuoteIndex, Surroundings};
use crate::rules::typography::is_capitalised;
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::{Document, TokenKind};
use crate::quotation::{Quotation, Quotations};
use crate::rules::{Context, Rule, RuleMeta};

/// `“Remnya sudah bau sangit sejak turun dari puncak.”` standing alone: who said it?
pub struct Unattributed;

static META: RuleMeta = RuleMeta {
    code: "quotes/unattributed",
    category: Category::Quotes,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A direct quotation whose speaker cannot be found.",
    explanation: "A quotation of more than a few words needs a speaker. Attribution counts in every form news \
uses: a reporting verb with a speaker before, after or around the quotation (`kata Budi`, `ujarnya`, \
`menurut Budi`, `Budi menegaskan`, `he said`, `according to`, `in a statement`); a verb of saying or \
writing is known by its grammar in any of its forms (`berkata`, `dikatakannya`, `disimpulkan`, \
`mengimbuhkan`, `kicau Budi`; `said`, `replied`, `points out`); an introduction ending in a colon; the \
sentence before or after in the paragraph, or the last sentence of the paragraph before, with a verb of \
saying, or with another reporting verb right after its subject (`Budi berharap`, not `pasar mulai \
menuntut`; and not `according to police records` or `menurut data BPS`, figures that say nothing); a \
paragraph that carries on \
the attributed quotation of the paragraph before (a quotation that runs over several paragraphs reopens \
each one); another attributed quotation in the same paragraph; `Hal itu disampaikan Budi` right after. \
Scare quotes and terms of one to three words, titles (capitalised like titles, or introduced by \
`berjudul`, `bertajuk`, `the slogan`, `kata`), and quotations in headlines, captions, lists and tables \
need no speaker. The message names the nearest person the article mentions, without the office and its place (*Bupati Cianjur Herman Suherman*: *Herman Suherman*).",
    example_bad: "Bus itu terguling di tanjakan.\n\n“Remnya sudah bau sangit sejak turun dari puncak.”",
    example_good: "Bus itu terguling di tanjakan.\n\n“Remnya sudah bau sangit sejak turun dari puncak,” kata Ujang.",
};

/// Words opening a sentence that points back at the quotation before it: `Hal itu disampaikan …`.
const POINTING_BACK: &[&str] = &["hal", "demikian", "begitu", "itu", "pernyataan", "ucapan", "penegasan", "penjelasan", "that", "this", "those", "so"];

impl Rule for Unattributed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let quotations = ctx.quotations();
        let quotes = &quotations.quotes;
        // Each block's sentences and unquoted words, read once for all its quotations.
        let index = QuoteIndex::new(doc, quotations);
        // Unclosed quotations are left to quotes/unbalanced: where they end is a guess.
        let speech: Vec<bool> = quotes
            .iter()
            .map(|q| (q.close.is_some() || (q.continued && index.swallowed(q).is_none())) && is_speech(doc, q))
            .collect();
        // The parts of each multi-paragraph quotation, found once (asked per part, a quotation
        // reopened over n paragraphs cost n²).
        let chains = quotations.chains();

        // Attributed by the words of its own paragraph.
        let mut direct: Vec<bool> = quotes.iter().map(|q| attributed_in_paragraph(doc, &index, q)).collect();
        // A multi-paragraph quotation is attributed when any of its parts is.
        for chain in chains.parts().filter(|c| c.len() > 1) {
            if chain.iter().any(|&p| direct[p]) {
                for &p in chain.iter() {
                    direct[p] = true;
                }
            }
        }
        // Another attributed quotation in the same paragraph: one paragraph, one speaker. An
        // unclosed quotation with the attribution swallowed (`“…, katanya.`) counts too.
        let mut block_attributed = vec![false; doc.blocks.len()];
        for (i, q) in quotes.iter().enumerate() {
            let swallowed = q.close.is_none() && (index.inner_has_cue(q) || index.swallowed(q).is_some());
            if (speech[i] && direct[i]) || swallowed {
                block_attributed[q.block] = true;
            }
        }

        let mentions = person_mentions(doc);
        let mut attributed_so_far = block_attributed.clone();
        // Whether a block's end is pointed back at, and whether it is followed by an attributed
        // quotation: the same for every quotation ending there, so asked once per block.
        let mut pointed: Vec<Option<bool>> = vec![None; doc.blocks.len()];
        let mut followed: Vec<Option<bool>> = vec![None; doc.blocks.len()];
        for (i, q) in quotes.iter().enumerate() {
            if !speech[i] || q.continues.is_some() {
                continue;
            }
            let chain = chains.of(i);
            let mut ok = direct[i] || chain.iter().any(|&p| attributed_so_far[quotes[p].block]);
            if !ok && starts_block(&index, q) {
                ok = announced_by_previous_block(doc, &index, q.block, &attributed_so_far);
            }
            if !ok {
                let last = quotes[*chain.last().unwrap_or(&i)].block;
                ok = ends_its_block(&index, last, q) && *pointed[last].get_or_insert_with(|| pointed_back_at(doc, &index, last))
                    || *followed[last].get_or_insert_with(|| followed_by_attributed_quotation(doc, &index, quotations, last, &direct));
            }
            if ok {
                for &p in chain.iter() {
                    attributed_so_far[quotes[p].block] = true;
                }
                continue;
            }
            let span = q.span();
            let message = match nearest_person(&mentions, q.open.start, span) {
                Some(person) => format!("no speaker for this quotation; nearest named person: {}", person.name),
                None => "no speaker for this quotation".to_string(),
            };
            out.push(META.diagnostic(span, message));
        }
    }
}

/// The quotation's own sentences, or the sentence before or after it in its paragraph, say who
/// speaks; or a colon introduces it.
fn attributed_in_paragraph(doc: &Document, index: &QuoteIndex, q: &Quotation) -> bool {
    let around = index.surroundings(q);
    let run = &around.facts.unquoted;
    let colon = around.tokens(&around.lead).last().is_some_and(|&i| doc.token_str(&doc.tokens[i]) == ":");
    // `“…,” demikian motto situs itu`: the words after the quotation point at its source.
    let end = q.span().end;
    let after = run.first_from(doc, around.own.clone(), end);
    let pointer = run
        .first_word(after..around.own.end)
        .is_some_and(|k| matches!(lower(doc, &doc.tokens[run.tokens[k]]).as_str(), "demikian" | "begitu" | "bunyi"));
    // `“…” — Budi Santoso`: an epigraph's attribution after a dash.
    let dashed = run.tokens[after..around.own.end]
        .get(..2)
        .is_some_and(|pair| matches!(doc.token_str(&doc.tokens[pair[0]]), "—" | "–") && is_capitalised(doc.token_str(&doc.tokens[pair[1]])));
    colon
        || pointer
        || dashed
        || is_woven_into_sentence(doc, &around, q)
        || run.has_cue(doc, around.own.clone())
        || around.previous.clone().is_some_and(|p| run.has_strong_cue(doc, p.clone()) || ends_with_colon(doc, around.tokens(&p)))
        || around.next.clone().is_some_and(|n| run.has_strong_cue(doc, n))
}

/// A fragment woven into the writer's sentence (`mendorong penggemarnya untuk "menerima hasil
/// pemilihan …"`, `the report found "no evidence of wrongdoing"`) belongs to the sentence's
/// subject: the sentence itself is the attribution.
fn is_woven_into_sentence(doc: &Document, around: &Surroundings, q: &Quotation) -> bool {
    let starts_lower = doc.str(q.inner).chars().next().is_some_and(char::is_lowercase);
    let lead_words = around.facts.unquoted.word_count(around.lead.clone());
    starts_lower && lead_words >= 2
}

fn ends_with_colon(doc: &Document, tokens: &[usize]) -> bool {
    tokens.last().is_some_and(|&i| doc.token_str(&doc.tokens[i]) == ":")
}

/// The quotation opens its paragraph's first sentence.
fn starts_block(index: &QuoteIndex, q: &Quotation) -> bool {
    index.block(q.block).sentences.first().is_some_and(|s| s.span.contains(q.open.start) || s.span.start == q.open.start)
}

/// The paragraph before carries an attributed quotation, or its last sentence names the speaker
/// and announces the words (`Budi punya pesan untuk warga:`, `Dia mengatakan …`).
fn announced_by_previous_block(doc: &Document, index: &QuoteIndex, block: usize, attributed: &[bool]) -> bool {
    let Some(previous) = block.checked_sub(1) else { return false };
    if !doc.blocks[previous].kind.is_running_text() && doc.blocks[previous].kind != crate::prose::BlockKind::ListItem {
        return false;
    }
    if attributed[previous] {
        return true;
    }
    let facts = index.block(previous);
    let Some(last) = facts.sentences.len().checked_sub(1) else { return false };
    let words = facts.sentence(last);
    facts.unquoted.has_strong_cue(doc, words.clone()) || ends_with_colon(doc, &facts.unquoted.tokens[words])
}

/// The next paragraph opens with a quotation attributed in its own paragraph: consecutive
/// quotation paragraphs, the speaker named at the second.
fn followed_by_attributed_quotation(doc: &Document, index: &QuoteIndex, quotations: &Quotations, block: usize, direct: &[bool]) -> bool {
    let next = block + 1;
    if next >= doc.blocks.len() {
        return false;
    }
    let Some(first) = index.block(next).sentences.first().map(|s| s.span.start) else { return false };
    quotations.in_block(next).any(|(j, q)| q.depth == 0 && q.open.start == first && direct[j])
}

/// The quotation ends its block (`pointed_back_at` and the like apply only then).
fn ends_its_block(index: &QuoteIndex, block: usize, q: &Quotation) -> bool {
    let Some(end) = index.block(block).sentences.last().map(|s| s.span.end) else { return false };
    !(q.block == block && q.span().end < end)
}

/// The next paragraph opens by pointing back at the quotation at the end of `block`: `Hal itu
/// disampaikan Budi …`.
fn pointed_back_at(doc: &Document, index: &QuoteIndex, block: usize) -> bool {
    if block + 1 >= doc.blocks.len() {
        return false;
    }
    let Some(first) = index.block(block + 1).sentences.first().copied() else { return false };
    let tokens: Vec<usize> = first.tokens.clone().collect();
    let words: Vec<String> = tokens.iter().map(|&i| &doc.tokens[i]).filter(|t| t.kind == TokenKind::Word).map(|t| lower(doc, t)).collect();
    let opens_pointing = words.first().is_some_and(|w| POINTING_BACK.contains(&w.as_str()));
    // `Pernyataan itu disampaikan …`, `Smith made the remarks …`: the words themselves, pointed at.
    let names_the_words = words.windows(2).any(|pair| {
        matches!(pair[0].as_str(), "pernyataan" | "ucapan" | "penegasan" | "penjelasan" | "keterangan")
            && matches!(pair[1].as_str(), "itu" | "tersebut" | "ini")
            || matches!(pair[0].as_str(), "the" | "those" | "these" | "his" | "her" | "their")
                && matches!(pair[1].as_str(), "remarks" | "comments" | "statement" | "words")
    });
    // `Budi menyampaikan hal itu …`, `Demikian kata Budi`: a pointer and a reporting verb.
    let points_back = opens_pointing
        || words.windows(2).any(|pair| pair[0] == "hal" && matches!(pair[1].as_str(), "itu" | "tersebut" | "ini"))
        || words.iter().any(|w| w == "demikian" || w == "begitu");
    names_the_words || (points_back && has_reporting_cue(doc, &tokens))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{flagged, run};

    fn silent(language: crate::language::Language, text: &str) {
        assert!(flagged(&Unattributed, language, text).is_empty(), "{text}\n{:?}", flagged(&Unattributed, language, text));
    }

    #[test]
    fn flags_a_quotation_nobody_said() {
        let text = "Sopir bus itu, Ujang Sopandi (47), selamat.\n\nBus terguling di tanjakan. Tujuh orang tewas.\n\n“Remnya sudah bau sangit sejak turun dari puncak. Kami sudah minta sopir berhenti.”\n\nWarga lain datang.";
        let found = run(&Unattributed, Id, text);
        assert_eq!(found.len(), 1);
        assert!(text[found[0].span.range()].starts_with("“Remnya"));
        assert_eq!(found[0].message, "no speaker for this quotation; nearest named person: Ujang Sopandi");
        assert_eq!(
            flagged(&Unattributed, En, "The bus overturned.\n\n\"The brakes smelled burnt all the way down the hill.\""),
            ["\"The brakes smelled burnt all the way down the hill.\""]
        );
    }

    #[test]
    fn attribution_in_the_same_sentence() {
        silent(Id, "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” kata Budi.");
        silent(Id, "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” ujarnya.");
        silent(Id, "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” seloroh dia.");
        silent(Id, "Hujan turun.\n\nKata Budi, “Kami sudah siap sejak pagi tadi.”");
        silent(Id, "Hujan turun.\n\nSeperti dikutip dari AFP, “Kami sudah siap sejak pagi tadi.”");
        silent(Id, "Hujan turun.\n\n“Apakah kami harus menunggu sampai besok lagi?” tanya seorang warga.");
        silent(Id, "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi.” — Budi Santoso");
        silent(En, "It rained.\n\n\"We have been ready since this morning,\" reads the sign at the gate.");
        silent(En, "It rained.\n\n\"We have been ready since this morning,\" Budi, 45, a fisherman, said.");
        silent(Id, "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” tambah Kepala Dinas, Budi Santoso.");
        silent(Id, "Hujan turun.\n\nMenurut Budi, “kami sudah siap sejak pagi tadi.”");
        silent(Id, "Hujan turun.\n\nBudi menegaskan, “Kami sudah siap sejak pagi tadi.”");
        silent(Id, "Hujan turun.\n\nDia berkata: “Kami sudah siap sejak pagi tadi.”");
        silent(Id, "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi. Semua tim sudah bergerak,” tutur pelatih Perseru, Joko.");
        silent(En, "It rained.\n\n\"We have been ready since this morning,\" she told reporters.");
        silent(En, "It rained.\n\n\"We have been ready since this morning,\" the ministry said in a statement.");
        silent(En, "It rained.\n\nAccording to Budi, \"we have been ready since this morning.\"");
        silent(En, "It rained.\n\nThe mayor tweeted: \"We have been ready since this morning.\"");
    }

    #[test]
    fn attribution_nearby() {
        // The sentence before announces the words.
        silent(Id, "Budi punya pesan untuk warga:\n\n“Jangan kembali ke rumah sebelum ada pengumuman resmi.”");
        silent(Id, "Hujan turun. Budi lalu mengatakan hal yang sama. “Jangan kembali ke rumah sebelum ada pengumuman.”");
        // A continuation of the quotation before.
        silent(Id, "“Kami sudah siap sejak pagi tadi,” kata Budi.\n\n“Semua tim sudah bergerak ke lokasi banjir.”");
        // The same paragraph: another sentence of the same speaker.
        silent(Id, "“Kami sudah siap,” kata Budi. “Semua tim sudah bergerak ke lokasi banjir.”");
        // A multi-paragraph quotation, attributed in its first paragraph.
        silent(Id, "Hujan turun.\n\nBudi berkata, “Kami sudah siap sejak pagi.\n\n“Semua tim sudah bergerak ke lokasi banjir.”\n\nLalu hujan reda.");
        // The next paragraph carries on and names the speaker.
        silent(Id, "Hujan turun.\n\n“Jika tak cedera, dia bisa bermain sampai usia 41 tahun.”\n\n“Ronaldo memang istimewa,” tutur Aroso.");
        // The words after the quotation point at its source.
        silent(Id, "Hujan turun.\n\n\"Orang bilang kita tidak dapat mengubah dunia,\" demikian motto situs tersebut.");
        // A fragment woven into a sentence with a subject.
        silent(Id, "Hujan turun.\n\nJuri The Voice itu mendorong penggemarnya untuk \"menerima hasil pemilihan dan mencintai sesama.\"");
        // Pointed back at by the next paragraph.
        silent(Id, "Hujan turun.\n\n“Semua tim sudah bergerak ke lokasi banjir.”\n\nHal itu disampaikan Budi di Padang, Senin.");
        silent(Id, "Hujan turun.\n\n“Semua tim sudah bergerak ke lokasi banjir.”\n\nBudi menyampaikan hal itu di Padang, Senin.");
        silent(En, "It rained.\n\n\"All teams have moved to the flooded areas.\"\n\nSmith made the remarks to reporters on Monday.");
    }

    #[test]
    fn quotations_that_are_not_speech() {
        silent(Id, "Hujan turun.\n\nIa memakai kata “entrepreneur” dan “start-up” dalam pidato itu.");
        silent(Id, "Hujan turun.\n\nFilm “Laskar Pelangi Dan Sang Pemimpi Kembali” tayang lagi.");
        silent(Id, "Hujan turun.\n\nMereka membentangkan spanduk bertuliskan “tolak tambang di tanah adat kami”.");
        silent(En, "It rained.\n\nWijaya said the aide asked for a \"commitment fee\" every time.");
        silent(En, "It rained.\n\nThe campaign, dubbed \"every child counts in our village\", began.");
        silent(En, "It rained.\n\nThe report found \"no evidence of wrongdoing by any of the officials\".");
        // A whole headline, capitalised as one or not.
        silent(Id, "“Kami Tidak Akan Menyerah Sampai Kapan Pun”\n\nHujan turun.");
        silent(En, "\"We will not give up until the water goes down\"\n\nIt rained all night.");
        // Unclosed quotations are the other rule's business.
        silent(Id, "Hujan turun.\n\n“Kami akan meminta rekaman pertandingan, tambahnya.");
    }

    #[test]
    fn the_message_names_the_person_not_the_office() {
        let text = "Bupati Garut Rudy Gunawan mengatakan longsor menutup jalan di Garut.\n\nJalan desa tertimbun.\n\n“Tanahnya bergerak sejak subuh dan kami tidak bisa lewat.”";
        let found = run(&Unattributed, Id, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "no speaker for this quotation; nearest named person: Rudy Gunawan");
        let text = "Power was back in most districts, said Kyiv Mayor Vitali Klitschko.\n\nThe city was quiet.\n\n\"There is no water in the whole district since morning.\"";
        let found = run(&Unattributed, En, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.ends_with("nearest named person: Vitali Klitschko"), "{}", found[0].message);
    }

    #[test]
    fn verbs_of_saying_in_any_form() {
        // Indonesian morphology: prefixes, suffixes, clitics.
        for text in [
            "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” imbuhnya.",
            "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” kicau Budi di akun X miliknya.",
            "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi.” Demikian disimpulkan Budi dalam rapat.",
            "Hujan turun.\n\nHal itu ditegaskannya di Padang. “Kami sudah siap sejak pagi tadi.”",
            "Hujan turun.\n\nBudi mengimbuhkan bahwa tim sudah bergerak. “Kami sudah siap sejak pagi tadi.”",
            "Hujan turun.\n\nIa menegaskan: “Kami sudah siap sejak pagi tadi.”",
            "Hujan turun.\n\n“Kami sudah siap sejak pagi tadi,” kata dia.",
            "Hujan turun.\n\nLewat akunnya, Budi berkicau. “Kami sudah siap sejak pagi tadi.”",
            "Budi Santoso mengatakan tim sudah bergerak.\n\n“Kami sudah siap sejak pagi tadi.”",
        ] {
            silent(Id, text);
        }
        // English inflections, before or after, in the same or the next sentence.
        for text in [
            "It rained.\n\n\"We have been ready since this morning,\" the minister added.",
            "It rained.\n\nThe mayor wrote on Facebook. \"We have been ready since this morning.\"",
            "It rained.\n\n\"We have been ready since this morning.\" The governor, Ann Lee, points out that help came late.",
            "It rained.\n\n\"We have been ready since this morning,\" Lee replied.",
            "It rained.\n\nLee was emphatic when asked. \"We have been ready since this morning.\"",
        ] {
            silent(En, text);
        }
    }

    #[test]
    fn a_verb_without_its_speaker_in_another_sentence_does_not_attribute() {
        // A reporting verb's other sense, with no speaker before it.
        for text in [
            "Sebagian siswa akhirnya harus melanjutkan ke sekolah swasta.\n\n“Kami hanya minta aturan jarak itu dijalankan dengan jujur.”",
            "Pasar mulai menuntut kepastian sejak awal tahun.\n\n“Kami diberi tahu lewat undangan rapat lima belas menit saja.”",
            "Harga beras terus naik. Pedagang kecil mulai berharap pada operasi pasar. “Kalau begini terus, warung kecil bisa tutup semua.”",
        ] {
            assert_eq!(flagged(&Unattributed, Id, text).len(), 1, "{text}");
        }
        let text = "Investors kept demanding profits after years of growth.\n\n\"We were told in a fifteen-minute video call, and that was it.\"";
        assert_eq!(flagged(&Unattributed, En, text).len(), 1, "{text}");
        // With its speaker, the same verbs attribute.
        silent(Id, "Harga beras terus naik. Budi juga berharap pada operasi pasar. “Kalau begini terus, warung kecil bisa tutup semua.”");
    }

    #[test]
    fn adverbs_that_look_like_reporting_verbs_do_not_attribute() {
        let text = "Banjir tambah parah sejak pagi.\n\n“Semua jalan menuju desa terputus dan kami tidak bisa keluar.”";
        assert_eq!(flagged(&Unattributed, Id, text).len(), 1);
    }

    #[test]
    fn figures_cited_from_records_are_nobody_speaking() {
        // `according to police records` / `menurut data BPS` attribute their own sentence; a
        // quotation after them still needs a speaker.
        let flagged_once = |language, text: &str| assert_eq!(flagged(&Unattributed, language, text).len(), 1, "{text}");
        flagged_once(En, "The council voted 5-3.\n\nFour cyclists have died downtown since 2020, according to police records.\n\n\"Every new curb is a promise that someone gets home safely tonight.\"");
        flagged_once(En, "The plant closed.\n\nUnemployment rose to 9 percent, according to state labor data.\n\n\"We will not recover from this for a decade or more.\"");
        flagged_once(Id, "Harga cabai naik.\n\nMenurut data BPS, inflasi bulan lalu 3,1 persen.\n\n“Kalau harga terus naik, kami tidak bisa berjualan lagi.”");
        flagged_once(Id, "Banjir meluas.\n\nSebanyak 400 rumah terendam, menurut catatan posko bencana.\n\n“Air masuk rumah sejak subuh dan terus naik sampai siang.”");
        // A person after `according to` / `menurut` announces the next paragraph's words.
        silent(En, "The plant closed.\n\nThe town will lose 800 jobs, according to Mayor Linda Ortiz.\n\n\"We will not recover from this for a decade or more.\"");
        silent(Id, "Banjir meluas.\n\nMenurut Kepala BPBD Rahmat Hidayat, 400 rumah terendam.\n\n“Air masuk rumah sejak subuh dan terus naik sampai siang.”");
        // Its own sentence is attributed either way.
        silent(En, "The plant closed. According to company records, \"production has stopped at every line since May\".");
    }

    #[test]
    fn a_paragraph_with_no_speaker_after_an_indirect_one_is_flagged() {
        let text = "Budi mengatakan banjir surut.\n\nUntuk mengurai antrean, rumah sakit membuka loket.\n\n“Kalau sakit jangan menunggu parah. Puskesmas juga bisa menangani.”";
        assert_eq!(flagged(&Unattributed, Id, text).len(), 1);
    }
}
