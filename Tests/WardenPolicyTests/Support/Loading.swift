import Foundation
import WardenPolicy

/// Loads YAML text labelled `p.yaml`.
func load(_ text: String) -> PolicyLoadResult {
    PolicyLoader().load(yaml: text, file: "p.yaml")
}

/// The `description` of every diagnostic of `text`.
func diagnostics(_ text: String) -> [String] {
    load(text).diagnostics.map(\.description)
}

/// A fresh temporary directory, removed by `body`'s end.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("warden-policy-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Writes `text` to `directory/name`, creating folders on the way.
func write(_ text: String, to name: String, in directory: String) throws {
    let path = directory + "/" + name
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}
