import Foundation
import WardenTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A `warden-audit-load` process writing one node's chain: started, watched through the
/// acknowledgements it prints (`ack N SEQ`), and possibly killed.
final class LoadWriter {
    let node: String
    private let process: Process
    private let collected: ChildProcess.Collected
    private let exit: Task<Int32, Never>

    /// Starts `warden-audit-load URL NODE RECORDS CALLERS durable`.
    init(url: String, node: String, records: Int, callers: Int) throws {
        self.node = node
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(named: "warden-audit-load"))
        process.arguments = [url, node, String(records), String(callers), "durable"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let collected = ChildProcess.Collected()
        self.collected = collected
        let (outHandle, errHandle) = (out.fileHandleForReading, err.fileHandleForReading)
        outHandle.readabilityHandler = { handle in collected.appendOut(handle.availableData) }
        errHandle.readabilityHandler = { handle in collected.appendErr(handle.availableData) }
        let ended = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            outHandle.readabilityHandler = nil
            errHandle.readabilityHandler = nil
            collected.appendOut(outHandle.readDataToEndOfFile())
            collected.appendErr(errHandle.readDataToEndOfFile())
            ended.continuation.yield(finished.terminationStatus)
            ended.continuation.finish()
        }
        try process.run()
        self.process = process
        exit = Task { await ended.stream.first { _ in true } ?? -1 }
    }

    /// The acknowledgements printed so far: record number and seq.
    var acknowledged: [(number: Int, seq: Int)] {
        collected.out.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0] == "ack", let number = Int(fields[1]), let seq = Int(fields[2]) else {
                return nil
            }
            return (number, seq)
        }
    }

    /// The final `done ACKED FAILED SECONDS` line's counts, once the writer has finished.
    var done: (acknowledged: Int, failed: Int)? {
        guard let line = collected.out.split(separator: "\n").last(where: { $0.hasPrefix("done ") }) else { return nil }
        let fields = line.split(separator: " ")
        guard fields.count == 4, let acknowledged = Int(fields[1]), let failed = Int(fields[2]) else { return nil }
        return (acknowledged, failed)
    }

    /// What the writer printed on standard error.
    var errors: String { collected.err }

    /// Kills the writer at once (SIGKILL: no chance to finish a batch or close the connection).
    func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the writer to end; its exit status (the signal number for a killed one).
    func wait() async -> Int32 { await exit.value }

    /// Waits until at least `count` acknowledgements are printed.
    func wait(forAcknowledged count: Int, limit: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + limit
        while acknowledged.count < count {
            guard ContinuousClock.now < deadline, process.isRunning else {
                throw PrivatePostgresServer.Failure(
                    "writer \(node) printed \(acknowledged.count) acknowledgements, not \(count) (running: \(process.isRunning)): \(errors)"
                )
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
