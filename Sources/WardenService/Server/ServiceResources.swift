import Foundation

/// The files SwiftPM bundles with `WardenService` (the page, the OpenAPI document), found in the
/// `Warden_WardenService.resources` folder beside the running executable.
enum ServiceResources {
    /// The resource folder or file `name`, looked for beside the executable (where SwiftPM puts
    /// the bundle) without `Bundle.module`, which stops the process when the bundle is missing.
    static func locate(_ name: String) -> URL? {
        let bundleName = "Warden_WardenService.resources"
        var directories: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let resources = Bundle.main.resourceURL { directories.append(resources) }
        for directory in directories {
            for candidate in [
                directory.appendingPathComponent(bundleName).appendingPathComponent(name),
                directory.appendingPathComponent("Warden_WardenService.bundle").appendingPathComponent(
                    "Contents/Resources/\(name)"),
            ] where FileManager.default.fileExists(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
