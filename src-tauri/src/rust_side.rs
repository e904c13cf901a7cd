//! Plugins the app uses from Rust only: their page scripts are left out of the window.

use tauri::plugin::Plugin;
use tauri::webview::PageLoadPayload;
use tauri::{AppHandle, RunEvent, Runtime, Webview, Window};

/// A plugin whose Rust side the app uses (its commands, its state) but whose script for the
/// page is not added to the window. The dialog plugin's script replaces `alert` and `confirm`
/// and the notification plugin's stands in for the page's `Notification` and asks the plugin
/// over IPC at every load whether notifications are allowed; the page uses neither (files are
/// chosen and notifications sent from Rust), so the window runs less at each start and is
/// granted none of the plugins' commands (decision 0068).
pub struct RustSide<P>(pub P);

impl<R: Runtime, P: Plugin<R>> Plugin<R> for RustSide<P> {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn initialize(
        &mut self,
        app: &AppHandle<R>,
        config: serde_json::Value,
    ) -> Result<(), Box<dyn std::error::Error>> {
        self.0.initialize(app, config)
    }

    /// None; `initialization_script_2`, which the window's scripts are read from, keeps its
    /// default and so gives none either.
    fn initialization_script(&self) -> Option<String> {
        None
    }

    fn window_created(&mut self, window: Window<R>) {
        self.0.window_created(window);
    }

    fn webview_created(&mut self, webview: Webview<R>) {
        self.0.webview_created(webview);
    }

    fn on_navigation(&mut self, webview: &Webview<R>, url: &tauri::Url) -> bool {
        self.0.on_navigation(webview, url)
    }

    fn on_page_load(&mut self, webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
        self.0.on_page_load(webview, payload);
    }

    fn on_event(&mut self, app: &AppHandle<R>, event: &RunEvent) {
        self.0.on_event(app, event);
    }

    fn extend_api(&mut self, invoke: tauri::ipc::Invoke<R>) -> bool {
        self.0.extend_api(invoke)
    }
}

#[cfg(test)]
mod tests {
    use super::RustSide;
    use tauri::plugin::Plugin;
    use tauri::test::MockRuntime;

    #[test]
    fn the_plugins_keep_their_names_and_lose_their_page_scripts() {
        let dialog = tauri_plugin_dialog::init::<MockRuntime>();
        let notification = tauri_plugin_notification::init::<MockRuntime>();
        // What is left out is there to begin with.
        assert!(Plugin::<MockRuntime>::initialization_script_2(&dialog).is_some());
        assert!(Plugin::<MockRuntime>::initialization_script_2(&notification).is_some());
        for plugin in [RustSide(dialog), RustSide(notification)] {
            assert!(["dialog", "notification"].contains(&Plugin::<MockRuntime>::name(&plugin)));
            assert!(Plugin::<MockRuntime>::initialization_script(&plugin).is_none());
            assert!(Plugin::<MockRuntime>::initialization_script_2(&plugin).is_none());
        }
    }
}
