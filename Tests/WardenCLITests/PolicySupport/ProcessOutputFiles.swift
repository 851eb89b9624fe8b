import Foundation

/// A child process's standard output and error sent to two files in a directory, so a test can
/// read what it wrote while it runs (a pipe would need draining) and after it ends.
struct ProcessOutputFiles {
    /// The file standard output goes to.
    let outputURL: URL
    /// The file standard error goes to.
    let errorURL: URL
    private let outputHandle: FileHandle
    private let errorHandle: FileHandle

    /// Creates (empty) `directory/outputName` and `directory/errorName` and opens them for writing.
    init(in directory: String, output outputName: String, error errorName: String) throws {
        outputURL = URL(fileURLWithPath: directory).appendingPathComponent(outputName)
        errorURL = URL(fileURLWithPath: directory).appendingPathComponent(errorName)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        outputHandle = try FileHandle(forWritingTo: outputURL)
        errorHandle = try FileHandle(forWritingTo: errorURL)
    }

    /// Sends `process`'s standard output and error to the files.
    func attach(to process: Process) {
        process.standardOutput = outputHandle
        process.standardError = errorHandle
    }

    /// Everything written to standard output so far.
    func output() throws -> String { String(decoding: try Data(contentsOf: outputURL), as: UTF8.self) }

    /// Everything written to standard error so far.
    func errors() throws -> String { String(decoding: try Data(contentsOf: errorURL), as: UTF8.self) }

    /// Closes this side's handles (the child keeps its own).
    func close() {
        try? outputHandle.close()
        try? errorHandle.close()
    }
}
