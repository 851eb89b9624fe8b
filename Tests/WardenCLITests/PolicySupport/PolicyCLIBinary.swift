import Foundation
import WardenTestSupport

/// Runs the built `warden` executable as a child process.
enum PolicyCLIBinary {
    /// Runs the binary with `arguments` in `directory` (the repository root by default), with
    /// `input` on standard input, and waits for it.
    static func run(_ arguments: [String], in directory: String? = nil, input: String = "") async throws
        -> PolicyCLIResult
    {
        let scratch = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(scratch) }
        let inputPath = try PolicyCLI.write(input, to: "stdin", in: scratch)
        let outputURL = URL(fileURLWithPath: scratch).appendingPathComponent("stdout")
        let errorURL = URL(fileURLWithPath: scratch).appendingPathComponent("stderr")
        try PolicyCLI.write("", to: "stdout", in: scratch)
        try PolicyCLI.write("", to: "stderr", in: scratch)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? PolicyCLI.root.path)
        let inputHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer {
            try? inputHandle.close()
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardInput = inputHandle
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let output = String(decoding: try Data(contentsOf: outputURL), as: UTF8.self)
        let errors = String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        return PolicyCLIResult(code: status, output: output, errors: errors)
    }
}
