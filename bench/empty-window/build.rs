//! Build script: tauri-build with the window's one command in its permission manifest, as the
//! app declares its own.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(&["report_first_paint"]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
