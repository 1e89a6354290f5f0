//! Stage: web front end, input checks. Input: a request's query string as
//! decoded pairs. Output: bounded, typed values (text, year, year range,
//! page, limit) or a [`Failure::BadRequest`] naming the parameter and why.

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;

use super::failure::Failure;

/// Longest question, query or filter accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Most search hits one API request returns.
pub const MAX_LIMIT: usize = 50;
/// Search hits on one page.
pub const PER_PAGE: usize = 10;
/// Deepest search page.
pub const MAX_PAGE: usize = 20;
/// Most regions one comparison names.
pub const MAX_REGIONS: usize = 20;

/// A request's query parameters.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

/// What axum hands a handler: the pairs or why they could not be read.
pub type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

impl Params {
    /// Reads the query string.
    pub fn from_query(raw: RawQuery) -> Result<Params, Failure> {
        match raw {
            Ok(Query(pairs)) => Ok(Params { pairs }),
            Err(e) => Err(Failure::BadRequest(format!("unreadable query string: {e}"))),
        }
    }

    /// Params from pairs (tests).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Params {
        Params {
            pairs: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        }
    }

    /// Every non-empty value of `key`, trimmed and length-checked.
    pub fn all(&self, key: &str) -> Result<Vec<String>, Failure> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .map(|v| {
                if v.chars().count() > MAX_TEXT_CHARS {
                    Err(Failure::BadRequest(format!(
                        "参数 {key} 太长 ({key} is longer than {MAX_TEXT_CHARS} characters)"
                    )))
                } else {
                    Ok(v.to_string())
                }
            })
            .collect()
    }

    /// The first non-empty value of `key`, trimmed and length-checked.
    pub fn text(&self, key: &str) -> Result<Option<String>, Failure> {
        Ok(self.all(key)?.into_iter().next())
    }

    /// Like [`Params::text`] but required.
    pub fn required(&self, key: &str) -> Result<String, Failure> {
        self.text(key)?
            .ok_or_else(|| Failure::BadRequest(format!("缺少参数 {key} (missing parameter {key})")))
    }

    /// A year between 1949 and 2100.
    pub fn year(&self, key: &str) -> Result<Option<u16>, Failure> {
        self.text(key)?.map(|v| parse_year(key, &v)).transpose()
    }

    /// A whole number between `min` and `max`, `default` when absent.
    pub fn number(&self, key: &str, default: usize, min: usize, max: usize) -> Result<usize, Failure> {
        let Some(v) = self.text(key)? else {
            return Ok(default);
        };
        match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(Failure::BadRequest(format!(
                "参数 {key} 应为 {min} 到 {max} 之间的整数 ({key} must be a whole number from {min} to {max}, not {v})"
            ))),
        }
    }

    /// Regions: every `region` value, each split at commas and 、.
    pub fn regions(&self) -> Result<Vec<String>, Failure> {
        let regions: Vec<String> = self
            .all("region")?
            .iter()
            .flat_map(|v| v.split([',', '，', '、']))
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        if regions.len() > MAX_REGIONS {
            return Err(Failure::BadRequest(format!(
                "最多 {MAX_REGIONS} 个地区 (at most {MAX_REGIONS} regions)"
            )));
        }
        Ok(regions)
    }

    /// A year range `2020..2024`, `2020-2024` or `2023`.
    pub fn years(&self, key: &str) -> Result<Option<(u16, u16)>, Failure> {
        let Some(v) = self.text(key)? else {
            return Ok(None);
        };
        let parts: Vec<&str> = v.split(['.', '-', '~']).filter(|s| !s.trim().is_empty()).collect();
        let (from, to) = match parts.as_slice() {
            [one] => (parse_year(key, one)?, parse_year(key, one)?),
            [from, to] => (parse_year(key, from)?, parse_year(key, to)?),
            _ => {
                return Err(Failure::BadRequest(format!(
                    "参数 {key} 应写作 2020..2024 或 2023 ({key} takes 2020..2024 or 2023, not {v})"
                )))
            }
        };
        if from > to {
            return Err(Failure::BadRequest(format!(
                "年份范围颠倒 ({key}: {from} is after {to})"
            )));
        }
        Ok(Some((from, to)))
    }
}

fn parse_year(key: &str, text: &str) -> Result<u16, Failure> {
    let text = text.trim().trim_end_matches('年');
    match text.parse::<u16>() {
        Ok(y) if (1949..=2100).contains(&y) => Ok(y),
        _ => Err(Failure::BadRequest(format!(
            "参数 {key} 不是年份 ({key}: not a year from 1949 to 2100: {text})"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_ranges_are_read_and_bounded() {
        let p = Params::from_pairs(&[("year", "2023"), ("years", "2020..2024"), ("bad", "20x3")]);
        assert_eq!(p.year("year"), Ok(Some(2023)));
        assert_eq!(p.years("years"), Ok(Some((2020, 2024))));
        assert!(matches!(p.year("bad"), Err(Failure::BadRequest(_))));
        let p = Params::from_pairs(&[("years", "2024-2020")]);
        assert!(p.years("years").is_err());
    }

    #[test]
    fn long_text_and_out_of_range_numbers_are_refused() {
        let long = "预".repeat(MAX_TEXT_CHARS + 1);
        let p = Params::from_pairs(&[("q", &long), ("limit", "500"), ("page", "2")]);
        assert!(p.text("q").is_err());
        assert!(p.number("limit", 10, 1, MAX_LIMIT).is_err());
        assert_eq!(p.number("page", 1, 1, MAX_PAGE), Ok(2));
        assert_eq!(p.number("missing", 7, 1, 9), Ok(7));
    }

    #[test]
    fn regions_split_at_commas() {
        let p = Params::from_pairs(&[("region", "西工区,南开区"), ("region", "长寿区")]);
        assert_eq!(p.regions(), Ok(vec!["西工区".into(), "南开区".into(), "长寿区".into()]));
    }
}
