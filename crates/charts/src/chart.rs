//! What every chart shares: options, the output (image, title, text alternative), errors,
//! the drawing style, and rendering one figure to SVG or PNG.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

use chrono::NaiveDate;

use crate::font;
use crate::png_canvas::PngCanvas;
use crate::theme::{Palette, Theme};
use crate::time_axis::{DayCoord, TimeAxis};
use plotters::coord::types::RangedCoordf64;

/// A chart could not be drawn.
#[derive(Debug, thiserror::Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(String);

impl ChartError {
    pub(crate) fn new(message: impl Into<String>) -> ChartError {
        ChartError(message.into())
    }
}

/// Turns any plotters error into a [`ChartError`].
pub(crate) fn drawing<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError(e.to_string())
}

/// The file format of a rendered chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// The format a file name asks for: `.svg` or `.png` (any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// How to render a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    pub theme: Theme,
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

impl ChartOptions {
    /// SVG for the UI, 960×540 (it scales with its container).
    pub fn svg(theme: Theme) -> ChartOptions {
        ChartOptions {
            theme,
            format: Format::Svg,
            width: 960,
            height: 540,
        }
    }

    /// PNG for export, 1600×900.
    pub fn png(theme: Theme) -> ChartOptions {
        ChartOptions {
            theme,
            format: Format::Png,
            width: 1600,
            height: 900,
        }
    }

    /// The default size for `format`.
    pub fn for_format(format: Format, theme: Theme) -> ChartOptions {
        match format {
            Format::Svg => ChartOptions::svg(theme),
            Format::Png => ChartOptions::png(theme),
        }
    }
}

/// The rendered picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Image {
    Svg(String),
    Png(Vec<u8>),
}

impl Image {
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Image::Svg(text) => text.as_bytes(),
            Image::Png(bytes) => bytes,
        }
    }
}

/// What a screen reader gets instead of the picture: a sentence or two, and the data as a
/// table (column headings and rows of already formatted cells).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextAlternative {
    pub description: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A rendered chart with its title and text alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    pub alt: TextAlternative,
    pub image: Image,
}

/// Sizes and colours for one rendering, scaled to the picture's size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub palette: Palette,
    pub width: u32,
    /// Font sizes in plotters units (plotters draws text at size / 1.24 pixels).
    pub title: f64,
    pub label: f64,
    pub small: f64,
    /// The main line's width in pixels.
    pub stroke: u32,
    /// The outer padding in pixels.
    pub pad: i32,
}

impl Style {
    fn new(options: &ChartOptions) -> Style {
        // One "unit" is a pixel of a 960-pixel-wide chart; text grows with the picture but
        // stays readable when it is small.
        let unit = (f64::from(options.width) / 960.0)
            .min(f64::from(options.height) / 540.0)
            .max(0.5);
        Style {
            palette: options.theme.palette(),
            width: options.width,
            title: (19.0 * unit).max(15.0) * 1.24,
            label: (13.5 * unit).max(12.0) * 1.24,
            small: (12.5 * unit).max(11.0) * 1.24,
            stroke: (2.0 * unit).round().max(1.0) as u32,
            pad: (16.0 * unit).round() as i32,
        }
    }

    pub fn text(&self, size: f64, color: RGBColor) -> TextStyle<'static> {
        (font::FAMILY, size).into_font().color(&color)
    }

    /// The pixel height of text at `size`.
    pub fn line_height(&self, size: f64) -> i32 {
        (size / 1.24 * 1.35).round() as i32
    }

    /// A date axis whose tick labels fit across the plot (about 85% of the picture's width;
    /// DejaVu Sans digits are about 0.64 em wide).
    pub fn date_axis(&self, from: NaiveDate, to: NaiveDate) -> TimeAxis {
        let char_px = self.label / 1.24 * 0.64;
        TimeAxis::fitting(from, to, f64::from(self.width) * 0.85, char_px)
    }
}

/// One entry of a chart's legend.
pub(crate) enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Block(RGBColor),
    Dot(RGBColor),
}

/// A chart that can draw itself on any plotters backend.
pub(crate) trait Figure {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), ChartError>;
}

/// Fills the background, writes the title and the legend on top, and returns the area left
/// for the plot.
pub(crate) fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    title: &str,
    legend: &[(Swatch, &str)],
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let p = style.palette;
    root.fill(&p.background).map_err(drawing)?;
    let pad = style.pad;
    root.draw(&Text::new(
        title.to_owned(),
        (pad, pad),
        style.text(style.title, p.text),
    ))
    .map_err(drawing)?;
    let legend_top = pad + style.line_height(style.title) + pad / 3;
    let row = style.line_height(style.small);
    let swatch = row * 5 / 4;
    let mut x = pad;
    for (kind, label) in legend {
        let cy = legend_top + row / 2;
        match kind {
            Swatch::Line(c) => root
                .draw(&PathElement::new(
                    vec![(x, cy), (x + swatch, cy)],
                    c.stroke_width(style.stroke + 1),
                ))
                .map_err(drawing)?,
            Swatch::Dashed(c) => {
                let fifth = swatch / 5;
                for k in [0, 2, 4] {
                    root.draw(&PathElement::new(
                        vec![(x + k * fifth, cy), (x + (k + 1) * fifth, cy)],
                        c.stroke_width(style.stroke + 1),
                    ))
                    .map_err(drawing)?;
                }
            }
            Swatch::Block(c) => root
                .draw(&Rectangle::new(
                    [(x, cy - row / 3), (x + swatch, cy + row / 3)],
                    c.filled(),
                ))
                .map_err(drawing)?,
            Swatch::Dot(c) => root
                .draw(&Circle::new((x + swatch / 2, cy), row / 4, c.filled()))
                .map_err(drawing)?,
        }
        x += swatch + row / 3;
        let text = style.text(style.small, p.muted);
        root.draw(&Text::new(
            (*label).to_owned(),
            (x, legend_top + (row - (style.small / 1.24) as i32) / 2),
            text.clone(),
        ))
        .map_err(drawing)?;
        let (w, _) = root.estimate_text_size(label, &text).map_err(drawing)?;
        x += w as i32 + row;
    }
    let top = if legend.is_empty() {
        legend_top
    } else {
        legend_top + row + pad / 2
    };
    Ok(root.margin(top, pad, pad, pad))
}

/// Writes what the y axis measures above the plot, and returns the area below it.
pub(crate) fn unit_caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &Style,
    caption: &str,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    area.draw(&Text::new(
        caption.to_owned(),
        (0, 0),
        style.text(style.small, style.palette.muted),
    ))
    .map_err(drawing)?;
    let below = style.line_height(style.small) + style.pad / 2;
    Ok(area.margin(below, 0, 0, 0))
}

/// A chart over dates: x in days along `axis`, y over `y`.
pub(crate) type DateChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<DayCoord, RangedCoordf64>>;

/// How the y axis of a date chart is labelled.
pub(crate) struct YAxis<'f> {
    pub range: std::ops::Range<f64>,
    /// Roughly how many labels.
    pub labels: usize,
    /// The widest label, in characters.
    pub chars: f64,
    pub format: &'f dyn Fn(&f64) -> String,
}

/// Builds a date chart on `area` and draws its axes and horizontal grid in the theme.
pub(crate) fn date_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    style: &Style,
    axis: &TimeAxis,
    y: YAxis<'_>,
) -> Result<DateChart<'a, DB>, ChartError> {
    let p = style.palette;
    // Room on the right for half of a tick label centred on the last day.
    let mut chart = ChartBuilder::on(area)
        .margin_right((style.label / 1.24 * 2.6) as i32)
        .x_label_area_size(style.line_height(style.label) + style.pad / 2)
        .y_label_area_size((style.label / 1.24 * (y.chars * 0.64 + 1.0)) as i32)
        .build_cartesian_2d(axis.coord(), y.range)
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .x_label_formatter(&|x| axis.label(axis.date(*x)))
        .y_label_formatter(y.format)
        .y_labels(y.labels)
        .label_style(style.text(style.label, p.muted))
        .axis_style(p.axis)
        .bold_line_style(p.grid)
        .light_line_style(p.background)
        .disable_x_mesh()
        .draw()
        .map_err(drawing)?;
    Ok(chart)
}

/// Draws `figure` in the requested format and size.
pub(crate) fn render<F: Figure>(figure: &F, options: &ChartOptions) -> Result<Image, ChartError> {
    render_cut(figure, options, options.height)
}

/// Renders `figure` styled for `options` (text and spacing as for its full size) onto a
/// picture `height` pixels tall instead of `options.height`: for a figure that needs less
/// than the height it was given.
pub(crate) fn render_cut<F: Figure>(
    figure: &F,
    options: &ChartOptions,
    height: u32,
) -> Result<Image, ChartError> {
    font::ensure_registered()?;
    let style = Style::new(options);
    let size = (options.width.max(200), height.max(120));
    match options.format {
        Format::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                figure.draw(&root, &style)?;
                root.present().map_err(drawing)?;
            }
            Ok(Image::Svg(svg))
        }
        Format::Png => {
            let mut pixels = vec![0u8; size.0 as usize * size.1 as usize * 3];
            {
                let canvas = PngCanvas::new(&mut pixels, size)
                    .ok_or_else(|| ChartError::new("the embedded font could not be read"))?;
                let root = canvas.into_drawing_area();
                figure.draw(&root, &style)?;
                root.present().map_err(drawing)?;
            }
            encode_png(&pixels, size).map(Image::Png)
        }
    }
}

fn encode_png(rgb: &[u8], (width, height): (u32, u32)) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(drawing)?;
    writer.write_image_data(rgb).map_err(drawing)?;
    writer.finish().map_err(drawing)?;
    Ok(out)
}

/// "1 milestone", "3 milestones": a count with the right noun.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Formats a velocity for people: two decimals under ten, one above.
pub(crate) fn rate(v: f64) -> String {
    if v.abs() < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.SVG")), Some(Format::Svg));
        assert_eq!(Format::from_path(Path::new("chart.png")), Some(Format::Png));
        assert_eq!(Format::from_path(Path::new("chart.jpg")), None);
        assert_eq!(Format::from_path(Path::new("chart")), None);
    }

    #[test]
    fn text_grows_with_the_picture() {
        let small = Style::new(&ChartOptions::svg(Theme::Light));
        let big = Style::new(&ChartOptions::png(Theme::Light));
        assert!(big.label > small.label);
        let (from, to) = (
            NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        );
        assert!(big.date_axis(from, to).ticks.len() >= small.date_axis(from, to).ticks.len());
    }
}
