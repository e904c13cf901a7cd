//! Entry templates: the built-in weekly check-in and blank page, and the person's own.

use serde::{Deserialize, Serialize};

use crate::entry::MAX_BODY_BYTES;
use crate::error::DomainError;

/// A template the editor can start an entry from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Template {
    /// Stored id of a person's own template; null for a built-in one.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub id: Option<i64>,
    pub name: String,
    pub body: String,
    pub builtin: bool,
}

/// A template the person wants to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TemplateDraft {
    pub name: String,
    pub body: String,
}

/// The most characters a template name may have.
pub const MAX_TEMPLATE_NAME_CHARS: usize = 80;

impl TemplateDraft {
    /// Trims the name; the body is kept as typed (it may be blank, like the built-in one).
    pub fn validate(self) -> Result<TemplateDraft, DomainError> {
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::InvalidTemplate {
                reason: "give it a name",
            });
        }
        if name.chars().count() > MAX_TEMPLATE_NAME_CHARS {
            return Err(DomainError::InvalidTemplate {
                reason: "the name is longer than 80 characters",
            });
        }
        if self.body.len() > MAX_BODY_BYTES {
            return Err(DomainError::InvalidTemplate {
                reason: "the text is larger than 1 MiB",
            });
        }
        Ok(TemplateDraft {
            name,
            body: self.body,
        })
    }
}

/// The templates every journal has. Our own wording.
pub fn builtin_templates() -> Vec<Template> {
    vec![
        Template {
            id: None,
            name: "Blank page".into(),
            body: String::new(),
            builtin: true,
        },
        Template {
            id: None,
            name: "Weekly check-in".into(),
            body: "## What moved this week\n\n\n## Where I got stuck\n\n\n## What I learned\n\n\n## Next week I will\n\n"
                .into(),
            builtin: true,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weekly_check_in_asks_the_four_questions() {
        let weekly = builtin_templates()
            .into_iter()
            .find(|t| t.name == "Weekly check-in")
            .unwrap();
        for heading in ["moved", "stuck", "learned", "Next week"] {
            assert!(weekly.body.contains(heading), "{heading}");
        }
    }

    #[test]
    fn a_template_needs_a_name() {
        let t = TemplateDraft {
            name: "  ".into(),
            body: "x".into(),
        };
        assert_eq!(
            t.validate().unwrap_err().code(),
            crate::ErrorCode::InvalidTemplate
        );
        let ok = TemplateDraft {
            name: " 1:1 notes ".into(),
            body: "".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.name, "1:1 notes");
    }
}
