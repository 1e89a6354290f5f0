//! Stage: web front end, Ask page. Input: `GET /` (one box for a question or
//! keywords) and `GET /ask?q=`. Output: the answer card (value, unit, metric,
//! phase, year, region, report), the cited sentence with the number
//! highlighted, its section path and a link to the paragraph; on "not
//! found", the reason, the closest candidates and a link to a keyword search.

use axum::extract::State;
use axum::response::Html;
use maud::{html, Markup};

use super::failure::PageError;
use super::layout::{self, highlighted, paragraph_href, query_string, report_href, section_path};
use super::params::{Params, RawQuery};
use super::{with_engine, Shared};
use crate::model::Answer;

/// The question box; `formaction` sends the same text to Search.
pub fn question_form(q: &str) -> Markup {
    html! {
        form.ask action="/ask" method="get" {
            input type="search" name="q" value=(q) maxlength="200" autofocus
                placeholder="例如 2023年西工区政府债券实际支付利息是多少" aria-label="问题或关键词";
            button type="submit" { "提问 Ask" }
            button.secondary type="submit" formaction="/search" { "搜索 Search" }
        }
    }
}

/// `GET /`.
pub async fn home(State(engine): State<Shared>) -> Html<String> {
    let count = engine.reports().len();
    let body = html! {
        section.hero {
            h1 { "预算报告问答" }
            p.lead { "输入一个问题得到数字和出处，或输入关键词搜索段落。Ask a question for a number and its source, or search paragraphs by keywords." }
            (question_form(""))
            p.muted { "档案中共有 " (count) " 份报告 · " a href="/reports" { "浏览报告 browse reports" } }
            h2 { "示例 Examples" }
            ul.examples {
                @for q in ["2023年西工区政府债券实际支付利息是多少", "南开区2023年一般债券转贷收入", "2024年西工区一般公共预算收入预算是多少"] {
                    li { a href={ "/ask?" (query_string(&[("q", q)])) } { (q) } }
                }
                li { a href="/compare?metric=%E4%B8%80%E8%88%AC%E5%85%AC%E5%85%B1%E9%A2%84%E7%AE%97%E6%94%B6%E5%85%A5" { "对比 一般公共预算收入 across the archive" } }
            }
        }
    };
    Html(layout::page("提问", "/", body).into_string())
}

/// `GET /ask?q=`.
pub async fn page(State(engine): State<Shared>, raw: RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::from_query(raw)?;
    let Some(q) = params.text("q")? else {
        return Ok(home(State(engine)).await);
    };
    let question = q.clone();
    let answer = with_engine(&engine, move |e| e.ask(&question)).await?;
    let body = html! {
        (question_form(&q))
        (answer_view(&answer))
    };
    Ok(Html(layout::page(&q, "/", body).into_string()))
}

/// The answer card and its sources, or the reason and candidates.
pub fn answer_view(answer: &Answer) -> Markup {
    html! {
        @if let Some(a) = &answer.answer {
            section.card.answer {
                p.value { span.number { (a.value) } span.unit { (a.unit) } }
                p.text { (a.text) }
                @if a.computed { p.computed { "计算所得：算式见上，所用数字的出处见下 (computed: the arithmetic is above, the sources of its figures below)" } }
                dl.meta {
                    dt { "指标 metric" } dd { (a.metric) }
                    dt { "阶段 phase" } dd { (a.phase) }
                    dt { "年份 year" } dd { (a.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into())) }
                    dt { "地区 region" } dd { (a.region) }
                    dt { "报告 report" } dd { a href=(report_href(&a.report)) { (a.report) } }
                }
            }
        } @else {
            section.card.notfound {
                h2 { "未找到答案 (not found)" }
                p.reason { (answer.reason.as_deref().unwrap_or("no fact answers this question")) }
                p { a href={ "/search?" (query_string(&[("q", &answer.question)])) } { "改为关键词搜索 (search paragraphs instead)" } }
            }
            @if !answer.candidates.is_empty() {
                section.candidates {
                    h2 { "最接近的候选 (closest candidates)" }
                    table {
                        thead { tr { th { "数值 value" } th { "年份 year" } th { "地区 region" } th { "指标 metric" } th { "阶段 phase" } th { "出处 sentence" } } }
                        tbody {
                            @for c in &answer.candidates {
                                tr {
                                    td.num { (c.value) (c.unit) }
                                    td { (c.year.map(|y| y.to_string()).unwrap_or_default()) }
                                    td { (c.region) }
                                    td { (c.metric) }
                                    td { (c.phase) }
                                    td { (c.sentence) " " a.small href=(report_href(&c.report)) { "[" (c.report) "]" } }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !answer.sources.is_empty() {
            section.sources {
                h2 { "出处 (source)" }
                @for s in &answer.sources {
                    article.source {
                        p.title { a href=(report_href(&s.report)) { (s.title) } }
                        p { (section_path(&s.section)) }
                        blockquote.sentence {
                            @if s.sentence.is_empty() {
                                (s.text)
                            } @else {
                                (highlighted(&s.sentence, s.highlight.as_slice()))
                            }
                        }
                        p { a.goto href=(paragraph_href(&s.report, s.paragraph)) { "查看原文第 " (s.paragraph + 1) " 段 (open the paragraph)" } }
                    }
                }
            }
        }
    }
}
