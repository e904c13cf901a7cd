//! The charts' light and dark themes, taken from the UI's design tokens (ui/src/app.css).

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

/// Which of the UI's two themes a chart is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// Reads `light` or `dark`.
    pub fn parse(input: &str) -> Option<Theme> {
        match input.trim().to_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub(crate) fn palette(self) -> Palette {
        match self {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

/// The colours a chart uses; each is one of the UI's tokens (named after it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    /// --color-surface: the chart's background (charts sit on cards).
    pub background: RGBColor,
    /// --color-surface-sunken: empty heatmap cells, paused stretches.
    pub sunken: RGBColor,
    /// --color-border: grid lines.
    pub grid: RGBColor,
    /// --color-border-strong: axes.
    pub axis: RGBColor,
    /// --color-text
    pub text: RGBColor,
    /// --color-text-muted: labels, the plan, the second series.
    pub muted: RGBColor,
    /// --color-accent: the main series.
    pub accent: RGBColor,
    /// --color-accent-soft: the baseline band, light heatmap cells.
    pub accent_soft: RGBColor,
    /// --color-danger-soft: slump stretches.
    pub slump: RGBColor,
    /// --color-danger: the slump legend's edge.
    pub danger: RGBColor,
}

const LIGHT: Palette = Palette {
    background: RGBColor(0xff, 0xff, 0xff),
    sunken: RGBColor(0xef, 0xed, 0xe8),
    grid: RGBColor(0xde, 0xdb, 0xd3),
    axis: RGBColor(0xc4, 0xc0, 0xb6),
    text: RGBColor(0x23, 0x22, 0x1f),
    muted: RGBColor(0x67, 0x64, 0x5c),
    accent: RGBColor(0x2f, 0x6f, 0x6a),
    accent_soft: RGBColor(0xe1, 0xee, 0xec),
    slump: RGBColor(0xf7, 0xe4, 0xe0),
    danger: RGBColor(0xa3, 0x3a, 0x2c),
};

const DARK: Palette = Palette {
    background: RGBColor(0x22, 0x24, 0x23),
    sunken: RGBColor(0x16, 0x17, 0x16),
    grid: RGBColor(0x34, 0x37, 0x35),
    axis: RGBColor(0x4a, 0x4e, 0x4b),
    text: RGBColor(0xe7, 0xe6, 0xe1),
    muted: RGBColor(0xa9, 0xa8, 0xa1),
    accent: RGBColor(0x6f, 0xb5, 0xad),
    accent_soft: RGBColor(0x24, 0x36, 0x34),
    slump: RGBColor(0x3a, 0x25, 0x22),
    danger: RGBColor(0xe5, 0x8a, 0x7c),
};

impl Palette {
    /// A colour `t` of the way from `a` to `b` (0 = a, 1 = b).
    pub fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
        let t = t.clamp(0.0, 1.0);
        let channel =
            |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
        RGBColor(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_parse_and_differ() {
        assert_eq!(Theme::parse(" Dark "), Some(Theme::Dark));
        assert_eq!(Theme::parse("sepia"), None);
        assert_ne!(LIGHT.background, DARK.background);
        assert_eq!(LIGHT.accent, RGBColor(0x2f, 0x6f, 0x6a), "--color-accent");
    }

    #[test]
    fn mixing_goes_from_one_colour_to_the_other() {
        let (a, b) = (RGBColor(0, 0, 0), RGBColor(200, 100, 50));
        assert_eq!(Palette::mix(a, b, 0.0), a);
        assert_eq!(Palette::mix(a, b, 1.0), b);
        assert_eq!(Palette::mix(a, b, 0.5), RGBColor(100, 50, 25));
    }
}
