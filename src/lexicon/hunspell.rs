//! The Hunspell dictionaries shipped inside the binary (see `dict/LICENSE-*.txt`).

use super::english::Dialect;
use crate::language::Language;
use spellbook::Dictionary;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

fn load(name: &str, aff: &str, dic: &str) -> Dictionary {
    // The embedded files are tested to parse; a failure here is a build defect.
    Dictionary::new(aff, dic).unwrap_or_else(|e| panic!("embedded dictionary {name} does not parse: {e}"))
}

pub static ID_ID: LazyLock<Dictionary> =
    LazyLock::new(|| load("id_ID", include_str!("../../dict/id_ID.aff"), include_str!("../../dict/id_ID.dic")));
pub static EN_US: LazyLock<Dictionary> =
    LazyLock::new(|| load("en_US", include_str!("../../dict/en_US.aff"), include_str!("../../dict/en_US.dic")));
pub static EN_GB: LazyLock<Dictionary> =
    LazyLock::new(|| load("en_GB", include_str!("../../dict/en_GB.aff"), include_str!("../../dict/en_GB.dic")));

/// Start parsing, on threads of their own, the dictionaries a check of `language` consults
/// (an English article's unknown words are also looked up in Indonesian, and an Indonesian
/// article's in English). Each takes 5 to 10 ms; side by side, the first words of a run wait
/// for the slowest instead of all of them. Once per dictionary per process; a no-op after.
pub fn prefetch(language: Language, dialect: Dialect) {
    let wanted: &[&'static LazyLock<Dictionary>] = match (language, dialect) {
        (Language::Id, _) => &[&ID_ID, &EN_US],
        (Language::En, Dialect::Any) => &[&EN_US, &EN_GB, &ID_ID],
        (Language::En, Dialect::Us) => &[&EN_US, &ID_ID],
        (Language::En, Dialect::Gb) => &[&EN_GB, &ID_ID],
    };
    for &dictionary in wanted {
        let Some((_, started)) = STARTED.iter().find(|(d, _)| std::ptr::eq(*d, dictionary)) else { continue };
        if !started.swap(true, Ordering::Relaxed) {
            let spawned = std::thread::Builder::new().name("sunting-dictionary".into()).spawn(move || {
                LazyLock::force(dictionary);
            });
            // Without a thread the dictionary loads on first use, as it would anyway.
            drop(spawned);
        }
    }
}

/// Whether a dictionary's background parse has been started.
static STARTED: [(&LazyLock<Dictionary>, AtomicBool); 3] =
    [(&ID_ID, AtomicBool::new(false)), (&EN_US, AtomicBool::new(false)), (&EN_GB, AtomicBool::new(false))];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_parse_and_know_common_words() {
        assert!(ID_ID.check("pemerintah") && ID_ID.check("menewaskan"));
        assert!(EN_US.check("government") && !EN_US.check("goverment"));
        assert!(EN_GB.check("colour"));
    }
}
