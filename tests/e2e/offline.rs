//! The offline proof: the whole app runs in a network namespace whose only interface is
//! loopback (`make e2e` runs this scenario under `scripts/offline`), and a write → search →
//! chart flow completes. The built app's Content-Security-Policy is checked from inside the
//! page: a request to anywhere else is refused by the policy, not merely by the missing network.

use std::path::Path;

use thirtyfour::prelude::*;

use crate::harness::{Context, Harness, TestResult, by_test_id, click, wait_for};
use crate::run_in_app;

/// The environment variable `scripts/offline` sets inside the namespace.
pub const OFFLINE_ENV: &str = "TRAJECTORY_E2E_OFFLINE";

/// Fails unless this process is in a namespace with no network interface but loopback and no
/// way out: the proof would be empty otherwise.
fn assert_no_network() -> TestResult {
    // /proc/self/net/dev lists this process's namespace (/sys/class/net would show the
    // namespace sysfs was mounted in).
    let interfaces: Vec<String> = std::fs::read_to_string("/proc/self/net/dev")
        .ctx("list network interfaces")?
        .lines()
        .skip(2)
        .filter_map(|l| l.split(':').next())
        .map(|name| name.trim().to_owned())
        .collect();
    if interfaces.iter().any(|i| i != "lo") {
        return Err(format!(
            "not in an offline namespace: interfaces {interfaces:?}"
        ));
    }
    let outside = std::net::SocketAddr::from(([1, 1, 1, 1], 443));
    if std::net::TcpStream::connect_timeout(&outside, std::time::Duration::from_secs(2)).is_ok() {
        return Err("a connection to 1.1.1.1:443 succeeded inside the namespace".into());
    }
    Ok(())
}

pub async fn offline_write_search_chart(h: &Harness, dir: &Path) -> TestResult {
    assert_no_network()?;
    run_in_app(h, dir, "offline_write_search_chart", async |d| {
        let text = "Presented the offline-first design to the architecture group.";
        click(d, "new-entry").await?;
        by_test_id(d, "entry-body")
            .await?
            .send_keys(text)
            .await
            .ctx("type")?;
        wait_for(d, "[data-testid='save-status']", |t| t.trim() == "Saved").await?;
        by_test_id(d, "search-input")
            .await?
            .send_keys("architecture")
            .await
            .ctx("search")?;
        wait_for(d, "[data-testid='search-result'] mark", |t| {
            t.trim() == "architecture"
        })
        .await?;

        click(d, "nav-insights").await?;
        wait_for(d, "body[data-insights-ready='true']", |_| true).await?;
        let chart = wait_for(d, "[data-testid='insights-chart'][data-chart='heatmap']", |_| {
            true
        })
        .await?;
        let img = chart
            .find(By::Css("img"))
            .await
            .ctx("the chart image")?;
        let src = img.attr("src").await.ctx("src")?.unwrap_or_default();
        if !src.starts_with("data:image/svg+xml") {
            return Err(format!("the chart is not an inline SVG: {src:.40}"));
        }

        // The policy the built app serves refuses any other origin (connect-src allows only
        // the IPC bridge); the browser reports the refusal as a policy violation.
        d.execute(
            r#"
            window.__cspSeen = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__cspSeen.push(e.violatedDirective));
            fetch('http://127.0.0.1:9/').catch(() => {});
            return true;
            "#,
            vec![],
        )
        .await
        .ctx("try a request to another origin")?;
        let mut seen = String::new();
        for _ in 0..30 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            seen = d
                .execute("return (window.__cspSeen || []).join(',');", vec![])
                .await
                .ctx("read the violations")?
                .json()
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if seen.contains("connect-src") {
                break;
            }
        }
        if !seen.contains("connect-src") {
            return Err(format!(
                "a request to another origin was not refused by the CSP (violations: {seen:?})"
            ));
        }
        Ok(())
    })
    .await
}
