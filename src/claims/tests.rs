use super::relations::{breakdowns, contradictions, derived_contradictions};
use super::*;
use crate::document::{Document, LanguageChoice};
use crate::prose::DocFormat;
use crate::language::Language::{self, En, Id};

fn doc(text: &str, language: Language) -> Document<'_> {
    Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(language), ..Default::default() })
}

fn claims_of(text: &str, language: Language) -> Claims {
    let d = doc(text, language);
    let mentions = crate::numbers::mentions(&d);
    Claims::new(&d, &mentions)
}

fn summary(text: &str, language: Language) -> Vec<(f64, Option<String>, Option<&'static str>)> {
    claims_of(text, language).claims.into_iter().map(|c| (c.value, c.head, c.state)).collect()
}

#[test]
fn heads_are_an_open_vocabulary() {
    let s = summary("Kapal itu mengangkut 87 penumpang dan 31 kendaraan. Sebanyak 12 nasabah melapor.", Id);
    assert_eq!(s[0], (87.0, Some("penumpang".into()), None));
    assert_eq!(s[1], (31.0, Some("kendaraan".into()), None));
    assert_eq!(s[2], (12.0, Some("nasabah".into()), None));
    let s = summary("The firm lent money to 1.3 million borrowers. A total of 803,112 valid votes were counted.", En);
    assert_eq!(s[0].1.as_deref(), Some("borrower"));
    assert_eq!(s[1].1.as_deref(), Some("valid vote"));
    let s = summary("Officials said 40 schools and 12 tonnes of rice were lost.", En);
    assert_eq!(s[0].1.as_deref(), Some("school"));
    assert_eq!(s[1].1.as_deref(), Some("tonne"));
}

#[test]
fn generic_people_and_classifiers() {
    let s = summary("Banjir menewaskan 12 orang dan 5 orang penumpang hilang.", Id);
    assert_eq!(s[0], (12.0, Some(PERSON.into()), Some("dead")));
    assert_eq!(s[1], (5.0, Some("penumpang".into()), Some("missing")));
    let s = summary("Police said 27 people were arrested and nine died.", En);
    assert_eq!(s[0], (27.0, Some(PERSON.into()), Some("arrested")));
    assert_eq!(s[1], (9.0, None, Some("dead")));
}

#[test]
fn states_before_and_after() {
    let s = summary("Ledakan itu menewaskan 15 pekerja. Sebanyak 64 penumpang dalam keadaan selamat dan 9 penumpang meninggal dunia.", Id);
    assert_eq!(s[0].2, Some("dead"));
    assert_eq!(s[1].2, Some("survived"));
    assert_eq!(s[2].2, Some("dead"));
    let s = summary("The blast killed 13 workers. Eighty survived, five died and two are missing.", En);
    assert_eq!(s.iter().map(|x| x.2).collect::<Vec<_>>(), vec![Some("dead"), Some("survived"), Some("dead"), Some("missing")]);
}

#[test]
fn word_quantities() {
    let c = claims_of("Seorang warga meninggal. Polisi menyebut ketiga korban meninggal di lokasi. Puluhan rumah rusak.", Id);
    assert_eq!((c.claims[0].value, c.claims[0].state), (1.0, Some("dead")));
    assert_eq!((c.claims[1].value, c.claims[1].state), (3.0, Some("dead")));
    assert_eq!((c.claims[2].lo, c.claims[2].hi), (10.0, 99.0));
    // `korban ketiga` is the third victim, `ketiga kalinya` the third time: no count.
    let c = claims_of("Korban ketiga ditemukan. Ini ketiga kalinya banjir datang.", Id);
    assert!(c.claims.is_empty(), "{:?}", c.claims);
}

#[test]
fn qualifiers_and_ranges() {
    let c = claims_of("Setidaknya 12 orang tewas. Sekitar 1.900 tahanan dibebaskan. Sebanyak 10-12 orang hilang. Hampir 30 rumah rusak.", Id);
    assert_eq!(c.claims[0].qualifier, Qualifier::AtLeast);
    assert_eq!(c.claims[0].hi, f64::INFINITY);
    assert_eq!(c.claims[1].qualifier, Qualifier::About);
    assert!(c.claims[1].lo > 1700.0 && c.claims[1].hi < 2100.0);
    assert_eq!((c.claims[2].lo, c.claims[2].hi), (10.0, 12.0));
    assert_eq!(c.claims[3].qualifier, Qualifier::Nearly);
    let c = claims_of("At least 12 were killed, and more than 40 were injured.", En);
    assert_eq!(c.claims[0].qualifier, Qualifier::AtLeast);
    assert_eq!(c.claims[1].qualifier, Qualifier::MoreThan);
}

#[test]
fn scope_update_and_position() {
    let c = claims_of("Banjir Tewaskan 5 Orang\n\nBanjir menewaskan 5 orang di Bekasi pada Senin.\n\nKorban tewas bertambah menjadi 7 orang. Dari 13 orang, kini 15 orang tewas.", Id);
    assert_eq!(c.claims[0].position, Position::Headline);
    assert_eq!(c.claims[1].position, Position::Lead);
    assert!(c.claims[1].scope.contains(&"place:bekasi".to_string()), "{:?}", c.claims[1].scope);
    assert!(c.claims[1].scope.contains(&"day:senin".to_string()));
    assert!(c.claims[2].update);
    assert!(c.claims[3].previous || c.claims[3].whole);
    assert!(c.claims[4].update);
    let c = claims_of("In the UK, 300 people died. In the US, 500 people died.", En);
    assert!(c.claims[0].scope.contains(&"place:uk".to_string()), "{:?}", c.claims[0].scope);
    assert!(contradictions(&c).is_empty());
}

#[test]
fn the_same_thing_counted_twice() {
    let c = claims_of("Polisi menangkap 27 orang.\n\nSindikat itu menjerat 1,3 juta nasabah. Penyidik menemukan data 1,8 juta nasabah.", Id);
    let found = contradictions(&c);
    assert_eq!(found.len(), 1);
    assert_eq!(c.claims[found[0].later].value, 1_800_000.0);
    let c = claims_of("The ferry carried 88 passengers.\n\nOfficials said the ferry carried 85 passengers.", En);
    assert_eq!(contradictions(&c).len(), 1);
}

#[test]
fn near_misses_stay_silent() {
    // An update, approximations that agree, other places, other predicates, another year.
    for (text, lang) in [
        ("Banjir menewaskan 5 orang. Korban tewas kini bertambah menjadi 7 orang.", Id),
        ("Sekitar 200 pelanggan terdampak. Sebanyak 190 pelanggan terdampak gangguan itu.", Id),
        ("Di Inggris 300 orang meninggal. Di Amerika Serikat 500 orang meninggal.", Id),
        ("Sebanyak 40 penumpang selamat. Sebanyak 12 penumpang hilang.", Id),
        ("The storm killed 12 people. Last year a storm killed 30 people.", En),
        ("At least 10 people died. Officials said 14 people died.", En),
        ("The death toll rose to 13 from 11 overnight.", En),
        ("Sebanyak 30 sekolah rusak. Ada 12 sekolah di kecamatan itu yang rusak berat.", Id),
        // A count before a remainder in its sentence is a part.
        ("Polisi menangkap empat tersangka di pelabuhan. Dua tersangka ditangkap di dalam gudang, sementara dua lainnya dibekuk di rumah kontrakan.", Id),
        ("Officers detained five suspects on Friday. Three suspects were detained at the port and the other two at a hotel.", En),
    ] {
        let c = claims_of(text, lang);
        assert!(contradictions(&c).is_empty(), "{text}: {:?}", contradictions(&c).iter().map(|x| c.claims[x.later].describe(lang)).collect::<Vec<_>>());
    }
    // Others in another state do not make the count before them a part.
    for (text, lang) in [
        ("Banjir menewaskan sedikitnya 14 orang. BNPB mengatakan 11 orang tewas dan lima lainnya masih hilang.", Id),
        ("The storm killed at least 14 people. Officials said 11 people died and five others are missing.", En),
    ] {
        assert_eq!(contradictions(&claims_of(text, lang)).len(), 1, "{text}");
    }
}

#[test]
fn parts_that_do_not_make_their_whole() {
    for (text, lang, sum) in [
        ("Dari 46 pekerja yang terluka, 19 adalah warga negara Indonesia dan 25 adalah warga negara China.", Id, 44.0),
        ("The blast killed 13 workers. Of the dead, nine were Indonesian and three were Chinese, police said.", En, 12.0),
        ("Kapal mengangkut 87 penumpang. Tim SAR mengevakuasi 64 penumpang dalam keadaan selamat dan 9 penumpang meninggal dunia. Sisanya, 12 penumpang, masih dicari.", Id, 85.0),
        ("Tujuh pendaki hilang di gunung itu. Tiga ditemukan selamat, dua meninggal, dan satu lainnya masih dicari.", Id, 6.0),
        ("The plane had 88 people on board. Eighty survived, five died and two are missing.", En, 87.0),
        // A head noun ends before an irregular verb; `without` after a count negates nothing of it;
        // `sejak Sabtu` is the search still going on, not another period.
        ("A ferry carrying 64 passengers sank off the coast on Tuesday. Rescue teams pulled 51 survivors from the water, while eight passengers died and three remain missing.", En, 62.0),
        ("A bus carrying 40 pilgrims overturned on Sunday. Thirty-one people survived, six died and two are still missing.", En, 39.0),
        ("Tim SAR mencari sembilan pendaki yang hilang di Gunung Sari sejak Sabtu. Empat pendaki ditemukan selamat, dua ditemukan meninggal, dan dua lainnya masih dicari.", Id, 8.0),
        ("Police arrested 14 people after clashes on Saturday. Of those arrested, nine were charged with assault and seven were released without charge.", En, 16.0),
        ("Polisi menangkap 21 orang dalam razia itu. Dari mereka yang ditangkap, 12 orang ditahan dan 11 orang dibebaskan tanpa syarat.", Id, 23.0),
    ] {
        let c = claims_of(text, lang);
        let d = doc(text, lang);
        let b = breakdowns(&c, &d);
        assert_eq!(b.len(), 1, "{text}: {b:?} {:?}", c.claims);
        assert_eq!(b[0].sum, sum, "{text}");
    }
}

#[test]
fn breakdowns_that_hold_or_may_leave_some_out() {
    for (text, lang) in [
        ("Dari 46 pekerja yang terluka, 19 adalah warga negara Indonesia dan 27 adalah warga negara China.", Id),
        ("Of the 41 injured, 17 were in serious condition.", En),
        ("Of the 86 cases, 40 were in Jakarta and 20 in Bogor.", En),
        ("The ferry carried 88 people. Eighty survived, six died and two are missing.", En),
        ("Sebanyak 120 warga mengungsi. Dari jumlah itu, termasuk 30 anak dan 25 lansia.", Id),
        ("Police arrested 14 people. Of those arrested, nine were charged and five were released without charge.", En),
        ("A ferry carrying 64 passengers sank on Tuesday. Rescue teams pulled 51 survivors from the water, while eight passengers died and five remain missing.", En),
        ("Sejak 2020, longsor di desa itu menewaskan 40 orang. Tim SAR mencari 9 pendaki. Empat pendaki ditemukan selamat, dua meninggal, dan tiga lainnya masih dicari.", Id),
    ] {
        let c = claims_of(text, lang);
        let d = doc(text, lang);
        let b = breakdowns(&c, &d);
        assert!(b.is_empty(), "{text}: {b:?}");
    }
}

#[test]
fn a_remainder_without_a_number() {
    let text = "Sebanyak 38 orang dirawat di rumah sakit.\n\nJumlah korban yang tercatat 45 orang. Dari 45 korban, lima meninggal dan sisanya dirawat.";
    let c = claims_of(text, Id);
    let d = doc(text, Id);
    let b = breakdowns(&c, &d);
    assert_eq!(b.len(), 1, "{:?}", c.claims);
    assert_eq!(b[0].derived, Some(("treated", 40.0)));
    assert_eq!(derived_contradictions(&c, &b)[0].map(|i| c.claims[i].value), Some(38.0));
}

#[test]
fn article_year() {
    assert_eq!(front_matter_year("---\ntitle: x\ndate: 2017-03-16\n---\nBody"), Some(2017));
    assert_eq!(front_matter_year("No front matter, date: 2017"), None);
    let c = claims_of("Banjir melanda Bekasi, Senin (14/4/2025). Sebanyak 5 orang tewas.", Id);
    assert_eq!(c.year, Some(2025));
    assert_eq!(claims_of("A storm swept the north late on Monday, Feb. 10, 2025, officials said.", En).year, Some(2025));
    assert_eq!(claims_of("The fair opened on Sept. 3, 2023.", En).year, Some(2023));
}

#[test]
fn normalised_heads() {
    assert_eq!(normalise_head("passengers"), "passenger");
    assert_eq!(normalise_head("ballots"), "vote");
    assert_eq!(normalise_head("casualties"), "casualty");
    assert_eq!(normalise_head("buses"), "buse");
    assert_eq!(normalise_head("rumah-rumah"), "rumah");
    assert_eq!(normalise_head("warga"), PERSON);
    assert_eq!(normalise_head("kursus"), "kursus");
}


#[test]
fn shares_that_do_not_match_their_part_and_whole() {
    use super::relations::shares;
    for (text, lang) in [
        ("Sekolah itu menyediakan 320 kursi, dan 40 persen di antaranya, atau 118 kursi, untuk jalur domisili.", Id),
        ("Perusahaan memangkas sekitar 1.200 pekerjaan, atau sekitar 15 persen dari sekitar 6.000 karyawannya.", Id),
        ("The party won 412,530 votes, or 54.1 percent of the valid ballots. A total of 803,112 valid votes were counted.", En),
        ("Pasangan itu meraih 441.207 suara atau 52,2 persen dari total suara sah. Total suara sah tercatat 854.528.", Id),
        ("The clinic treated 380 patients, or 45 percent of its 1,000 visitors.", En),
        // The part and its whole first (`N of the W ...`), the share after `, or`.
        ("Lead was found at 176 of the 550 public schools tested in Ohio, or 38 percent, the report said.", En),
        ("Banjir merendam 45 dari 150 desa di kabupaten itu, atau 40 persen.", Id),
    ] {
        let c = claims_of(text, lang);
        let d = doc(text, lang);
        assert_eq!(shares(&c, &d).len(), 1, "{text}: {:?}", c.claims);
    }
    for (text, lang) in [
        ("Sekolah itu menyediakan 320 kursi, dan 40 persen di antaranya, atau 128 kursi, untuk jalur domisili.", Id),
        ("Perusahaan memangkas sekitar 900 pekerjaan, atau sekitar 15 persen dari sekitar 6.000 karyawannya.", Id),
        ("The party won 412,530 votes, or 51.4 percent of the valid ballots. A total of 803,112 valid votes were counted.", En),
        // Two shares of different wholes: no part and whole here.
        ("Sebanyak 70 persen warga setuju, sementara 43 persen pedagang menolak.", Id),
        ("Lead was found at 176 of the 550 public schools tested in Ohio, or 32 percent, the report said.", En),
        ("Banjir merendam 45 dari 150 desa di kabupaten itu, atau 30 persen.", Id),
        // Another figure and `dan` between: the percentage is not that share.
        ("Banjir merendam 45 dari 150 desa dan 12 sekolah, atau 40 persen lebih banyak dari tahun lalu.", Id),
        ("About 70% of respondents backed the plan and 43% of businesses opposed it.", En),
    ] {
        let c = claims_of(text, lang);
        let d = doc(text, lang);
        assert!(shares(&c, &d).is_empty(), "{text}: {:?}", shares(&c, &d));
    }
}

#[test]
fn changes_that_do_not_match_their_values() {
    use super::relations::changes;
    for (text, lang, actual) in [
        ("The price of rice rose 12 percent, from Rp 13,500 per kilogram in January to Rp 15,800 in August.", En, 17.0),
        ("Jumlah penumpang naik 30 persen, dari rata-rata 40.000 menjadi 50.000 penumpang per hari.", Id, 25.0),
        ("Arrivals fell by nearly two thirds, from 9,000 in March to 5,200 in May.", En, 42.2),
        // The pair written the other way round: `to B from A`.
        ("Enrolment grew 15% this year to 2,760 from 2,000 in 2023, the district said.", En, 38.0),
        ("Ekspor kopi naik 10 persen menjadi 5.400 ton dari 4.000 ton pada tahun sebelumnya.", Id, 35.0),
        // A fraction some words before the pair.
        ("Jumlah kasus turun separuh dibandingkan periode yang sama tahun lalu, dari 6.000 kasus menjadi 4.100 kasus.", Id, 31.7),
        // A multiple.
        ("Subscriptions doubled over the year, from 30,000 to 75,000.", En, 150.0),
        ("Produksi garam naik tiga kali lipat, dari 2.000 ton menjadi 4.000 ton.", Id, 100.0),
        ("The number of stray dogs was halved, from 900 to 600.", En, 33.3),
        // Words between `dari` / `from` and the value it starts from.
        ("Curah hujan sepanjang April turun hingga separuh, dari rata-rata normal 320 milimeter menjadi 210 milimeter.", Id, 34.4),
        ("Rainfall fell by half, from an average of 320 millimetres to 210 millimetres.", En, 34.4),
        // A phrase of time between the stated change and the pair.
        ("Arrivals rose 18% in the first half of the year to 1.42 million, from 1.31 million a year earlier.", En, 8.4),
        ("Jumlah wisatawan turun separuh dalam enam bulan pertama tahun ini, dari 84.000 orang menjadi 52.000 orang.", Id, 38.1),
        // In another period than the article's, the change is still arithmetic.
        ("Foreign visitor arrivals rose 25% last year to a record 2.3 million, up from 2.1 million in 2023.", En, 9.5),
        ("Produksi beras naik 20 persen tahun lalu menjadi 4,6 juta ton dari 4,1 juta ton.", Id, 12.2),
    ] {
        let c = claims_of(text, lang);
        let d = doc(text, lang);
        let found = changes(&c, &d);
        assert_eq!(found.len(), 1, "{text}: {:?}", c.claims);
        assert!((found[0].actual - actual).abs() < 0.5, "{text}: {}", found[0].actual);
    }
    for (text, lang) in [
        ("The price of rice rose 17 percent, from Rp 13,500 per kilogram in January to Rp 15,800 in August.", En),
        ("Jumlah penumpang naik 25 persen, dari 40.000 menjadi 50.000 penumpang per hari.", Id),
        ("Arrivals fell by nearly half, from 9,000 in March to 5,200 in May.", En),
        ("Pangsa pasar naik 5 persen, dari 20 persen menjadi 25 persen.", Id),
        ("Arrivals rose 8% in the first half of the year to 1.42 million, from 1.31 million a year earlier.", En),
        ("Jumlah wisatawan turun separuh dalam enam bulan pertama tahun ini, dari 84.000 orang menjadi 42.000 orang.", Id),
        // Another figure between the stated change and the pair is what it speaks of.
        ("Ekspor naik 18 persen menjadi 300 kontainer; impor, dari 1.310 menjadi 1.420 kontainer.", Id),
        // The level reached, not the change: `naik ke`, `rose to`.
        ("Harga naik ke 5 persen, dari 3 ke 5 orang pembeli.", Id),
        ("Inflasi naik menjadi 7 persen, dari 120 menjadi 150 toko yang tutup.", Id),
        ("Unemployment rose to 6 percent, from 200 to 260 claims a week.", En),
        ("Enrolment grew 38% this year to 2,760 from 2,000 in 2023, the district said.", En),
        ("Ekspor kopi naik 35 persen menjadi 5.400 ton dari 4.000 ton pada tahun sebelumnya.", Id),
        ("Foreign visitor arrivals rose 10% last year to a record 2.3 million, up from 2.1 million in 2023.", En),
        ("Produksi beras naik 13 persen tahun lalu menjadi 4,6 juta ton dari 4,1 juta ton.", Id),
        // Within the rounding of both values (2.05 to 2.35 million is 14.6%).
        ("Foreign visitor arrivals rose 15% last year to a record 2.3 million, up from 2.1 million in 2023.", En),
        ("Jumlah kasus turun separuh dibandingkan periode yang sama tahun lalu, dari 6.000 kasus menjadi 3.050 kasus.", Id),
        ("Subscriptions more than doubled over the year, from 30,000 to 61,000.", En),
        ("Produksi garam naik tiga kali lipat, dari 2.000 ton menjadi 6.000 ton.", Id),
        ("The number of stray dogs was halved, from 900 to 450.", En),
        ("Curah hujan sepanjang April turun hingga separuh, dari rata-rata normal 320 milimeter menjadi 165 milimeter.", Id),
        // The multiple is of another figure: `doubled to 40 stations, from 250 staff to 300`.
        ("Penjualan naik dua kali lipat tahun lalu. Tahun ini, pegawai bertambah dari 200 menjadi 260 orang.", Id),
    ] {
        let c = claims_of(text, lang);
        let d = doc(text, lang);
        assert!(changes(&c, &d).is_empty(), "{text}: {:?}", changes(&c, &d));
    }
}

#[test]
fn subsets_and_other_periods_stay_silent() {
    for (text, lang) in [
        ("Dari 533 kurator yang terdaftar hanya 277 yang punya NPWP.\n\nSebanyak 60 kurator tersebut menyumbang.", Id),
        ("The crash killed seven.\n\nIn 2018 the roads saw 11,187 accidents leading to 750 deaths.", En),
        ("The fire killed 12 people. Only 3 people died in the first hour.", En),
    ] {
        let c = claims_of(text, lang);
        assert!(contradictions(&c).is_empty(), "{text}: {:?}", c.claims);
    }
}

#[test]
fn a_total_and_a_part_are_not_one_figure() {
    let c = claims_of("Calon itu memperoleh 1.250 suara. Total suara sah tercatat 2.500 suara.", Id);
    assert!(contradictions(&c).is_empty(), "{:?}", c.claims);
    let c = claims_of("A total of 300 schools closed. Officials said a total of 240 schools closed.", En);
    assert_eq!(contradictions(&c).len(), 1, "{:?}", c.claims);
}

#[test]
fn a_past_verb_before_the_count_is_its_predicate_as_after_it() {
    let conflicts = |text: &str| {
        let c = claims_of(text, En);
        contradictions(&c).iter().map(|x| (c.claims[x.later].value, c.claims[x.earlier].value)).collect::<Vec<_>>()
    };
    let p1 = "The fire destroyed 35 homes in the village of Ashford, officials said on Monday.";
    assert_eq!(conflicts(&format!("{p1}\n\nFirefighters said 53 homes had been destroyed.\n")), [(53.0, 35.0)]);
    assert_eq!(conflicts("The storm damaged 120 buildings in the town of Leigh.\n\nIn all, 210 buildings were damaged, the council said.\n").len(), 1);
    // Another predicate, another place, or an update: no contradiction.
    assert!(conflicts(&format!("{p1}\n\nFirefighters said 53 homes were damaged.\n")).is_empty());
    assert!(conflicts(&format!("{p1}\n\nIn the village of Bexley, 53 homes had been destroyed.\n")).is_empty());
    assert!(conflicts(&format!("{p1}\n\nThe number of homes destroyed later rose to 53.\n")).is_empty());
}

#[test]
fn english_participles_in_ing_carry_the_state() {
    let conflicts = |text: &str| {
        let c = claims_of(text, En);
        contradictions(&c).iter().map(|x| (c.claims[x.later].value, c.claims[x.earlier].value)).collect::<Vec<_>>()
    };
    let lead = "A ferry capsized off Sulawesi on Friday, killing at least 14 people.";
    assert_eq!(conflicts(&format!("{lead}\n\nEleven people were killed, the agency said.\n")), [(11.0, 14.0)]);
    assert_eq!(conflicts("A bus crashed near Leeds on Monday, injuring 23 passengers.\n\nPolice said 32 passengers were injured.\n"), [(32.0, 23.0)]);
    assert!(conflicts(&format!("{lead}\n\nSixteen people were killed, the agency said.\n")).is_empty());
    // The participle's clause is the event: another place, another attack.
    assert!(conflicts("A bomb exploded in Kabul on Monday, killing 12 people.\n\nA second bomb exploded in Herat on Tuesday, killing 30 people.\n").is_empty());
}

#[test]
fn a_sentence_opening_on_a_pronoun_and_a_breakdown_breaks_down_the_count_before_it() {
    let sums = |text: &str| {
        let d = doc(text, Id);
        let c = claims_of(text, Id);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(sums("Sebanyak 320 calon jemaah haji diberangkatkan pada Selasa.\n\nMereka terdiri atas 150 laki-laki dan 160 perempuan.\n"), [(320.0, 310.0)]);
    assert_eq!(sums("Rombongan itu membawa 45 peserta dari Bandung. Mereka terdiri dari 12 guru dan 30 siswa.\n"), [(45.0, 42.0)]);
    // Parts that make the whole, parts that are only some of it, and no count before: silent.
    assert!(sums("Rombongan itu membawa 42 peserta dari Bandung. Mereka terdiri dari 12 guru dan 30 siswa.\n").is_empty());
    assert!(sums("Rombongan itu membawa 45 peserta dari Bandung. Mereka termasuk 12 guru dan 30 siswa.\n").is_empty());
    assert!(sums("Rombongan itu tiba di Bandung pada Senin. Mereka terdiri dari 12 guru dan 30 siswa.\n").is_empty());
}

#[test]
fn a_place_or_day_after_a_verb_of_saying_is_where_it_was_said() {
    let at = |text: &str, language: Language, word: &str| {
        let d = doc(text, language);
        let t = (0..d.tokens.len()).find(|&t| d.token_str(&d.tokens[t]) == word).unwrap();
        let s = d.sentences.iter().find(|s| s.tokens.contains(&t)).unwrap();
        where_said(&d, s.tokens.clone(), t)
    };
    assert!(at("Banjir menewaskan 14 orang, kata Syamsul di Desa Marobo.", Id, "di"));
    assert!(at("Banjir menewaskan 14 orang, kata Syamsul, Rabu.", Id, "Rabu"));
    assert!(at("Fourteen people died, the governor told reporters in Masamba.", En, "in"));
    assert!(at("Fourteen people died, police said on Monday.", En, "on"));
    // Where it happened: no verb of saying before the place, or a clause between.
    assert!(!at("Banjir di Desa Marobo menewaskan 14 orang.", Id, "di"));
    assert!(!at("Syamsul mengatakan bahwa 14 orang tewas di Desa Marobo.", Id, "di"));
    assert!(!at("Police said that 14 people died in Masamba.", En, "in"));
    assert!(!at("Polisi mengatakan banjir pada Rabu menewaskan 14 orang di Masamba.", Id, "di"));
}

#[test]
fn figures_whose_digits_are_swapped() {
    let pairs = |text: &str, language: Language| {
        let d = doc(text, language);
        let mentions = crate::numbers::mentions(&d);
        let c = Claims::new(&d, &mentions);
        relations::transpositions(&c, &d).iter().map(|x| (c.claims[x.earlier].value, c.claims[x.later].value)).collect::<Vec<_>>()
    };
    assert_eq!(pairs("Biayanya Rp 4,8 miliar. Biaya Rp 8,4 miliar itu dikritik.", Id), [(4.8e9, 8.4e9)]);
    assert_eq!(pairs("Sebanyak 1.250 rumah rusak. Petugas mencatat 1.520 rumah rusak.", Id), [(1250.0, 1520.0)]);
    assert_eq!(pairs("Turnout was 72 percent. Officials put turnout at 27 percent.", En), [(72.0, 27.0)]);
    assert!(pairs("Members backed the strike, with 91 percent in favor. The union seeks a 19 percent raise.", En).is_empty());
    // Other digits, other magnitudes, one sentence, other things counted.
    assert!(pairs("Biayanya Rp 4,8 miliar. Anggaran Rp 8,4 juta itu dikritik.", Id).is_empty());
    assert!(pairs("Sebanyak 1.250 rumah rusak. Petugas mencatat 1.502 rumah rusak.", Id).is_empty());
    assert!(pairs("Sebanyak 12 rumah rusak berat dan 21 rumah rusak ringan.", Id).is_empty());
    assert!(pairs("Sebanyak 36 rumah terendam. Petugas mengevakuasi 63 warga.", Id).is_empty());
    // One noun in two states: two counts.
    assert!(pairs("Sebanyak 52 warga mengungsi ke balai desa. Petugas mencatat 25 warga dirawat di puskesmas.", Id).is_empty());
    assert!(pairs("Some 41 workers were injured. Officials said 14 workers died.", En).is_empty());
    assert_eq!(pairs("Some 41 workers were injured. Officials said 14 workers were injured in the blast.", En), [(41.0, 14.0)]);
    // A figure before the comparison with another period is of this one.
    assert_eq!(pairs("Net profit for April to June was $4.5 million, compared with a loss of $23 million in the same period last year. The profit of $5.4 million was the first since 2022.", En), [(4.5e6, 5.4e6)]);
    assert_eq!(pairs("Laba bersih mencapai Rp 4,5 miliar, dibandingkan rugi Rp 23 miliar pada periode yang sama tahun lalu. Laba bersih Rp 5,4 miliar itu yang pertama sejak 2022.", Id), [(4.5e9, 5.4e9)]);
    assert!(pairs("Net profit was $4.5 million last year. The profit of $5.4 million this year was a record.", En).is_empty());
    assert_eq!(pairs("Net profit was $4.5 million, compared with a loss a year earlier. The profit of $5.4 million was its first since the final quarter of 2022.", En), [(4.5e6, 5.4e6)]);
    // A negation after the amount is of what follows it.
    assert_eq!(pairs("Korupsi itu merugikan keuangan negara sebesar Rp 12,6 miliar. Kerugian negara sebesar Rp 16,2 miliar belum dipulihkan.", Id), [(12.6e9, 16.2e9)]);
    assert_eq!(pairs("The fraud cost the state $12.6 million. The state's $16.2 million has not been recovered.", En), [(12.6e6, 16.2e6)]);
}

#[test]
fn increments_are_parts_of_the_total() {
    for (text, language) in [
        ("Tim menemukan empat jenazah. Pada Selasa, tim menemukan dua jenazah lagi.", Id),
        ("Petugas mencatat 12 korban luka. Sebanyak tiga korban tambahan dibawa ke RSUD.", Id),
        ("Rescuers found four bodies. On Tuesday they found two more bodies.", En),
        ("Police arrested 30 people on Monday. Another 12 people were arrested on Tuesday.", En),
    ] {
        let c = claims_of(text, language);
        assert!(c.claims[1].part || c.claims[1].excluded, "{text}");
        assert!(contradictions(&c).is_empty(), "{text}");
    }
    // Without the increment, the two counts are one figure given twice.
    assert_eq!(contradictions(&claims_of("Tim menemukan empat jenazah. Pada Selasa sore, tim mencatat dua jenazah.", Id)).len(), 1);
}

#[test]
fn an_english_state_before_the_noun() {
    let c = claims_of("Of the 29 injured civilians, seven had gunshot wounds. Rescuers found 12 missing fishermen.", En);
    assert_eq!((c.claims[0].head.as_deref(), c.claims[0].state), (Some("civilian"), Some("injured")));
    let fishermen = c.claims.iter().find(|x| x.value == 12.0).unwrap();
    assert_eq!(fishermen.state, Some("missing"));
    // A group is not the whole: 41 people injured, 29 of them civilians.
    assert!(contradictions(&claims_of("Forty-one people were injured. Of the 29 injured civilians, seven had gunshot wounds.", En)).is_empty());
}

#[test]
fn a_figure_said_to_differ_from_another_sources() {
    for (text, language) in [
        ("BNPB mencatat 4.300 rumah terendam. Angka itu berbeda dengan data pemerintah provinsi yang menyebut 3.900 rumah terendam.", Id),
        ("Officials said 4,300 homes were flooded. The figure differs from the 3,900 homes flooded that the province reported.", En),
        ("Sharif Hotak described seeing 35 bodies in a hospital. Abdurrahman Mangal said the attack had killed twelve.", En),
        ("Menurut Hendra, 20 orang tewas. Namun menurut Rudi, 25 orang tewas.", Id),
    ] {
        let c = claims_of(text, language);
        assert!(contradictions(&c).is_empty(), "{text}: {:?}", contradictions(&c));
    }
    // One source, two figures: a slip.
    assert_eq!(contradictions(&claims_of("Menurut Hendra, 20 orang tewas. Hendra mengatakan 25 orang tewas.", Id)).len(), 1);
}

#[test]
fn bodies_and_totals_bound_the_toll() {
    // Bodies are at least that many dead: more bodies than dead contradict, fewer do not.
    assert_eq!(contradictions(&claims_of("Tujuh orang tewas. Delapan jenazah korban disemayamkan di RSUD.", Id)).len(), 1);
    assert!(contradictions(&claims_of("Tujuh orang tewas. Lima jenazah telah diidentifikasi.", Id)).is_empty());
    assert_eq!(contradictions(&claims_of("Seven people died. Eight bodies were recovered.", En)).len(), 1);
    // A total read with its state (`jumlah korban tewas`) that is less than a count cannot hold.
    let c = claims_of("Setidaknya 15 orang tewas. Jumlah korban tewas yang dikonfirmasi adalah 13 orang.", Id);
    assert_eq!(c.claims[1].state, Some("dead"));
    assert_eq!(contradictions(&c).len(), 1);
    // A total more than a count: the count may be one of its parts.
    assert!(contradictions(&claims_of("Sebanyak 1.240 rumah terendam di Bekasi. Total 2.110 rumah terendam di kedua kabupaten.", Id)).is_empty());
}

#[test]
fn a_list_that_exceeds_its_whole() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    // The noun said once, each part with its own modifier or place.
    assert_eq!(found("Gempa merusak 1.240 rumah. Sebanyak 310 rumah rusak berat, 420 rusak sedang, dan 610 rusak ringan.", Id), [(1240.0, 1340.0)]);
    assert_eq!(found("Banjir merendam 900 rumah. Sebanyak 300 rumah terendam di Bogor, 400 di Depok dan 250 di Bekasi.", Id), [(900.0, 950.0)]);
    assert_eq!(found("The storm flattened 90 homes.\n\nOfficials said 40 homes were flattened in Leyte, 35 in Samar and 25 in Biliran.", En), [(90.0, 100.0)]);
    // Parts that fit in the whole, a whole said of another verb, or another noun: silent.
    assert!(found("Gempa merusak 1.240 rumah. Sebanyak 310 rumah rusak berat, 420 rusak sedang, dan 510 rusak ringan.", Id).is_empty());
    assert!(found("Banjir merendam 200 rumah. Sebanyak 150 rumah rusak berat dan 100 rusak ringan.", Id).is_empty());
    assert!(found("Floods inundated 200 homes. Officials said 150 homes were destroyed and 100 damaged.", En).is_empty());
    assert!(found("Gempa merusak 100 rumah. Sebanyak 80 sekolah rusak berat dan 40 rusak ringan.", Id).is_empty());
}

#[test]
fn measures_openings_agents_increments_and_margins_are_not_the_count() {
    for (text, language) in [
        // A magnitude after `jumlah korban meninggal` is not the toll.
        ("Jumlah korban meninggal akibat gempa bermagnitudo 5,6 bertambah menjadi sembilan orang. Petugas mencatat sembilan korban meninggal.", Id),
        // A short opening phrase of another period or an earlier count.
        ("Satu orang tewas dalam tabrakan itu. Sepanjang 2024, kecelakaan di ruas itu menewaskan tujuh orang.", Id),
        ("Sembilan orang meninggal. Sehari sebelumnya, BPBD mencatat tujuh korban meninggal.", Id),
        ("Floods killed 12 people. Last year, floods killed 40 people.", En),
        // The agent of a passive verb.
        ("Sembilan kapal nelayan tenggelam. Pencarian dibantu 15 kapal nelayan setempat.", Id),
        // Increments: again, new ones.
        ("Polisi kini menahan 16 tersangka. Polisi kembali menangkap dua tersangka pada Jumat.", Id),
        ("Polisi menahan 16 tersangka. Dua tersangka yang baru ditangkap berperan sebagai perekrut.", Id),
        ("Bandara itu melayani tiga rute. Pengelola membuka dua rute baru.", Id),
        ("The county reported 40 cases on Monday. It reported 12 new cases.", En),
        // A margin.
        ("Marsh won 48,213 votes. He had led by about 1,500 votes in early returns.", En),
        ("Calon itu meraih 4.213 suara. Ia unggul 1.500 suara.", Id),
    ] {
        let c = claims_of(text, language);
        assert!(contradictions(&c).is_empty(), "{text}: {:?}", contradictions(&c).iter().map(|x| (c.claims[x.earlier].value, c.claims[x.later].value)).collect::<Vec<_>>());
    }
    // The same sentences without those words are one figure given twice.
    for (text, language) in [
        ("Sembilan kapal nelayan tenggelam. Petugas mencatat 11 kapal nelayan tenggelam.", Id),
        ("Satu orang tewas dalam tabrakan itu. Polisi mengatakan tabrakan itu menewaskan tujuh orang.", Id),
        ("Polisi menahan 16 tersangka. Polisi mengatakan telah menahan 18 tersangka.", Id),
        ("Marsh won 48,213 votes. He won 48,312 votes, officials said.", En),
    ] {
        assert_eq!(contradictions(&claims_of(text, language)).len(), 1, "{text}");
    }
}

#[test]
fn a_whole_named_by_its_state_before_terdiri_atas() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(found("Satu orang tewas dan 37 orang luka-luka. Adapun korban luka terdiri atas 12 orang luka berat dan 23 orang luka ringan.", Id), [(37.0, 35.0)]);
    assert_eq!(found("Sebanyak 20 warga dievakuasi. Warga yang dievakuasi terdiri dari 8 anak dan 14 orang dewasa.", Id), [(20.0, 22.0)]);
    assert_eq!(found("Forty people were injured. The injured consisted of 15 children and 20 adults.", En), [(40.0, 35.0)]);
    // Parts that make the whole, or a list that says it leaves some out.
    assert!(found("Satu orang tewas dan 35 orang luka-luka. Adapun korban luka terdiri atas 12 orang luka berat dan 23 orang luka ringan.", Id).is_empty());
    assert!(found("Sebanyak 37 orang luka-luka. Korban luka antara lain 12 orang luka berat dan 3 anak.", Id).is_empty());
}

#[test]
fn a_part_of_a_whole_and_what_it_leaves() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(found("Rescuers had found 11 of the 15 members of the group by Thursday, leaving three still unaccounted for.", En), [(15.0, 14.0)]);
    assert_eq!(found("Tim SAR menemukan 9 dari 14 pendaki, menyisakan tiga orang yang masih dicari.", Id), [(14.0, 12.0)]);
    assert_eq!(found("Rescuers found 11 of the 15 climbers, including the six who died, leaving three missing.", En), [(15.0, 14.0)]);
    // What it leaves makes the whole; or it is of another noun.
    assert!(found("Rescuers had found 11 of the 15 members of the group by Thursday, leaving four still unaccounted for.", En).is_empty());
    assert!(found("The floods damaged 120 of the 400 homes in the valley, leaving 300 people homeless.", En).is_empty());
    assert!(found("Tim SAR menemukan 9 dari 14 pendaki, menyisakan lima orang yang masih dicari.", Id).is_empty());
}

#[test]
fn a_place_after_another_placed_figure_is_that_figures() {
    let c = claims_of("Sebanyak 230.000 orang dievakuasi dan ditampung di lebih dari 1.100 pusat evakuasi di wilayah Lembah Cagayan.", Id);
    assert!(!c.claims[0].scope.iter().any(|s| s.contains("cagayan")), "{:?}", c.claims[0].scope);
    let c = claims_of("Sebanyak 12 orang tewas di Bogor dan 5 orang di Depok.", Id);
    assert_eq!(c.claims[0].scope, ["place:bogor"]);
    let c = claims_of("About 300 people were moved to shelters in 12 schools in Leyte.", En);
    assert!(!c.claims[0].scope.iter().any(|s| s.contains("leyte")), "{:?}", c.claims[0].scope);
    // A figure between with no place word before it leaves the place to the first.
    let c = claims_of("Banjir merendam 400 rumah dari 3 desa di Kecamatan Sukamaju.", Id);
    assert!(c.claims[0].scope.iter().any(|s| s.contains("sukamaju")), "{:?}", c.claims[0].scope);
}

#[test]
fn a_change_stated_after_two_years_of_values() {
    use super::relations::changes;
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        changes(&c, &d).iter().map(|x| (x.stated_value, (x.actual * 10.0).round() / 10.0)).collect::<Vec<_>>()
    };
    let id = "Sepanjang Juli 2024 bandara itu melayani 48.600 penumpang. Pada Juli 2023, jumlahnya 40.500 penumpang.\n\n\"Kenaikannya sekitar 35 persen dibandingkan tahun lalu,\" kata Yohanes.";
    assert_eq!(found(id, Id), [(35.0, 20.0)]);
    let en = "The port handled 1,200 ships in 2024. In 2023 it handled 1,500 ships.\n\nThat is a decline of 30 percent, the authority said.";
    assert_eq!(found(en, En), [(30.0, 20.0)]);
    for (text, language) in [
        // The change that fits; the direction the other way; other nouns; years not one apart.
        ("Sepanjang Juli 2024 bandara itu melayani 48.600 penumpang. Pada Juli 2023, jumlahnya 40.500 penumpang.\n\n\"Kenaikannya sekitar 20 persen,\" kata Yohanes.", Id),
        ("Sepanjang Juli 2024 bandara itu melayani 48.600 penumpang. Pada Juli 2023, jumlahnya 40.500 penumpang.\n\n\"Penurunannya sekitar 35 persen,\" kata Yohanes.", Id),
        ("Sepanjang Juli 2024 bandara itu melayani 48.600 penumpang. Pada Juli 2023, tercatat 40.500 penerbangan.\n\n\"Kenaikannya sekitar 35 persen,\" kata Yohanes.", Id),
        ("The port handled 1,200 ships in 2024. In 2020 it handled 1,500 ships.\n\nThat is a decline of 30 percent, the authority said.", En),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

fn products_of(text: &str, language: Language) -> Vec<(f64, f64, f64)> {
    let d = doc(text, language);
    let mentions = crate::numbers::mentions(&d);
    let c = Claims::new(&d, &mentions);
    super::relations::products(&c, &d).iter().map(|p| (c.claims[p.each].value, c.claims[p.count].value, c.claims[p.total].value)).collect()
}

#[test]
fn an_amount_for_each_times_how_many() {
    assert_eq!(products_of("Bantuan diberikan kepada 350 keluarga. Setiap keluarga masing-masing menerima Rp 600.000, sehingga total bantuan Rp 180 juta.", Id), [(600_000.0, 350.0, 180_000_000.0)]);
    assert_eq!(products_of("Bantuan diberikan kepada 350 keluarga petani, Jumat. Setiap keluarga menerima Rp 600.000 sehingga total bantuan yang disalurkan mencapai Rp 180 juta.", Id), [(600_000.0, 350.0, 180_000_000.0)]);
    assert_eq!(
        products_of("Bantuan diberikan kepada 350 keluarga. Setiap keluarga menerima Rp 600.000 sehingga total bantuan mencapai Rp 180 juta. Penerima tersebar di dua desa, yakni Tepus sebanyak 200 keluarga dan Girisubo 150 keluarga.", Id),
        [(600_000.0, 350.0, 180_000_000.0)]
    );
    assert_eq!(products_of("The city paid $5,000 each to 300 families, a total of $1.2 million.", En), [(5_000.0, 300.0, 1_200_000.0)]);
    assert_eq!(products_of("A relief fund gave $4,000 to each of 300 families displaced by the flood, a total of $1.5 million.", En), [(4_000.0, 300.0, 1_500_000.0)]);
    assert!(products_of("A relief fund gave $5,000 to each of 300 families displaced by the flood, a total of $1.5 million.", En).is_empty());
    assert_eq!(products_of("Sebanyak 120 guru honorer menerima insentif Rp 1,5 juta per guru. Total anggaran yang disiapkan Rp 200 juta.", Id), [(1_500_000.0, 120.0, 200_000_000.0)]);
    for (language, text) in [
        (Id, "Bantuan diberikan kepada 350 keluarga. Setiap keluarga masing-masing menerima Rp 600.000, sehingga total bantuan Rp 210 juta."),
        (En, "The city paid $5,000 each to 300 families, a total of $1.5 million."),
        (Id, "Sebanyak 120 guru honorer menerima insentif sekitar Rp 1,5 juta per guru. Total anggaran Rp 190 juta."),
        // A rate per month or per kilogram; a total of another thing.
        (Id, "Sebanyak 40 pekerja menerima upah Rp 3 juta per bulan. Total anggaran proyek Rp 2 miliar."),
        (En, "Farmers sold 3,500 kilograms at $4 per kilogram, a total of $14,000."),
        (En, "Each of the 12 winners received $500, and the total prize pool, including the grand prize, was $20,000 in all."),
    ] {
        assert!(products_of(text, language).is_empty(), "{text}");
    }
}

#[test]
fn parts_of_one_noun_closed_by_a_remainder() {
    let sums = |text: &str, language: Language| {
        let d = doc(text, language);
        let mentions = crate::numbers::mentions(&d);
        let c = Claims::new(&d, &mentions);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(sums("Lomba diikuti 90 peserta.\n\nPeserta terbanyak dari Bogor, yakni 40 peserta. Depok mengirim 25 peserta, sedangkan sisanya, 20 peserta, datang dari daerah lain.", Id), [(90.0, 85.0)]);
    assert_eq!(sums("Lomba diikuti 90 peserta.\n\nBogor mengirim 40 peserta dan Depok 25 peserta, sedangkan sisanya, 20 peserta, datang dari 12 kota lain.", Id), [(90.0, 85.0)]);
    assert_eq!(sums("The college enrolled 1,200 students this fall.\n\nOf the new students, 700 are from Ohio and 300 from other states, while the rest, 250, come from abroad.", En), [(1200.0, 1250.0)]);
    for (language, text) in [
        (Id, "Lomba diikuti 90 peserta.\n\nPeserta terbanyak dari Bogor, yakni 40 peserta. Depok mengirim 25 peserta, sedangkan sisanya, 25 peserta, datang dari daerah lain."),
        (En, "The college enrolled 1,200 students this fall.\n\nOf the new students, 700 are from Ohio and 300 from other states, while the rest, 200, come from abroad."),
        // Another noun's parts.
        (En, "The college enrolled 1,200 students this fall.\n\nOf its 90 teachers, 40 are from Ohio and 30 from other states, while the rest, 25, come from abroad."),
    ] {
        assert!(sums(text, language).is_empty(), "{text}");
    }
}

fn changes_of(text: &str, language: Language) -> Vec<(f64, f64, f64)> {
    let d = doc(text, language);
    let mentions = crate::numbers::mentions(&d);
    let c = Claims::new(&d, &mentions);
    super::relations::changes(&c, &d).iter().map(|x| (c.claims[x.from].value, c.claims[x.to].value, x.stated_value)).collect()
}

#[test]
fn a_change_from_a_value_before_the_one_reached() {
    assert_eq!(changes_of("Produksi padi mencapai 3,6 juta ton. Angka itu naik dari 3 juta ton pada periode yang sama tahun lalu atau meningkat 30 persen.", Id), [(3_000_000.0, 3_600_000.0, 30.0)]);
    assert_eq!(changes_of("Applications more than doubled, rising from 1,800 in the first three months of last year to 3,100.", En).len(), 1);
    assert!(changes_of("Applications more than doubled, rising from 1,800 in the first three months of last year to 3,900.", En).is_empty());
    assert_eq!(changes_of("Ridership reached 15,000 in March, up from 12,000 a year earlier, an increase of 20 percent.", En), [(12_000.0, 15_000.0, 20.0)]);
    for (language, text) in [
        (Id, "Produksi padi mencapai 3,6 juta ton. Angka itu naik dari 3 juta ton pada periode yang sama tahun lalu atau meningkat 20 persen."),
        (En, "Ridership reached 15,000 in March, up from 12,000 a year earlier, an increase of 25 percent."),
        // Within the rounding of the values: 2.35 to 2.95 million may be 25 percent.
        (En, "Output reached 2.9 million tons, up from 2.4 million tons, an increase of 25 percent."),
        // Another noun before; a figure of another sentence without an anaphor.
        (Id, "Luas panen mencapai 520.000 hektar. Produksi naik dari 3 juta ton menjadi 3,3 juta ton atau meningkat 10 persen."),
        (Id, "Produksi padi mencapai 3,6 juta ton. Harga gabah naik dari Rp 5.000 atau meningkat 12 persen."),
    ] {
        assert!(changes_of(text, language).is_empty(), "{text}");
    }
}

fn shares_of(text: &str, language: Language) -> Vec<(f64, f64, f64)> {
    let d = doc(text, language);
    let mentions = crate::numbers::mentions(&d);
    let c = Claims::new(&d, &mentions);
    super::relations::shares(&c, &d).iter().map(|x| (c.claims[x.part].value, c.claims[x.whole].value, c.claims[x.percent].value)).collect()
}

#[test]
fn a_share_of_the_figure_before_a_partitive_pronoun() {
    assert_eq!(shares_of("Of the 900 members, 800 voted. Of those, 600, or 70%, backed the plan.", En), [(600.0, 800.0, 70.0)]);
    assert_eq!(shares_of("Of the 900 members, 720 voted, a turnout of 80%. Of those, 600, or 70%, backed the plan.", En), [(600.0, 720.0, 70.0)]);
    assert_eq!(shares_of("Sebanyak 500 warga mendaftar. Dari jumlah itu, 150 orang, atau 40 persen, lolos seleksi.", Id), [(150.0, 500.0, 40.0)]);
    for (language, text) in [
        (En, "Of the 900 members, 800 voted. Of those, 600, or 75%, backed the plan."),
        (Id, "Sebanyak 500 warga mendaftar. Dari jumlah itu, 150 orang, atau 30 persen, lolos seleksi."),
        // No partitive pronoun: the figure before is no whole.
        (En, "About 800 members voted. Then 600, or 70%, backed the plan."),
    ] {
        assert!(shares_of(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_change_stated_before_the_sentence_of_its_values() {
    assert_eq!(changes_of("Kasus DBD di kota itu turun separuh dibandingkan tahun lalu. Dinas mencatat 600 kasus pada Januari-April 2025, sedangkan pada periode yang sama tahun lalu tercatat 800 kasus.", Id), [(800.0, 600.0, 50.0)]);
    assert_eq!(changes_of("Kasus DBD turun separuh dibandingkan periode yang sama tahun lalu. Dinas mencatat 600 kasus sepanjang Januari–Juni 2025, sedangkan pada Januari–Juni 2024 tercatat 800 kasus.", Id).len(), 1);
    assert_eq!(changes_of("Car sales rose 30 percent. The firm sold 5,200 cars this year, against 4,400 last year.", En), [(4_400.0, 5_200.0, 30.0)]);
    for (language, text) in [
        (Id, "Kasus DBD di kota itu turun separuh dibandingkan tahun lalu. Dinas mencatat 400 kasus pada Januari-April 2025, sedangkan pada periode yang sama tahun lalu tercatat 800 kasus."),
        (En, "Car sales rose 18 percent. The firm sold 5,200 cars this year, against 4,400 last year."),
        // Values of another noun; no year marked.
        (En, "Car sales rose 30 percent. The firm hired 5,200 workers and opened 4,400 stores."),
        (Id, "Kasus DBD turun separuh. Dinas mencatat 600 kasus di Bekasi dan 800 kasus di Depok."),
        // A halving that fits, stated as a multiple.
        (En, "Applications halved. The agency received 2,100 applications this year, against 4,200 last year."),
    ] {
        assert!(changes_of(text, language).is_empty(), "{text}");
    }
}

fn margins_of(text: &str, language: Language) -> Vec<(f64, f64)> {
    let d = doc(text, language);
    let mentions = crate::numbers::mentions(&d);
    let c = Claims::new(&d, &mentions);
    super::relations::margins(&c, &d).iter().map(|x| (c.claims[x.margin].value, x.actual)).collect()
}

#[test]
fn a_margin_against_the_two_counts() {
    assert_eq!(margins_of("Ortiz won the race by 2,150 votes.\n\nOrtiz received 30,400 votes to 28,650 votes for Baker.", En), [(2_150.0, 1_750.0)]);
    assert_eq!(margins_of("Council Race Decided by 312 Votes\n\nLopez won re-election by 312 votes on Tuesday. Lopez received 8,914 votes and challenger Tom Hale received 8,720.", En).len(), 2);
    assert_eq!(margins_of("Pasangan itu unggul dengan selisih 5.120 suara. Mereka meraih 40.300 suara, sedangkan pesaingnya 35.780 suara.", Id), [(5_120.0, 4_520.0)]);
    for (language, text) in [
        (En, "Ortiz won the race by 1,750 votes.\n\nOrtiz received 30,400 votes to 28,650 votes for Baker."),
        (En, "Ortiz won the race by about 1,800 votes.\n\nOrtiz received 30,400 votes to 28,650 votes for Baker."),
        (Id, "Pasangan itu unggul dengan selisih 4.520 suara. Mereka meraih 40.300 suara, sedangkan pesaingnya 35.780 suara."),
        // Three candidates in three sentences: no pair.
        (En, "Ortiz won by 2,150 votes. Ortiz had 30,400 votes. Baker had 28,650 votes. Lee had 9,000 votes."),
        (En, "Council Race Decided by 194 Votes\n\nLopez won re-election by 194 votes on Tuesday. Lopez received 8,914 votes and challenger Tom Hale received 8,720."),
    ] {
        assert!(margins_of(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_whole_divided_twice_by_two_traits() {
    let d = doc("The number of injured rose to 23 by evening. Of the 23, four were flight attendants. Nineteen of the injured had been released; the remaining four were in stable condition.", En);
    let mentions = crate::numbers::mentions(&d);
    let c = Claims::new(&d, &mentions);
    assert!(breakdowns(&c, &d).is_empty());
    let d = doc("Dari empat tersangka yang ditangkap, tiga orang merupakan warga Indonesia dan satu orang warga Malaysia. Dua tersangka berperan sebagai kurir, sedangkan dua lainnya pengendali.", Id);
    let mentions = crate::numbers::mentions(&d);
    let c = Claims::new(&d, &mentions);
    assert!(breakdowns(&c, &d).is_empty());
}

#[test]
fn counts_held_by_two_holders_are_two_counts() {
    for (language, text) in [
        (En, "The Progressive Alliance took 128 seats in the assembly.\n\nThe conservative National Union, led by Tomas Rell, won 94 seats."),
        (Id, "Partai Hijau meraih 40 kursi di DPRD.\n\nSementara itu, Partai Biru memperoleh 32 kursi."),
    ] {
        assert!(contradictions(&claims_of(text, language)).is_empty(), "{text}");
    }
    // One holder, two counts.
    assert_eq!(contradictions(&claims_of("Partai Hijau meraih 40 kursi di DPRD.\n\nDengan 42 kursi, Partai Hijau memimpin dewan.", Id)).len(), 1);
}

#[test]
fn a_collective_in_digits() {
    assert_eq!(contradictions(&claims_of("Sebanyak 14 warga meninggal dalam longsor itu.\n\nKe-17 jenazah korban telah diserahkan kepada keluarga.", Id)).len(), 1);
    for text in [
        "Sebanyak 17 warga meninggal dalam longsor itu.\n\nKe-17 jenazah korban telah diserahkan kepada keluarga.",
        "Sebanyak 14 warga meninggal dalam longsor itu.\n\nPada hari ke-17 pencarian, tim menemukan dua jenazah.",
        "Sebanyak 14 warga meninggal dalam longsor itu.\n\nDesa itu merayakan HUT ke-45 pekan lalu.",
    ] {
        assert!(contradictions(&claims_of(text, Id)).is_empty(), "{text}");
    }
}

#[test]
fn an_acronym_and_the_words_it_stands_for() {
    assert_eq!(contradictions(&claims_of("Banjir di Kecamatan Baleendah merendam tujuh sekolah dasar.\n\nKegiatan belajar di 8 SD yang terendam dialihkan ke daring.", Id)).len(), 1);
    for text in [
        "Banjir di Kecamatan Baleendah merendam tujuh sekolah dasar.\n\nKegiatan belajar di 7 SD yang terendam dialihkan ke daring.",
        "Banjir di Kecamatan Baleendah merendam tujuh sekolah dasar.\n\nKegiatan belajar di 8 SMP yang terendam dialihkan ke daring.",
    ] {
        assert!(contradictions(&claims_of(text, Id)).is_empty(), "{text}");
    }
}

#[test]
fn another_before_a_count_adds_to_it() {
    let c = claims_of("The ferry was carrying 112 passengers. Rescuers pulled 86 people from the water and 14 bodies were recovered. Another nine people are missing.", En);
    let nine = c.claims.iter().find(|x| x.value == 9.0).unwrap();
    assert!(!nine.excluded && nine.part);
    // Another event stays another event.
    let c = claims_of("In another attack, nine people were killed.", En);
    assert!(c.claims.iter().find(|x| x.value == 9.0).unwrap().excluded);
}

#[test]
fn a_change_and_the_value_it_is_compared_with() {
    assert_eq!(changes_of("Nilai ekspor mencapai 212 juta dollar AS. Angka itu naik 18 persen dibandingkan dengan periode yang sama tahun lalu yang sebesar 164 juta dollar AS.", Id), [(164_000_000.0, 212_000_000.0, 18.0)]);
    assert_eq!(changes_of("Penjualan mobil mencapai 52.000 unit, naik 30 persen dibandingkan tahun lalu sebanyak 44.000 unit.", Id).len(), 1);
    assert_eq!(changes_of("Exports reached $212 million, up 18% compared with $164 million a year earlier.", En).len(), 1);
    assert_eq!(changes_of("Jumlah wisatawan turun menjadi 8.100 orang. Jumlah itu turun 25 persen dibanding tahun lalu yang mencapai 9.000 orang.", Id).len(), 1);
    for (language, text) in [
        (Id, "Nilai ekspor mencapai 212 juta dollar AS. Angka itu naik 29 persen dibandingkan dengan periode yang sama tahun lalu yang sebesar 164 juta dollar AS."),
        (En, "Revenue was $4.48 billion, a 12% increase compared with $4.0 billion a year earlier."),
        (Id, "Penjualan mobil mencapai 52.000 unit, naik 18 persen dibandingkan tahun lalu sebanyak 44.000 unit."),
        // Another clause between; another unit; the direction against the values.
        (Id, "Ekspor mencapai 212 juta dollar AS, naik 18 persen dibandingkan tahun lalu, sementara impor 164 juta dollar AS."),
        (Id, "Ekspor mencapai 212 juta dollar AS, naik 18 persen dibandingkan dengan volume 164.000 ton."),
        (En, "Exports reached $164 million, up 18% compared with $212 million a year earlier."),
        // No anaphor: the sentence before is not the value reached.
        (Id, "Nilai ekspor mencapai 212 juta dollar AS. Impor naik 18 persen dibandingkan tahun lalu yang sebesar 164 juta dollar AS."),
    ] {
        assert!(changes_of(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_share_of_the_figure_that_opens_the_breakdown() {
    assert_eq!(shares_of("Dari 2.400 balita yang diukur pada Februari 2025, sebanyak 312 anak atau 15 persen mengalami stunting.", Id), [(312.0, 2400.0, 15.0)]);
    assert_eq!(shares_of("Of the 2,400 children screened in February, 312, or 15 percent, were stunted.", En), [(312.0, 2400.0, 15.0)]);
    assert_eq!(shares_of("Of 1,200 applicants, 300 (30%) were accepted.", En).len(), 1);
    for (language, text) in [
        (Id, "Dari 2.400 balita yang diukur pada Februari 2025, sebanyak 312 anak atau 13 persen mengalami stunting."),
        (En, "Of the 2,400 children screened in February, 312, or 13 percent, were stunted."),
        (En, "Of 1,200 applicants, 300 (25%) were accepted."),
        // The percentage is not the part's.
        (Id, "Dari 2.400 balita yang diukur, 312 anak mengalami stunting, sementara 15 persen lainnya kurus."),
    ] {
        assert!(shares_of(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_whole_named_by_a_noun_before_terdiri_atas() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(found("Sebanyak 1.240 pelajar dari 35 kabupaten mengikuti olimpiade. Peserta tahun ini terdiri atas 685 siswa SMA, 412 siswa SMK, dan 153 siswa madrasah.", Id), [(1240.0, 1250.0)]);
    assert_eq!(found("A total of 310 athletes competed in Paris. The squad consisted of 150 men and 170 women.", En), [(310.0, 320.0)]);
    assert_eq!(found("Koperasi itu beranggotakan 86 petani. Anggotanya terdiri atas 40 petani padi dan 42 petani jagung.", Id), [(86.0, 82.0)]);
    for (language, text) in [
        (Id, "Sebanyak 1.240 pelajar dari 35 kabupaten mengikuti olimpiade. Peserta tahun ini terdiri atas 685 siswa SMA, 402 siswa SMK, dan 153 siswa madrasah."),
        (En, "A total of 310 athletes competed in Paris. The squad consisted of 150 men and 160 women."),
        // A whole far from the parts is another count; a list that leaves some out.
        (Id, "Sebanyak 1.240 pelajar mengikuti olimpiade. Tim Jawa Tengah terdiri atas 12 siswa dan 3 guru."),
        (Id, "Sebanyak 1.240 pelajar mengikuti olimpiade. Peserta terdiri atas, antara lain, 685 siswa SMA dan 412 siswa SMK."),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_price_per_unit_of_weight_times_the_amount_sold() {
    assert_eq!(products_of("Dedi menjual 3,5 ton cabai hasil panen. Dengan harga Rp 42.000 per kilogram, ia meraup Rp 154 juta.", Id), [(42_000.0, 3.5, 154_000_000.0)]);
    assert_eq!(products_of("Petani menjual 2 ton gabah seharga Rp 6.500 per kg sehingga memperoleh Rp 15 juta.", Id).len(), 1);
    assert_eq!(products_of("He sold 1,200 kilograms of coffee at $4 a kilogram, earning $5,200.", En).len(), 1);
    assert_eq!(products_of("Farmers sold 3,500 kilograms at $4 per kilogram, a total of $15,000.", En).len(), 1);
    assert_eq!(products_of("Koperasi menjual 8.000 liter susu dengan harga Rp 7.500 per liter dan mengantongi Rp 65 juta.", Id).len(), 1);
    for (language, text) in [
        (Id, "Dedi menjual 3,5 ton cabai hasil panen. Dengan harga Rp 42.000 per kilogram, ia meraup Rp 147 juta."),
        (En, "He sold 1,200 kilograms of coffee at $4 a kilogram, earning $4,800."),
        (Id, "Koperasi menjual 8.000 liter susu dengan harga Rp 7.500 per liter dan mengantongi Rp 60 juta."),
        // A yield per hectare is no amount sold; a sum of no sale; two amounts sold.
        (Id, "Produktivitas turun menjadi 2,8 ton per hektare. Harga Rp 42.000 per kilogram membuat petani meraup Rp 154 juta."),
        (Id, "Harga cabai Rp 42.000 per kilogram. Pemerintah menyiapkan anggaran Rp 154 juta untuk 3,5 ton bibit."),
        (Id, "Dedi menjual 3,5 ton cabai dan Budi 2 ton. Dengan harga Rp 42.000 per kilogram, mereka meraup Rp 154 juta."),
        (En, "Fuel cost $1.20 a liter. The ship burned 40,000 gallons a day, and the company earned $2 million."),
    ] {
        assert!(products_of(text, language).is_empty(), "{text}");
    }
}

#[test]
fn outcomes_alive_dead_and_added_missing_against_those_on_board() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(found("The ferry was carrying 112 passengers and crew when it sank 3 nautical miles from shore. Rescuers pulled 86 people from the water alive, and 14 bodies had been recovered by Sunday evening. Another nine people remain missing.", En), [(112.0, 109.0)]);
    assert_eq!(found("Kapal motor yang mengangkut 46 penumpang tenggelam di Selat Alas. Sebanyak 38 penumpang selamat, empat orang meninggal, dan tiga orang masih dicari.", Id), [(46.0, 45.0)]);
    assert_eq!(found("Kapal itu mengangkut 58 penumpang. Tim SAR menemukan 41 penumpang dalam keadaan hidup dan 9 penumpang meninggal. Dua orang lagi masih hilang.", Id), [(58.0, 52.0)]);
    for (language, text) in [
        (En, "The ferry was carrying 109 passengers and crew when it sank 3 nautical miles from shore. Rescuers pulled 86 people from the water alive, and 14 bodies had been recovered by Sunday evening. Another nine people remain missing."),
        (Id, "Kapal motor yang mengangkut 45 penumpang tenggelam di Selat Alas. Sebanyak 38 penumpang selamat, empat orang meninggal, dan tiga orang masih dicari."),
        (Id, "Kapal itu mengangkut 52 penumpang. Tim SAR menemukan 41 penumpang dalam keadaan hidup dan 9 penumpang meninggal. Dua orang lagi masih hilang."),
        // Alive of another clause; an added count with no outcome.
        (En, "The bus carried 40 people. Twelve were hurt, and medics kept 10 people alive on the way to hospital. Another three buses arrived."),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn what_holders_share_cannot_exceed_the_whole() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert_eq!(found("Sebanyak 3.468 suara dinyatakan sah.\n\nSuyanto meraih 1.702 suara. Wahyuni Lestari memperoleh 1.285 suara, sedangkan Darmanto mendapat 501 suara.", Id), [(3468.0, 3488.0)]);
    assert_eq!(found("Officials counted 9,200 valid votes.\n\nMendez won 5,100 votes, while Ortiz took 4,300 votes.", En), [(9200.0, 9400.0)]);
    for (language, text) in [
        (Id, "Sebanyak 3.488 suara dinyatakan sah.\n\nSuyanto meraih 1.702 suara. Wahyuni Lestari memperoleh 1.285 suara, sedangkan Darmanto mendapat 501 suara."),
        // Fewer than the whole: other holders may be unnamed.
        (En, "Officials counted 9,200 valid votes.\n\nMendez won 5,100 votes, while Ortiz took 3,300 votes."),
        // Another year's holdings.
        (En, "Officials counted 9,200 valid votes.\n\nIn 2019, Mendez won 5,100 votes, while Ortiz took 4,300 votes."),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_figure_that_points_back_at_another() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        super::relations::referred_back(&c, &d).iter().map(|x| (c.claims[x.earlier].value, c.claims[x.later].value)).collect::<Vec<_>>()
    };
    assert_eq!(found("Kerugian negara dalam kasus itu ditaksir mencapai Rp 3,8 miliar.\n\n\"Kerugian negara Rp 5,3 miliar itu timbul dari kekurangan volume,\" kata Hendra.", Id), [(3_800_000_000.0, 5_300_000_000.0)]);
    assert_eq!(found("Pembangunan bendungan di Kuningan senilai Rp 2,5 triliun ditargetkan rampung 2026.\n\nProyek senilai Rp 2,8 triliun tersebut dikerjakan konsorsium BUMN.", Id).len(), 1);
    assert_eq!(found("Rescuers freed 23 coal miners who had been trapped since Tuesday.\n\nAll 25 miners were reunited with relatives by night.", En), [(23.0, 25.0)]);
    assert_eq!(found("Sebanyak sembilan kapal tenggelam di perairan Cilacap.\n\nKerugian akibat tenggelamnya 11 kapal tersebut mencapai Rp 1,6 miliar.", Id), [(9.0, 11.0)]);
    assert_eq!(found("Longsor di tambang emas menewaskan sembilan penambang, Rabu.\n\nKedelapan korban telah diserahkan kepada keluarga.", Id), [(9.0, 8.0)]);
    assert_eq!(found("The city approved a bridge worth $40 million in March.\n\nThe $48 million bridge opened on Monday.", En).len(), 1);
    // All of the victims, after a noun of their own, and of a harm that is no death.
    assert_eq!(found("Tanah longsor menewaskan tiga warga pada Minggu.\n\nJenazah keempat korban dimakamkan sore harinya.", Id), [(3.0, 4.0)]);
    assert_eq!(found("Banjir bandang menewaskan lima warga.\n\nKeluarga keenam korban menerima santunan.", Id), [(5.0, 6.0)]);
    assert_eq!(found("Three people were stabbed at a market on Saturday.\n\nAll four victims were taken to hospital.", En), [(3.0, 4.0)]);
    assert_eq!(found("Two men were stabbed outside a bar.\n\nBoth were treated, and all three victims were later released.", En), [(2.0, 3.0)]);
    for (language, text) in [
        (Id, "Kerugian negara dalam kasus itu ditaksir mencapai Rp 3,8 miliar.\n\n\"Kerugian negara Rp 3,8 miliar itu timbul dari kekurangan volume,\" kata Hendra."),
        (En, "Rescuers freed 23 coal miners on Wednesday.\n\nAll 23 miners were reunited with relatives by night."),
        // A part given before; amounts of other things; counts that disagree among themselves.
        (Id, "Anggaran proyek Rp 10 miliar. Sebanyak Rp 4 miliar untuk jalan.\n\nDana Rp 4 miliar itu cair pekan lalu."),
        (Id, "Kerugian negara mencapai Rp 3,8 miliar. Tersangka mengembalikan uang Rp 1,1 miliar.\n\nUang Rp 1,5 miliar itu disita dari rumahnya."),
        (Id, "Tim SAR mengerahkan dua kapal. Sebanyak 15 kapal nelayan ikut membantu.\n\nKerugian akibat tenggelamnya 11 kapal tersebut mencapai Rp 1,6 miliar."),
        (En, "Only 12 of the miners were hurt. Rescuers freed 23 coal miners.\n\nOnly 20 miners needed treatment."),
        (Id, "Longsor di tambang emas menewaskan delapan penambang, Rabu.\n\nKedelapan korban telah diserahkan kepada keluarga."),
        (Id, "Tanah longsor menewaskan empat warga pada Minggu.\n\nJenazah keempat korban dimakamkan sore harinya. Tahap ketiga pencarian dimulai."),
        (En, "Four people were stabbed at a market on Saturday.\n\nAll four victims were taken to hospital."),
        (En, "The bus plunged into a ravine.\n\nAll 300 people in the village came to help."),
        // Victims of two outcomes: all of them are neither count.
        (Id, "Longsor menewaskan lima penambang dan melukai tiga lainnya.\n\nKedelapan korban dibawa ke rumah sakit."),
        // The count grew between.
        (En, "Police arrested two suspects on Monday and a third on Tuesday.\n\nAll three suspects were charged."),
        (Id, "Polisi menangkap dua tersangka pada Senin. Seorang tersangka lagi ditangkap Selasa.\n\nKetiga tersangka itu dijerat pasal berlapis. Seluruh tiga tersangka ditahan."),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_share_stated_as_a_fraction_in_words() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        super::relations::fraction_shares(&c, &d).iter().map(|x| (c.claims[x.part].value, c.claims[x.whole].value, x.stated_value)).collect::<Vec<_>>()
    };
    assert_eq!(found("Roughly a quarter of the town's 2,400 residents, about 900 people, still have no running water.", En), [(900.0, 2400.0, 25.0)]);
    assert_eq!(found("Sekitar sepertiga dari 1.200 warga Desa Sukamaju, atau 550 orang, mengungsi ke balai desa.", Id).len(), 1);
    assert_eq!(found("Officials said 900 people, or about a quarter of the 2,400 residents, left.", En).len(), 1);
    assert_eq!(found("Separuh dari 80 siswa, atau 25 orang, lulus ujian.", Id).len(), 1);
    for (language, text) in [
        (En, "Roughly a quarter of the town's 2,400 residents, about 600 people, still have no running water."),
        (Id, "Sekitar sepertiga dari 1.200 warga Desa Sukamaju, atau 420 orang, mengungsi ke balai desa."),
        (En, "Officials said 640 people, or about a quarter of the 2,400 residents, left."),
        // Another figure, not the part; a half of a game.
        (En, "Half of the 2,400 residents left, and 900 people stayed."),
        (En, "In the first half of 2024, 900 people left."),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_half_of_a_year_is_no_share() {
    let d = doc("Arrivals rose 18% in the first half of the year to 1.42 million, from 1.31 million a year earlier.", En);
    let c = claims_of("Arrivals rose 18% in the first half of the year to 1.42 million, from 1.31 million a year earlier.", En);
    assert!(super::relations::fraction_shares(&c, &d).is_empty());
    let text = "Half of the year's 1.42 million visitors, or 1.31 million, came from China.";
    let (d, c) = (doc(text, En), claims_of(text, En));
    assert_eq!(super::relations::fraction_shares(&c, &d).len(), 1);
}

#[test]
fn a_count_before_a_sentence_of_its_remainder_is_a_part() {
    let text = "Pendaftar bertambah menjadi 5.040 orang.\n\nPanitia telah memverifikasi berkas 4.212 pendaftar. Sisanya, 828 berkas, masih diproses.\n\nPada hari pertama tercatat 1.320 pendaftar.";
    assert!(contradictions(&claims_of(text, Id)).is_empty());
    let c = claims_of(text, Id);
    assert!(c.claims.iter().find(|x| x.value == 4212.0).is_some_and(|x| x.part));
}

#[test]
fn a_count_of_ones_own_place_is_another_scope() {
    let text = "Sebanyak 312 balita di kecamatan itu mengalami tengkes.\n\nDari 56 balita di posyandunya, 51 anak ditimbang rutin.";
    assert!(contradictions(&claims_of(text, Id)).is_empty());
    // Among them is no place.
    let text = "Sebanyak 312 balita mengalami tengkes.\n\nSebanyak 300 balita mengalami tengkes, di antaranya 20 bayi.";
    assert_eq!(contradictions(&claims_of(text, Id)).len(), 1);
}

#[test]
fn near_misses_of_a_clean_wire_story() {
    // A capacity is no count; a group of its own; a headline's verb in the present.
    assert!(contradictions(&claims_of("Of the 52 people on board, 50 were passengers.\n\nThe bus was licensed to carry 54 passengers.", En)).is_empty());
    let text = "The ferry carried six crew members.\n\nAll four members of his family survived.";
    let (d, c) = (doc(text, En), claims_of(text, En));
    assert!(super::relations::referred_back(&c, &d).is_empty());
    let s = summary("Fire at Ohio warehouse injures 6 firefighters", En);
    assert_eq!(s[0].2, Some("injured"));
    // A fraction's part after a dash.
    let text = "Roughly a quarter of the town's 2,400 households — about 900 homes — remain under the notice.";
    let (d, c) = (doc(text, En), claims_of(text, En));
    assert_eq!(super::relations::fraction_shares(&c, &d).len(), 1);
}

#[test]
fn the_whole_of_a_share_in_words_and_a_smaller_count() {
    let text = "Roughly a quarter of the town's 2,400 households remain under the notice.\n\nCustomers on the priority register, about 130 households, were receiving deliveries.";
    assert!(contradictions(&claims_of(text, En)).is_empty());
    assert!(claims_of(text, En).claims.iter().find(|c| c.value == 2400.0).is_some_and(|c| c.fraction_whole));
}

#[test]
fn a_division_by_another_trait_between_dashes_is_not_the_breakdown() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        breakdowns(&c, &d).iter().map(|b| (c.claims[b.whole].value, b.sum)).collect::<Vec<_>>()
    };
    assert!(found("Of the 52 people on board — 50 passengers and two drivers — seven have now died and 17 remain in hospital. The other 28 were treated and released.", En).is_empty());
    assert_eq!(found("Of the 52 people on board — 50 passengers and two drivers — seven died, 17 were injured and 30 were unhurt.", En), [(52.0, 54.0)]);
}

#[test]
fn the_bodies_of_all_the_victims_are_every_death() {
    let found = |text: &str, language: Language| {
        let c = claims_of(text, language);
        contradictions(&c).iter().map(|x| (c.claims[x.earlier].value, c.claims[x.later].value)).collect::<Vec<_>>()
    };
    assert_eq!(found("Warehouse Fire Leaves Nine Dead\n\nA fire killed eight workers on Thursday.\n\nThe bodies of all eight victims were recovered by midday.", En), [(9.0, 8.0)]);
    assert_eq!(found("Enam Tewas dalam Kebakaran Pasar\n\nKebakaran menewaskan lima pedagang.\n\nJenazah kelima korban diserahkan kepada keluarga.", Id), [(6.0, 5.0)]);
    for (text, language) in [
        // Bodies recovered so far are at least that many dead.
        ("Warehouse Fire Leaves Nine Dead\n\nA fire killed eight workers and a guard.\n\nRescuers recovered eight bodies by midday.", En),
        ("Enam Tewas dalam Kebakaran Pasar\n\nKebakaran menewaskan enam orang.\n\nJenazah keenam korban diserahkan kepada keluarga.", Id),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn shares_and_their_rest_make_a_hundred() {
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        super::relations::percent_rests(&c, &d).iter().map(|x| x.sum).collect::<Vec<_>>()
    };
    assert_eq!(found("Jalur zonasi mendapat porsi 50 persen atau 4.800 kursi, jalur afirmasi bagi siswa dari keluarga tidak mampu 15 persen, dan jalur perpindahan 5 persen. Sisanya, sebesar 25 persen, untuk jalur prestasi.", Id), [95.0]);
    assert_eq!(found("Labour took 42% of the vote and the Conservatives 31%, while the rest, 22%, went to smaller parties.", En), [95.0]);
    assert_eq!(found("Sebanyak 60 persen responden memilih kereta dan 25 persen bus. Selebihnya, 20 persen, memilih mobil pribadi.", Id), [105.0]);
    for (text, language) in [
        ("Jalur zonasi mendapat 50 persen, afirmasi 15 persen, dan perpindahan 5 persen. Sisanya, sebesar 30 persen, untuk jalur prestasi.", Id),
        ("Labour took 42.5% of the vote and the Conservatives 31.2%, while the rest, 26.3%, went to smaller parties.", En),
        // About: a tenth either way.
        ("Labour took about 42% and the Conservatives 31%, while the rest, roughly 22%, went to others.", En),
        // Shares of more than one whole: a change among them, or shares past 100.
        ("Turnout rose 5 percent to 70 percent. Of those who voted, 40 percent backed Ruiz, and the remaining 55 percent backed Tan.", En),
        ("Tingkat partisipasi 70 persen. Dari pemilih, 40 persen memilih Ruiz, dan sisanya 60 persen memilih Tan.", Id),
        // One share and the rest.
        ("Sebanyak 60 persen memilih kereta. Sisanya, 30 persen, memilih bus.", Id),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}

#[test]
fn a_change_between_percentages_in_points() {
    use super::relations::changes;
    let found = |text: &str, language: Language| {
        let d = doc(text, language);
        let c = claims_of(text, language);
        changes(&c, &d).iter().filter(|x| x.points).map(|x| ((x.actual * 10.0).round() / 10.0, x.stated_value)).collect::<Vec<_>>()
    };
    assert_eq!(found("Turnout was 61.4%, down from 67.2% at the last election in 2020, a drop of 6.8 percentage points.", En), [(5.8, 6.8)]);
    assert_eq!(found("Tingkat pengangguran turun menjadi 5,2 persen dari 6,1 persen, turun 1,9 poin persentase.", Id), [(0.9, 1.9)]);
    for (text, language) in [
        ("Turnout was 61.4%, down from 67.2% at the last election in 2020, a drop of 5.8 percentage points.", En),
        ("Tingkat pengangguran turun menjadi 5,2 persen dari 6,1 persen, turun 0,9 poin persentase.", Id),
        ("Support rose to 48% from 41%, a gain of seven points.", En),
    ] {
        assert!(found(text, language).is_empty(), "{text}");
    }
}
