import Foundation

/// The built `warden` executable, for the commands that print straight to standard output.
enum WardenBinary {
    /// The executable beside the test bundle, or in `.build/debug`.
    static func path() throws -> String {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("warden").path)
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(ServiceClient.root.appendingPathComponent(".build/debug/warden").path)
        guard
            let found = candidates.first(where: { candidate in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
                    && FileManager.default.isExecutableFile(atPath: candidate)
            })
        else {
            throw NotFound(searched: candidates)
        }
        return found
    }

    /// The executable is not built.
    struct NotFound: Error {
        var searched: [String]
    }

    /// Runs `warden arguments...` and returns its exit status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
