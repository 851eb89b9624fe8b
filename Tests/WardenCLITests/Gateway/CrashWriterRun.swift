import Foundation
import WardenTestSupport

/// One run of the `warden-crash-writer` executable: killed with SIGKILL at a chosen moment after
/// its first acknowledged record, or left to run until its calls fail (under a file size limit).
struct CrashWriterRun {
    /// Why a run could not be checked.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The seq of every record the writer reported as acknowledged (whole `ack SEQ` lines only).
    var acknowledged: [Int]
    /// Where the writer said the chain continued when it opened the store (`opened at seq N`).
    var openedAt: Int?
    /// The writer's standard error: the sink's warnings, such as a cut-off incomplete record.
    var errors: String
    /// The exit status, or the signal that ended the writer.
    var status: Int32

    /// Starts the writer on `path` with `callers` concurrent callers, waits for its first
    /// acknowledged record, lets it run `delayMilliseconds` more, then kills it with SIGKILL.
    /// - Throws: ``Failure`` when the writer exits by itself or acknowledges nothing within a minute.
    static func killed(sink: String, path: String, callers: Int = 4, delayMilliseconds: Int, in directory: String)
        async throws
        -> CrashWriterRun
    {
        let run = try await launch([sink, path, String(callers)], in: directory) { process, acknowledgedOne in
            guard acknowledgedOne else { return }
            try await Task.sleep(for: .milliseconds(delayMilliseconds))
            kill(process.processIdentifier, SIGKILL)
        }
        guard run.process.terminationReason == .uncaughtSignal, run.status == SIGKILL else {
            throw Failure(
                description: "the writer did not run until killed (status \(run.status)); stderr: \(run.result.errors)")
        }
        guard !run.result.acknowledged.isEmpty else {
            throw Failure(description: "the writer acknowledged nothing in a minute; stderr: \(run.result.errors)")
        }
        return run.result
    }

    /// Starts the writer on `path` with every file it writes limited to `fileSizeLimit` bytes and
    /// waits (up to a minute) until it stops by itself.
    /// - Throws: ``Failure`` when it is still running after a minute (it is then killed).
    static func limited(sink: String, path: String, callers: Int = 4, fileSizeLimit: Int, in directory: String)
        async throws
        -> CrashWriterRun
    {
        let run = try await launch([sink, path, String(callers), String(fileSizeLimit)], in: directory) { _, _ in }
        guard run.process.terminationReason == .exit else {
            throw Failure(
                description: "the writer did not stop by itself (signal \(run.status)); stderr: \(run.result.errors)")
        }
        return run.result
    }

    /// Runs the writer with `arguments`; `afterFirst` runs once the first `ack` line is out (or
    /// with `false` once the writer ended or a minute passed without one). A writer still running
    /// a minute after that is killed.
    private static func launch(
        _ arguments: [String], in directory: String, afterFirst: (Process, Bool) async throws -> Void
    ) async throws -> (process: Process, status: Int32, result: CrashWriterRun) {
        let files = try ProcessOutputFiles(in: directory, output: "writer.out", error: "writer.err")
        defer { files.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(named: "warden-crash-writer"))
        process.arguments = arguments
        files.attach(to: process)
        try process.run()
        var started = ContinuousClock.now
        while process.isRunning, try Data(contentsOf: files.outputURL).firstIndex(of: UInt8(ascii: "\n")) == nil {
            if ContinuousClock.now - started > .seconds(60) { break }
            try await Task.sleep(for: .milliseconds(2))
        }
        try await afterFirst(process, process.isRunning && ContinuousClock.now - started <= .seconds(60))
        started = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - started < .seconds(60) {
            try await Task.sleep(for: .milliseconds(5))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        await process.exitStatus()
        let output = try files.output()
        let errors = try files.errors()
        // A line cut short by the kill was never fully reported: it does not count.
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        var acknowledged: [Int] = []
        for line in lines {
            guard line.hasPrefix("ack "), let seq = Int(line.dropFirst(4)) else {
                throw Failure(description: "unexpected writer output line `\(line)`")
            }
            acknowledged.append(seq)
        }
        let opened = errors.split(separator: "\n").first { $0.hasPrefix("opened at seq ") }.flatMap {
            Int($0.dropFirst(14))
        }
        let result = CrashWriterRun(
            acknowledged: acknowledged, openedAt: opened, errors: errors, status: process.terminationStatus)
        return (process, process.terminationStatus, result)
    }
}
