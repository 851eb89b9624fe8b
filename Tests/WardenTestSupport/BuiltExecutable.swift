import Foundation

/// An executable this package builds (`warden`, `warden-audit-load`, `warden-crash-writer`), for
/// tests that run it as a child process.
public enum BuiltExecutable {
    /// The executable was not found where a build puts it.
    public struct NotFound: Error, CustomStringConvertible {
        /// The executable's name.
        public var name: String
        /// The paths looked at, in order.
        public var searched: [String]
        /// What was looked for, where, and what to run.
        public var description: String {
            "the `\(name)` executable was not found; looked at \(searched.joined(separator: ", ")); "
                + "run `swift build --build-tests`"
        }
    }

    /// The repository root (this file is `Tests/WardenTestSupport/BuiltExecutable.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable `name`: beside the test bundle (SwiftPM puts every product of a build in
    /// one directory; on macOS the bundle's executable sits in `X.xctest/Contents/MacOS`, hence
    /// up to four levels), else `.build/debug/NAME` under the repository root.
    /// - Throws: ``NotFound`` naming every place looked at.
    public static func path(named name: String = "warden") throws -> String {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent(name).path)
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        throw NotFound(name: name, searched: candidates)
    }
}
