//! The end-to-end harness: Xvfb and tauri-driver started here and stopped here (their whole
//! process groups, also on failure), one WebDriver session per launch of the real app.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use std::os::unix::process::CommandExt;
use thirtyfour::prelude::*;

pub type TestResult = Result<(), String>;

/// Turns any displayable error into the harness's error text.
pub trait Context<T> {
    fn ctx(self, what: &str) -> Result<T, String>;
}

impl<T, E: std::fmt::Display> Context<T> for Result<T, E> {
    fn ctx(self, what: &str) -> Result<T, String> {
        self.map_err(|e| format!("{what}: {e}"))
    }
}

/// A background process in its own process group; dropping it ends the whole group.
pub struct Background {
    name: &'static str,
    child: Child,
}

/// How a started server's socket came (or did not come).
enum SocketWait {
    Open,
    /// The process ended first; its exit status.
    Exited(std::process::ExitStatus),
    TimedOut,
}

impl Background {
    /// Waits up to 10 s for the server to create `socket`.
    fn wait_for_socket(&mut self, socket: &Path) -> SocketWait {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if socket.exists() {
                return SocketWait::Open;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return SocketWait::Exited(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        SocketWait::TimedOut
    }

    fn spawn(name: &'static str, cmd: &mut Command) -> Result<Background, String> {
        let child = cmd
            .process_group(0)
            .stdin(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {name}: {e}"))?;
        Ok(Background { name, child })
    }
}

impl Background {
    /// The exit status if the process ends within `timeout`, else `None` (still running).
    pub fn exit_within(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        for signal in ["-TERM", "-KILL"] {
            let _ = Command::new("kill")
                .args([signal, "--", &group])
                .stderr(Stdio::null())
                .status();
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = self.child.wait();
        eprintln!("e2e: stopped {}", self.name);
    }
}

fn find_program(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

fn wait_for_port(port: u16, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").ctx("no free local port")?;
    Ok(listener.local_addr().ctx("no local address")?.port())
}

/// Xvfb, a private D-Bus session bus and tauri-driver, for the whole run. Fields drop in order:
/// driver first, then the bus, then X.
pub struct Harness {
    driver: Background,
    _bus: Background,
    _bus_dir: tempfile::TempDir,
    _xvfb: Background,
    pub display: String,
    /// The session bus the app finds its other instances on (one per data folder).
    pub bus_address: String,
    pub driver_url: String,
    pub app_binary: PathBuf,
    pub traj_binary: PathBuf,
    pub artifacts: PathBuf,
}

impl Harness {
    pub fn start() -> Result<Harness, String> {
        let app_binary = PathBuf::from(env!("CARGO_BIN_EXE_trajectory"));
        let bin_dir = app_binary.parent().ok_or("app binary has no folder")?;
        let traj_binary = bin_dir.join("traj");
        if !traj_binary.is_file() {
            return Err(format!(
                "{} is missing: build it first (`cargo build -p traj`, done by `make e2e`)",
                traj_binary.display()
            ));
        }
        // Kept in the clone's own target/ even when CARGO_TARGET_DIR points elsewhere.
        let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-artifacts");
        std::fs::create_dir_all(&artifacts).ctx("could not create the artifacts folder")?;

        let xvfb = find_program("Xvfb").ok_or("Xvfb is not installed (run scripts/setup)")?;
        let tauri_driver = find_program("tauri-driver")
            .ok_or("tauri-driver is not installed (run scripts/setup)")?;
        find_program("WebKitWebDriver")
            .ok_or("WebKitWebDriver is not installed (webkit2gtk-driver; run scripts/setup)")?;
        let dbus_daemon = find_program("dbus-daemon")
            .ok_or("dbus-daemon is not installed (run scripts/setup)")?;

        let (display, xvfb) = start_xvfb(&xvfb)?;
        let (bus_address, bus, bus_dir) = start_session_bus(&dbus_daemon)?;
        let port = free_port()?;
        let native_port = free_port()?;
        let driver = Background::spawn(
            "tauri-driver",
            Command::new(tauri_driver)
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env("DISPLAY", &display)
                .env("DBUS_SESSION_BUS_ADDRESS", &bus_address)
                .stdout(Stdio::null()),
        )?;
        if !wait_for_port(port, Duration::from_secs(15)) {
            return Err("tauri-driver did not start listening within 15 s".into());
        }
        Ok(Harness {
            driver,
            _bus: bus,
            _bus_dir: bus_dir,
            _xvfb: xvfb,
            display,
            bus_address,
            driver_url: format!("http://127.0.0.1:{port}"),
            app_binary,
            traj_binary,
            artifacts,
        })
    }

    /// Whether tauri-driver is still running.
    pub fn driver_alive(&mut self) -> bool {
        matches!(self.driver.child.try_wait(), Ok(None))
    }

    /// Launches the app on `data_dir` and waits until its first timeline page is painted.
    pub async fn launch(&self, data_dir: &Path) -> Result<WebDriver, String> {
        self.launch_with(data_dir, &[]).await
    }

    /// Like [`Harness::launch`], with more command-line arguments (e.g. `--today D`).
    pub async fn launch_with(&self, data_dir: &Path, extra: &[&str]) -> Result<WebDriver, String> {
        self.launch_until(data_dir, extra, "body[data-timeline-ready='true']")
            .await
    }

    /// A relaunch right after `quit` can meet the previous app still closing: it holds the
    /// journal's single-instance name on the bus but no longer answers, and the new launch exits
    /// (decision 0045). Wait (up to 10 s) until the name is free, as a person would wait for the
    /// window to close before opening the journal again.
    async fn wait_for_earlier_window_to_close(&self, data_dir: &Path) {
        let name = format!(
            "{}.SingleInstance",
            trajectory_app::instance::bus_id(trajectory_store::APP_IDENTIFIER, data_dir)
        );
        let owned = || {
            Command::new("dbus-send")
                .args([
                    &format!("--bus={}", self.bus_address),
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    &format!("string:{name}"),
                ])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while owned() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Like [`Harness::launch_with`], waiting for `ready` (a CSS selector) instead of the
    /// timeline: for the start-up screens (locked, damaged, newer journal).
    pub async fn launch_until(
        &self,
        data_dir: &Path,
        extra: &[&str],
        ready: &str,
    ) -> Result<WebDriver, String> {
        self.wait_for_earlier_window_to_close(data_dir).await;
        let mut args = vec![serde_json::json!("--data-dir"), serde_json::json!(data_dir)];
        args.extend(extra.iter().map(|a| serde_json::json!(a)));
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").ctx("capabilities")?;
        caps.set(
            "tauri:options",
            serde_json::json!({
                "application": self.app_binary,
                "args": args,
            }),
        )
        .ctx("capabilities")?;
        // tauri-driver accepts connections before WebKitWebDriver behind it is ready; the
        // first session request on a cold machine can fail, so retry briefly.
        let mut attempt = 0;
        let driver = loop {
            attempt += 1;
            match WebDriver::new(&self.driver_url, caps.clone()).await {
                Ok(driver) => break driver,
                Err(e) if attempt < 5 => {
                    eprintln!("e2e: session attempt {attempt} failed ({e}); retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => {
                    return Err(format!(
                        "could not start a WebDriver session with the app: {e}"
                    ));
                }
            }
        };
        if let Err(e) = wait_for(&driver, ready, |_| true).await {
            let _ = driver.quit().await;
            return Err(format!("the window never showed {ready}: {e}"));
        }
        Ok(driver)
    }

    /// Starts the app on `data_dir` directly, not through WebDriver, on the run's display and
    /// session bus, as a person's second launch would; its output goes to the artifacts folder
    /// as NAME.log. Dropping the handle ends it.
    pub fn spawn_app(&self, data_dir: &Path, name: &'static str) -> Result<Background, String> {
        let log = std::fs::File::create(self.artifacts.join(format!("{name}.log")))
            .ctx("could not create the launch log")?;
        let err = log.try_clone().ctx("could not share the launch log")?;
        Background::spawn(
            name,
            Command::new(&self.app_binary)
                .arg("--data-dir")
                .arg(data_dir)
                .env("DISPLAY", &self.display)
                .env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address)
                .stdout(log)
                .stderr(err),
        )
    }

    /// Records every desktop-notification call made on the run's session bus into the
    /// artifacts folder as NAME.log (returned with the process; dropping it stops recording).
    pub fn watch_notifications(&self, name: &'static str) -> Result<(Background, PathBuf), String> {
        let monitor = find_program("dbus-monitor")
            .ok_or("dbus-monitor is not installed (dbus-bin; run scripts/setup)")?;
        let path = self.artifacts.join(format!("{name}.log"));
        let log = std::fs::File::create(&path).ctx("could not create the monitor log")?;
        let watcher = Background::spawn(
            name,
            Command::new(monitor)
                .args(["--address", &self.bus_address])
                .arg("type='method_call',interface='org.freedesktop.Notifications',member='Notify'")
                .stdout(log)
                .stderr(Stdio::null()),
        )?;
        Ok((watcher, path))
    }

    /// With `TRAJECTORY_SCREENSHOTS=DIR` set, keeps a picture of the window as DIR/NAME.png
    /// (how the README's screenshots are made: `make screenshots`).
    pub async fn keep_screenshot(&self, driver: &WebDriver, name: &str) {
        if let Some(dir) = std::env::var_os("TRAJECTORY_SCREENSHOTS") {
            let path = PathBuf::from(dir).join(format!("{name}.png"));
            match driver.screenshot_as_png().await {
                Ok(png) => {
                    let _ = std::fs::write(&path, png);
                }
                Err(e) => eprintln!("e2e: no screenshot {}: {e}", path.display()),
            }
        }
    }

    /// Runs `body` in the launched window `driver`, keeps a screenshot named `name` when it
    /// fails, and closes the window either way.
    pub async fn in_window<F>(&self, driver: WebDriver, name: &str, body: F) -> TestResult
    where
        F: AsyncFnOnce(&WebDriver) -> TestResult,
    {
        let result = body(&driver).await;
        if result.is_err()
            && let Some(path) = self.screenshot(Some(&driver), name).await
        {
            eprintln!("e2e: screenshot of the failure: {}", path.display());
        }
        let _ = driver.quit().await;
        result
    }

    /// Saves what the window shows (WebDriver screenshot, else the whole X screen).
    pub async fn screenshot(&self, driver: Option<&WebDriver>, name: &str) -> Option<PathBuf> {
        let path = self.artifacts.join(format!("{name}.png"));
        if let Some(driver) = driver
            && let Ok(png) = driver.screenshot_as_png().await
            && std::fs::write(&path, png).is_ok()
        {
            return Some(path);
        }
        let ok = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(path)
    }
}

/// A session bus of the run's own, as a desktop has one: the app's single-instance check (one
/// window per data folder, decision 0045) runs on it in every test, never on the machine's bus.
fn start_session_bus(daemon: &Path) -> Result<(String, Background, tempfile::TempDir), String> {
    let dir = tempfile::tempdir().ctx("no folder for the session bus")?;
    let socket = dir.path().join("bus");
    let address = format!("unix:path={}", socket.display());
    let mut bus = Background::spawn(
        "dbus-daemon",
        Command::new(daemon)
            .args(["--session", "--nofork", "--nopidfile"])
            .arg(format!("--address={address}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )?;
    match bus.wait_for_socket(&socket) {
        SocketWait::Open => Ok((address, bus, dir)),
        SocketWait::Exited(status) => Err(format!("dbus-daemon exited at start ({status})")),
        SocketWait::TimedOut => Err("dbus-daemon did not open its socket within 10 s".into()),
    }
}

fn start_xvfb(xvfb: &Path) -> Result<(String, Background), String> {
    for n in 90..140 {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let lock = PathBuf::from(format!("/tmp/.X{n}-lock"));
        if socket.exists() || lock.exists() {
            continue;
        }
        let display = format!(":{n}");
        let mut server = Background::spawn(
            "Xvfb",
            Command::new(xvfb)
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )?;
        match server.wait_for_socket(&socket) {
            SocketWait::Open => return Ok((display, server)),
            // Lost a race for this display (or it never came up): try the next.
            SocketWait::Exited(_) | SocketWait::TimedOut => {}
        }
    }
    Err("could not start Xvfb on any display :90–:139".into())
}

/// Polls for an element matching `css` whose text content satisfies `accept`, for up to 15 s.
/// (`textContent`, not WebDriver's rendered text, which WebKit reports empty for line-clamped
/// blocks.)
pub async fn wait_for(
    driver: &WebDriver,
    css: &str,
    accept: impl Fn(&str) -> bool,
) -> Result<WebElement, String> {
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut last_seen = Vec::new();
    loop {
        if let Ok(found) = driver.find_all(By::Css(css)).await {
            last_seen.clear();
            for el in found {
                let text = el
                    .prop("textContent")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                if accept(&text) {
                    return Ok(el);
                }
                last_seen.push(text);
            }
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no element {css} with the expected text; saw {last_seen:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Finds the element with `data-testid`.
/// Fails with `why` when anything on the page matches `css` now.
pub async fn none_now(driver: &WebDriver, css: &str, why: &str) -> TestResult {
    let found = driver.find_all(By::Css(css)).await.ctx(css)?;
    if found.is_empty() {
        Ok(())
    } else {
        Err(why.to_owned())
    }
}

/// Waits up to 15 s until nothing on the page matches `css`; fails with `why` if it stays.
pub async fn wait_gone(driver: &WebDriver, css: &str, why: &str) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if none_now(driver, css, why).await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    none_now(driver, css, why).await
}

pub async fn by_test_id(driver: &WebDriver, id: &str) -> Result<WebElement, String> {
    wait_for(driver, &format!("[data-testid='{id}']"), |_| true).await
}

/// Runs `command` to its end: its standard output, or an error naming `what` with what it
/// wrote to standard error.
pub fn output_of(command: &mut Command, what: &str) -> Result<String, String> {
    let out = command.output().ctx(&format!("run {what}"))?;
    if !out.status.success() {
        return Err(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Clicks the element with `data-testid` `test_id`, scrolled into the middle of the view
/// first (a long screen has it below the fold).
pub async fn click(d: &WebDriver, test_id: &str) -> TestResult {
    let el = by_test_id(d, test_id).await?;
    click_el(d, &el, test_id).await
}

/// Clicks `el` (named `what` in errors), scrolled into the middle of the view first.
pub async fn click_el(d: &WebDriver, el: &WebElement, what: &str) -> TestResult {
    d.execute(
        "arguments[0].scrollIntoView({ block: 'center' });",
        vec![el.to_json().ctx("element")?],
    )
    .await
    .ctx("scroll into view")?;
    el.click().await.ctx(&format!("click {what}"))
}

/// Sets a field's value at once, as a paste would, with the `input` and `change` events a
/// person's typing sends (for long texts, where typing key by key would take minutes).
pub async fn set_value(d: &WebDriver, el: &WebElement, value: &str) -> TestResult {
    d.execute(
        "const el = arguments[0]; el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![el.to_json().ctx("element")?, serde_json::json!(value)],
    )
    .await
    .ctx("set value")
    .map(drop)
}
