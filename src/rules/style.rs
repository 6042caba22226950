//! House style rules: a rule of a style file (`crate::style`, the data parsed from the file)
//! run over an article. Substitution and existence rules report what their matcher finds,
//! except after the words a rule names and, if it asks, inside a longer name; capitalization
//! rules find a title in lower case before a person's name.

use crate::diagnostic::{Diagnostic, Edit, Fix, RuleMeta, Span};
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::lexicon::match_case;
use crate::rules::names::is_ordinary_word;
use crate::rules::{Context, Rule};
use crate::style::{token_at_end, token_at_start, Kind, Matcher, StyleRule, Styles, Titles};

/// Whether tokens `a` and `b` (`a` right before `b`) are separated by spaces only, on one line.
fn adjacent(doc: &Document, a: usize, b: usize) -> bool {
    let (Some(first), Some(second)) = (doc.tokens.get(a), doc.tokens.get(b)) else { return false };
    b == a + 1 && second.space_before && !second.line_break_before && doc.str(Span::new(first.span.end, second.span.start)).chars().all(|c| c == ' ')
}

/// Token indices in ascending order: the first word of each sentence, where a capital says
/// nothing about names.
struct SentenceStarts(Vec<usize>);

impl SentenceStarts {
    fn contains(&self, token: &usize) -> bool {
        self.0.binary_search(token).is_ok()
    }
}

/// The first word token of each sentence, where a capital says nothing about names.
fn sentence_starts(doc: &Document) -> SentenceStarts {
    let mut starts = Vec::new();
    for sentence in &doc.sentences {
        let mut after_opener = true;
        for i in sentence.tokens.clone() {
            let t = &doc.tokens[i];
            match t.kind {
                TokenKind::Word if after_opener => {
                    starts.push(i);
                    after_opener = false;
                }
                TokenKind::Punct => after_opener = matches!(doc.token_str(t), "“" | "\"" | "‘" | "'" | "(" | "[" | ":" | "—" | "–"),
                _ => after_opener = false,
            }
        }
    }
    SentenceStarts(starts)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether the token is part of a longer name: `Legia` in *Legia Warsaw*, `IIT` in *IIT
/// Madras*. An ordinary Indonesian word (`Kota Moscow`) and a sentence's first word are not.
fn is_name_neighbour(ctx: &Context<'_>, index: usize, starts: &SentenceStarts) -> bool {
    let doc = ctx.doc;
    let Some(t) = doc.tokens.get(index) else { return false };
    if t.kind != TokenKind::Word || starts.contains(&index) {
        return false;
    }
    let word = doc.token_str(t);
    if is_acronym(word) {
        return true;
    }
    is_capitalised(word) && (doc.language == Language::En || !is_ordinary_word(ctx, &word.to_lowercase()))
}

fn fill(template: &str, matched: &str, replacement: &str) -> String {
    template.replace("{match}", matched).replace("{replacement}", replacement)
}

impl StyleRule {
    fn report(&self, ctx: &Context<'_>, span: Span, replacements: &[String], out: &mut Vec<Diagnostic>) {
        let matched = ctx.doc.str(span);
        let replacements: Vec<&String> = replacements.iter().filter(|r| r.as_str() != matched).collect();
        if matches!(self.kind, Kind::Substitution(_) | Kind::Capitalization(_)) && replacements.is_empty() {
            return;
        }
        let first = replacements.first().map_or("", |r| r.as_str());
        let mut d = Diagnostic::new(self.meta.code, self.meta.default_severity, span, fill(&self.message, matched, first));
        if let Some(applicability) = self.applicability {
            for r in replacements {
                d = d.with_fix(Fix { title: format!("Replace with '{r}'"), applicability, edits: vec![Edit::replace(span, r.as_str())] });
            }
        }
        out.push(d);
    }

    fn check_matches(&self, ctx: &Context<'_>, matcher: &Matcher, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let matches = matcher.find(doc);
        if matches.is_empty() {
            return;
        }
        let starts = if self.skip_in_names { sentence_starts(doc) } else { SentenceStarts(Vec::new()) };
        for (span, replacements) in matches {
            if !self.except_after.is_empty() {
                let first = token_at_start(doc, span.start);
                let before = first.and_then(|f| f.checked_sub(1).filter(|&b| adjacent(doc, b, f)));
                if before.is_some_and(|b| doc.tokens[b].kind == TokenKind::Word && self.except_after.contains(&doc.token_str(&doc.tokens[b]).to_lowercase())) {
                    continue;
                }
            }
            if self.skip_in_names {
                let (Some(first), Some(last)) = (token_at_start(doc, span.start), token_at_end(doc, span.end)) else { continue };
                let before = first.checked_sub(1).filter(|&b| adjacent(doc, b, first) && is_name_neighbour(ctx, b, &starts));
                let after = Some(last + 1).filter(|&a| adjacent(doc, last, a) && is_name_neighbour(ctx, a, &starts));
                if before.is_some() || after.is_some() {
                    continue;
                }
            }
            self.report(ctx, span, &replacements, out);
        }
    }

    fn check_titles(&self, ctx: &Context<'_>, titles: &Titles, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let starts = sentence_starts(doc);
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            let mut i = range.start;
            while i < range.end {
                let Some(len) = self.title_at(ctx, titles, i, range.end, &starts) else {
                    i += 1;
                    continue;
                };
                let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end);
                let capitalised = doc.str(span).split(' ').map(|w| match_case("A", w)).collect::<Vec<_>>().join(" ");
                self.report(ctx, span, &[capitalised], out);
                i += len;
            }
        }
    }

    /// The number of tokens of a lower-case title at token `i` that a person's name follows.
    fn title_at(&self, ctx: &Context<'_>, titles: &Titles, i: usize, end: usize, starts: &SentenceStarts) -> Option<usize> {
        let doc = ctx.doc;
        let word_at = |j: usize| doc.tokens.get(j).filter(|t| t.kind == TokenKind::Word && j < end).map(|t| doc.token_str(t));
        let first = word_at(i)?;
        if !titles.openings.may_hold(first) || !first.chars().next().is_some_and(char::is_lowercase) || starts.contains(&i) {
            return None;
        }
        // The first word is read once; each title's first word is compared with it.
        let len = titles.titles.iter().find(|title| {
            title.first().is_some_and(|w| w == first)
                && title[1..].iter().enumerate().all(|(k, w)| word_at(i + k + 1).is_some_and(|t| t == w) && adjacent(doc, i + k, i + k + 1))
        })?.len();
        // `calon presiden Prabowo`: not (yet) the title; `perusahaan's president`: a job.
        if let Some(prev) = i.checked_sub(1).filter(|&p| adjacent(doc, p, i)).and_then(word_at) {
            let lower = prev.to_lowercase();
            if titles.except_after.contains(&lower) || lower.ends_with("'s") || lower.ends_with("’s") {
                return None;
            }
        }
        // The capitalised run after the title.
        let mut run: Vec<&str> = Vec::new();
        let mut j = i + len;
        while let Some(w) = word_at(j).filter(|w| is_capitalised(w) && adjacent(doc, j - 1, j)) {
            run.push(w);
            j += 1;
        }
        // `presiden Ukraina Presiden Volodymyr Zelensky`: the title written twice is
        // `typography/doubled-title`'s, whose fix keeps one.
        if run.iter().any(|w| w.eq_ignore_ascii_case(first)) {
            return None;
        }
        // A place may stand between the title and the name: `presiden Ukraina Volodymyr Zelensky`.
        let mut name: &[&str] = &run;
        if let Some(place) = titles.places.iter().find(|p| p.len() <= run.len() && p.iter().zip(&run).all(|(a, b)| a == b)) {
            name = &run[place.len()..];
        }
        let person = |name: &[&str]| {
            name.len() >= titles.min_name_words
                && name.iter().all(|w| !is_acronym(w) && !titles.not_names.contains(&w.to_lowercase()) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
                && name.iter().any(|w| !is_ordinary_word(ctx, &w.to_lowercase()))
                && !titles.places.iter().any(|p| p.len() == name.len() && p.iter().zip(name).all(|(a, b)| a == b))
        };
        if person(name) {
            return Some(len);
        }
        // A place or unit, a rank in capitals, then the name: `kapolres Sumbawa Barat AKBP
        // Hendra Wijaya`, `ketua DPR RI Puan Maharani`. The name is what follows the last rank.
        let mut whole: Vec<&str> = Vec::new();
        let mut j = i + len;
        while let Some(w) = word_at(j).filter(|w| (is_capitalised(w) || is_acronym(w)) && adjacent(doc, j - 1, j)) {
            whole.push(w);
            j += 1;
        }
        let last_rank = whole.iter().rposition(|w| is_acronym(w))?;
        person(&whole[last_rank + 1..]).then_some(len)
    }
}

impl Rule for StyleRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match &self.kind {
            Kind::Substitution(m) | Kind::Existence(m) => self.check_matches(ctx, m, out),
            Kind::Capitalization(t) => self.check_titles(ctx, t, out),
        }
    }
}

impl Styles {
    /// The rules as the engine runs them.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Rule> + '_ {
        self.rules().iter().map(|r| &**r as &dyn Rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::diagnostic::{Category, Severity};
    use crate::document::LanguageChoice;
    use crate::engine::{check, CheckOptions};
    use crate::lexicon::hunspell::Dialect;
    use crate::prose::DocFormat;
    use crate::style::{find, load, AMERICAN_STYLE};
    use std::path::Path;

    fn run_with(styles: Styles, language: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        let config = Config { styles, ..Config::default() };
        let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice { forced: Some(language), ..Default::default() }, config: &config };
        check(text, &options)
            .diagnostics
            .into_iter()
            .filter(|d| crate::rules::REGISTRY.iter().all(|r| r.meta().code != d.code))
            .map(|d| (d.code.to_string(), text[d.span.range()].to_string(), d.fixes.first().map(|f| f.edits[0].new_text.clone())))
            .collect()
    }

    fn defaults(language: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        run_with(Styles::default(), language, text)
    }

    fn style(text: &str) -> Styles {
        Styles::from_rules(load(text, Path::new("redaksi.toml"), crate::rules::is_built_in).unwrap_or_else(|e| panic!("{e}")))
    }

    fn hit(code: &str, matched: &str, fix: &str) -> (String, String, Option<String>) {
        (code.to_string(), matched.to_string(), Some(fix.to_string()))
    }

    #[test]
    fn shipped_styles_load() {
        let all = Styles::default();
        assert!(all.len() >= 5, "{all:?}");
        for rule in all.rules() {
            let meta = rule.meta();
            assert_eq!(Category::parse(meta.code.split('/').next().unwrap()), Some(meta.category), "{}", meta.code);
            assert!(!meta.example_bad.is_empty() && meta.example_bad != meta.example_good, "{}", meta.code);
            assert!(find(meta.code).is_some());
            // Loaded without the built-in rules at hand (they are a layer above): none is one.
            assert!(!crate::rules::is_built_in(meta.code), "{}", meta.code);
        }
        assert!(Styles::defaults(Dialect::Gb).rules().iter().all(|r| r.source() != Path::new(AMERICAN_STYLE)));
        // Every example of a shipped rule makes it fire, and its good example does not.
        for rule in all.rules() {
            let meta = rule.meta();
            let language = meta.languages.first().copied().unwrap_or(Language::Id);
            let bad = defaults(language, meta.example_bad);
            assert!(bad.iter().any(|(c, _, _)| c == meta.code), "{} does not fire on its example: {bad:?}", meta.code);
            let good = defaults(language, meta.example_good);
            assert!(good.iter().all(|(c, _, _)| c != meta.code), "{} fires on its good example: {good:?}", meta.code);
        }
    }

    #[test]
    fn exonyms_in_indonesian() {
        let found = defaults(Language::Id, "Delegasi tiba di Moscow pada Senin, lalu terbang ke Kiev dan Crimea.");
        assert_eq!(found, [hit("names/exonym", "Moscow", "Moskow"), hit("names/exonym", "Kiev", "Kyiv"), hit("names/exonym", "Crimea", "Krimea")]);
        assert_eq!(defaults(Language::Id, "Ia tinggal di South Korea."), [hit("names/exonym", "South Korea", "Korea Selatan")]);
        // Part of a longer name, an English article, code, and a word inside another stay silent.
        for text in ["Klub Legia Warsaw kalah.", "Ia kuliah di Moscow State University.", "Kode `Moscow` ditulis.", "Warga Moskow dan Kyiv.", "Pesawat Japan Airlines mendarat.", "Gubernur Bank of Japan berbicara."] {
            assert!(defaults(Language::Id, text).iter().all(|(c, _, _)| c != "names/exonym"), "{text}");
        }
        assert!(defaults(Language::En, "They flew to Moscow.").is_empty());
        // An Indonesian word beside it does not make a longer name.
        assert_eq!(defaults(Language::Id, "Wali Kota Moscow hadir."), [hit("names/exonym", "Moscow", "Moskow")]);
    }

    #[test]
    fn titles_before_names_in_indonesian() {
        // A place, a rank in capitals, then the name.
        assert_eq!(
            defaults(Language::Id, "“Kami menyelidiki,” kata kapolres Sumbawa Barat AKBP Hendra Wijaya, dan ketua DPRD NTB Baiq Isvie Rupaeda."),
            [hit("typography/title-before-name", "kapolres", "Kapolres"), hit("typography/title-before-name", "ketua", "Ketua")]
        );
        let found = defaults(Language::Id, "Kunjungan presiden Joko Widodo disambut wakil presiden Ma'ruf Amin dan presiden Ukraina Volodymyr Zelensky.");
        assert_eq!(
            found,
            [
                hit("typography/title-before-name", "presiden", "Presiden"),
                hit("typography/title-before-name", "wakil presiden", "Wakil Presiden"),
                hit("typography/title-before-name", "presiden", "Presiden"),
            ]
        );
        for text in [
            "Ia ingin menjadi presiden pada 2029.",
            "Kata presiden AS itu kepada wartawan.",
            "Ia mantan wali kota Lisabon.",
            "Duta besar Jepang sedang berada di Tokyo.",
            "Ia bertemu gubernur Jawa Barat kemarin.",
            "Ia mantan ketua PN Jakarta Utara.",
            "Jawab ibu Agnes kepada wartawan.",
            "Pendukung calon presiden Prabowo Subianto berkumpul.",
            "Kandidat presiden Partai Demokrat itu berkampanye.",
            "Presiden Joko Widodo hadir.",
            "Ia bertemu perdana menteri Sri Lanka.",
            "Ia mantan ketua PN Jakarta Utara dan kapolres Sumbawa Barat AKBP.",
            "Surat presiden Ukraina Presiden Volodymyr Zelensky tiba.",
        ] {
            assert!(defaults(Language::Id, text).iter().all(|(c, _, _)| c != "typography/title-before-name"), "{text}: {:?}", defaults(Language::Id, text));
        }
    }

    #[test]
    fn proper_nouns_in_lower_case() {
        assert_eq!(
            defaults(Language::Id, "Rapat digelar pada senin, 3 maret, dalam bahasa inggris."),
            [
                hit("typography/lowercase-proper-noun", "senin", "Senin"),
                hit("typography/lowercase-proper-noun", "maret", "Maret"),
                hit("typography/lowercase-proper-noun", "inggris", "Inggris"),
            ]
        );
        for text in ["Ia bekerja seminggu penuh.", "Ia membeli gula jawa dan kunci inggris.", "Sikap keindonesiaan tumbuh.", "Tagar #indonesia ramai.", "Situs indonesia.go.id diakses."] {
            assert!(defaults(Language::Id, text).is_empty(), "{text}: {:?}", defaults(Language::Id, text));
        }
    }

    #[test]
    fn ap_style_in_english() {
        let found = defaults(Language::En, "Officials in Kiev said president Volodymyr Zelenskyy would travel towards the border.");
        assert_eq!(
            found,
            [
                hit("names/ap-place-names", "Kiev", "Kyiv"),
                hit("typography/ap-title-before-name", "president", "President"),
                hit("spelling/ap-usage", "towards", "toward"),
            ]
        );
        for text in ["He studied at Peking University and IIT Madras.", "The Bombay High Court ruled.", "The company's president John Smith resigned.", "Club president Joan Laporta spoke."] {
            assert!(defaults(Language::En, text).is_empty(), "{text}: {:?}", defaults(Language::En, text));
        }
    }

    #[test]
    fn a_newsroom_style() {
        let styles = style(
            r#"
language = "id"

[[rule]]
code = "names/platform"
type = "substitution"
message = "Tulis '{replacement}', bukan '{match}'"
fix = "safe"
swap = { "Reality Social" = "Truth Social" }

[[rule]]
code = "style/oknum"
type = "existence"
severity = "info"
ignore-case = true
tokens = ["oknum"]

[[rule]]
code = "style/ejaan"
type = "substitution"
category = "spelling"
ignore-case = true
swap = { "ibukota" = "ibu kota" }

[[rule]]
code = "typography/jam"
type = "substitution"
regex = true
swap = { '\b(\d{1,2}):(\d{2}) WIB' = "$1.$2 WIB" }
"#,
        );
        let codes: Vec<&str> = styles.rules().iter().map(|r| r.meta().code).collect();
        assert_eq!(codes, ["names/platform", "spelling/oknum", "spelling/ejaan", "typography/jam"]);
        let text = "Oknum polisi menulis di Reality Social dari Ibukota pukul 14:30 WIB.";
        assert_eq!(
            run_with(styles.clone(), Language::Id, text),
            [
                ("spelling/oknum".to_string(), "Oknum".to_string(), None),
                hit("names/platform", "Reality Social", "Truth Social"),
                hit("spelling/ejaan", "Ibukota", "Ibu kota"),
                hit("typography/jam", "14:30 WIB", "14.30 WIB"),
            ]
        );
        assert!(run_with(styles, Language::En, text).is_empty());
        let oknum = find("spelling/oknum").unwrap();
        assert_eq!(oknum.default_severity, Severity::Info);
        assert!(oknum.explanation.contains("redaksi.toml"));
    }

    #[test]
    fn style_rules_are_found_like_built_in_ones() {
        let rule = crate::rules::find("names/exonym").expect("a default style rule");
        assert_eq!(rule.meta().category, Category::Names);
        let d = Diagnostic::new("names/exonym", Severity::Warning, Span::new(0, 6), "'Moscow' is written 'Moskow' in Indonesian");
        let hover = crate::lsp::convert::hover_text(&d, true);
        assert!(hover.contains(rule.meta().summary) && hover.contains("id-default.toml"), "{hover}");
        // A suppression comment may name it.
        let mut notes = Vec::new();
        crate::suppress::Suppressions::parse("<!-- sunting-disable names/exonym -->\n", &mut notes);
        assert!(notes.is_empty(), "{notes:?}");
    }
}
