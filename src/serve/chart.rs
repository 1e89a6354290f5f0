//! Stage: web front end, chart. Input: labelled values (one bar per
//! region-year, bars of one region share a colour). Output: an inline SVG
//! horizontal bar chart drawn on the server (no script, no charting crate:
//! a few rectangles and labels, all text escaped by maud).

use maud::{html, Markup};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Shown left of the bar, e.g. `西工区 2023`.
    pub label: String,
    /// Bars of one group (region) share a colour.
    pub group: String,
    pub value: f64,
    /// Shown at the end of the bar, e.g. `54.42`.
    pub text: String,
}

const WIDTH: f64 = 760.0;
const LABEL_WIDTH: f64 = 170.0;
const VALUE_WIDTH: f64 = 90.0;
const ROW: f64 = 24.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 12.0;
const PALETTE: &[&str] = &[
    "#2f6db5", "#d9822b", "#3a9a5b", "#b8433b", "#7b5ea7", "#8c6d46", "#c75a9b", "#5f6b73", "#a3a32a", "#2aa3a3",
];

/// Draws the bars under `title`; `None` when there is nothing to draw.
pub fn bars(title: &str, bars: &[Bar]) -> Option<Markup> {
    let finite: Vec<&Bar> = bars.iter().filter(|b| b.value.is_finite()).collect();
    if finite.is_empty() {
        return None;
    }
    let max = finite.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let min = finite.iter().map(|b| b.value).fold(0.0_f64, f64::min);
    let span = if max - min > 0.0 { max - min } else { 1.0 };
    let plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let x = |v: f64| LABEL_WIDTH + (v - min) / span * plot;
    let zero = x(0.0);
    let height = TOP + ROW * finite.len() as f64 + BOTTOM;
    let mut groups: Vec<&str> = Vec::new();
    for b in &finite {
        if !groups.contains(&b.group.as_str()) {
            groups.push(&b.group);
        }
    }
    let colour = |group: &str| {
        let i = groups.iter().position(|g| *g == group).unwrap_or(0);
        PALETTE[i % PALETTE.len()]
    };
    Some(html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            width=(WIDTH) height=(height) viewBox={ "0 0 " (WIDTH) " " (height) } {
            title { (title) }
            text.chart-title x=(LABEL_WIDTH) y="20" font-size="14" font-weight="bold" { (title) }
            line x1=(fmt(zero)) y1=(TOP - 4.0) x2=(fmt(zero)) y2=(fmt(height - BOTTOM)) stroke="#999" stroke-width="1" {}
            @for (i, b) in finite.iter().enumerate() {
                @let y = TOP + ROW * i as f64;
                @let (left, right) = if b.value >= 0.0 { (zero, x(b.value)) } else { (x(b.value), zero) };
                g.bar {
                    text x=(fmt(LABEL_WIDTH - 8.0)) y=(fmt(y + ROW * 0.65)) text-anchor="end" font-size="12" { (b.label) }
                    rect x=(fmt(left)) y=(fmt(y + 3.0)) width=(fmt((right - left).max(1.0))) height=(fmt(ROW - 6.0)) fill=(colour(&b.group)) {
                        title { (b.label) ": " (b.text) }
                    }
                    text x=(fmt(right.max(zero) + 6.0)) y=(fmt(y + ROW * 0.65)) font-size="12" { (b.text) }
                }
            }
        }
    })
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64) -> Bar {
        Bar {
            label: label.into(),
            group: label.into(),
            value,
            text: value.to_string(),
        }
    }

    #[test]
    fn draws_one_rect_per_bar_with_escaped_labels() {
        let svg = bars("收入", &[bar("<a>", 10.0), bar("西工区", 5.0)]).map(|m| m.into_string());
        let svg = svg.unwrap_or_default();
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("&lt;a&gt;"));
        assert!(!svg.contains("<a>"));
    }

    #[test]
    fn nothing_to_draw_is_none() {
        assert!(bars("x", &[]).is_none());
        assert!(bars("x", &[bar("nan", f64::NAN)]).is_none());
    }

    #[test]
    fn the_longest_bar_is_the_largest_value() {
        let svg = bars("x", &[bar("a", 10.0), bar("b", 5.0)])
            .map(|m| m.into_string())
            .unwrap_or_default();
        assert!(svg.contains(r#"width="500.0""#), "{svg}");
        assert!(svg.contains(r#"width="250.0""#), "{svg}");
    }
}
