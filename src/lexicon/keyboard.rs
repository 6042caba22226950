//! The keyboard a slip is made on: which keys are neighbours on QWERTY, asked by the search
//! for corrections (`frequency`, `suggest`) and by the rules that judge a slip's likelihood.

const QWERTY: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

fn key_position(c: char) -> Option<(i32, i32)> {
    QWERTY.iter().enumerate().find_map(|(row, keys)| keys.find(c).map(|col| (row as i32, col as i32)))
}

/// [`key_position`] of each letter `a`-`z`, looked up once: corrections ask it of every letter
/// at every place in a word.
static KEY_POSITIONS: std::sync::LazyLock<[Option<(i32, i32)>; 26]> =
    std::sync::LazyLock::new(|| std::array::from_fn(|i| key_position(char::from(b'a' + i as u8))));

/// Whether two letters are neighbouring keys of a QWERTY keyboard.
pub fn neighbouring_keys(a: char, b: char) -> bool {
    let position = |c: char| if c.is_ascii_lowercase() { KEY_POSITIONS[usize::from(c as u8 - b'a')] } else { key_position(c) };
    match (position(a), position(b)) {
        (Some((ra, ca)), Some((rb, cb))) => (ra - rb).abs() <= 1 && (ca - cb).abs() <= 1 && (ra, ca) != (rb, cb),
        _ => false,
    }
}
