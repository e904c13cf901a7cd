//! The font every chart is drawn with: DejaVu Sans, embedded, so PNG text renders the same on
//! any machine (licence: assets/DejaVuSans-LICENSE.txt). SVG names the UI's font stack and
//! lets the webview pick; plotters still measures text with the embedded font.

use std::sync::OnceLock;

use plotters::style::{FontStyle, register_font};

use crate::chart::ChartError;

/// DejaVu Sans, byte for byte as shipped by fonts-dejavu-core.
pub(crate) static DEJAVU_SANS: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

/// The family name charts ask for. It is also the CSS `font-family` written into SVG, so the
/// UI shows its own system font first.
pub(crate) const FAMILY: &str = "system-ui, DejaVu Sans, sans-serif";

/// Registers the embedded font with plotters once per process.
pub(crate) fn ensure_registered() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, DEJAVU_SANS).is_ok()
            && register_font(FAMILY, FontStyle::Bold, DEJAVU_SANS).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ChartError::new("the embedded font could not be loaded"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_registers() {
        ensure_registered().unwrap();
        ensure_registered().unwrap();
        assert!(DEJAVU_SANS.len() > 100_000);
    }
}
