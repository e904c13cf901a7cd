//! The passphrase that locks an encrypted journal: its rules, and keeping it out of logs.

use zeroize::Zeroizing;

use crate::error::DomainError;

/// The fewest characters a new passphrase may have. Short enough to type every day, long
/// enough that a guessed word is not enough; SQLCipher then stretches it (PBKDF2, 256,000
/// rounds) before it becomes a key.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The most characters a passphrase may have (a pasted paragraph is fine, a file is not).
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// A passphrase, wiped from memory when dropped and never printed by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase someone is choosing now: it must follow the rules.
    pub fn new(text: &str) -> Result<Passphrase, DomainError> {
        let chars = text.chars().count();
        if text.trim().is_empty() || chars < MIN_PASSPHRASE_CHARS {
            return Err(DomainError::PassphraseTooShort {
                min: MIN_PASSPHRASE_CHARS,
            });
        }
        if chars > MAX_PASSPHRASE_CHARS {
            return Err(DomainError::TextTooLong {
                field: "passphrase",
                length: chars,
                limit: MAX_PASSPHRASE_CHARS,
            });
        }
        if text.contains('\0') {
            return Err(DomainError::PassphraseTooShort {
                min: MIN_PASSPHRASE_CHARS,
            });
        }
        Ok(Passphrase(Zeroizing::new(text.to_owned())))
    }

    /// A passphrase someone types to open an existing journal: whatever they type is tried
    /// (the rules may have changed since it was chosen); only an empty one is refused.
    pub fn existing(text: &str) -> Result<Passphrase, DomainError> {
        if text.is_empty() || text.contains('\0') {
            return Err(DomainError::PassphraseRequired);
        }
        Ok(Passphrase(Zeroizing::new(text.to_owned())))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_needs_eight_characters() {
        assert!(matches!(
            Passphrase::new("seven77"),
            Err(DomainError::PassphraseTooShort { min: 8 })
        ));
        assert!(matches!(
            Passphrase::new("        "),
            Err(DomainError::PassphraseTooShort { .. })
        ));
        assert_eq!(Passphrase::new("eight888").unwrap().expose(), "eight888");
        // Characters, not bytes: eight accented letters are enough.
        assert!(Passphrase::new("éééééééé").is_ok());
    }

    #[test]
    fn a_very_long_passphrase_is_refused() {
        let long = "x".repeat(MAX_PASSPHRASE_CHARS + 1);
        assert!(matches!(
            Passphrase::new(&long),
            Err(DomainError::TextTooLong { .. })
        ));
        assert!(Passphrase::new(&"x".repeat(MAX_PASSPHRASE_CHARS)).is_ok());
    }

    #[test]
    fn an_existing_passphrase_is_tried_as_typed_unless_empty() {
        assert_eq!(Passphrase::existing("ab").unwrap().expose(), "ab");
        assert!(matches!(
            Passphrase::existing(""),
            Err(DomainError::PassphraseRequired)
        ));
    }

    #[test]
    fn debug_never_shows_the_passphrase() {
        let p = Passphrase::new("correct horse battery").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
