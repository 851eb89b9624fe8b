import Foundation

/// A program this package builds (`warden`, `warden-audit-load`): beside the test bundle, or in
/// `.build/debug`.
enum BuiltProgram {
    static func path(_ name: String) throws -> String {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent(name).path)
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(ChildProcess.packageRoot.appendingPathComponent(".build/debug/\(name)").path)
        guard
            let found = candidates.first(where: { candidate in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
                    && FileManager.default.isExecutableFile(atPath: candidate)
            })
        else {
            throw PrivatePostgresServer.Failure(
                "`\(name)` is not built (looked in \(candidates.joined(separator: ", "))); run `swift build --build-tests`"
            )
        }
        return found
    }
}
