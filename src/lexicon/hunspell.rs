//! The Hunspell dictionaries shipped inside the binary (see `dict/LICENSE-*.txt`).

use spellbook::Dictionary;
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
