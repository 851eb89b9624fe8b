import Foundation
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview

/// A gateway with `durable` audit in a child process (`warden-crash-writer`), killed with SIGKILL
/// at random moments: every record it acknowledged must be on disk, the chain must verify (an
/// incomplete last line cut off and reported on the next open) and the next run must continue it.
@Suite("crash consistency: a durable writer killed with SIGKILL", .serialized, .timeLimit(.minutes(5)))
struct CrashConsistencyTests {
    /// Kills per store: `WARDEN_CRASH_KILLS` (`.ci/run` sets 20), else 5.
    static func kills() throws -> Int {
        guard let text = ProcessInfo.processInfo.environment["WARDEN_CRASH_KILLS"] else { return 5 }
        guard let kills = Int(text), kills > 0 else {
            throw CrashWriterRun.Failure(
                description: "WARDEN_CRASH_KILLS must be a whole number above 0, found `\(text)`")
        }
        return kills
    }

    /// A moment to kill at: up to 150 ms after the first acknowledged record.
    static func randomDelay() -> Int { Int.random(in: 0...150) }

    /// The sink's warning when it cuts off an incomplete last record.
    static let cutOffWarning = "audit log ends with an incomplete record (a write was cut short); cutting it off"

    @Test(
        "JSON Lines file: acknowledged records survive, a torn last line is cut off and reported, the chain continues")
    func jsonLines() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let log = directory + "/audit.jsonl"
        var highestAcknowledged = 0
        var tornTail = false
        var cutOffsSeen = 0
        for round in 0..<max(2, try Self.kills()) {
            // Once, tear the last line by hand (a write cut short) in case no kill did.
            if round == 1, !tornTail {
                try Self.tearLastLine(of: log)
                tornTail = true
            }
            let lastWhole = try Self.wholeLines(of: log).count
            let delay = Self.randomDelay()
            let run = try await CrashWriterRun.killed(sink: "jsonl", path: log, delayMilliseconds: delay, in: directory)
            let context = "round \(round), killed \(delay) ms after the first acknowledgement"
            #expect(run.openedAt == lastWhole, "\(context)")
            #expect(run.errors.contains(Self.cutOffWarning) == tornTail, "\(context): \(run.errors)")
            if tornTail { cutOffsSeen += 1 }
            #expect(run.acknowledged.allSatisfy { $0 > highestAcknowledged }, "\(context)")
            highestAcknowledged = max(highestAcknowledged, run.acknowledged.max() ?? 0)

            let whole = try Self.wholeLines(of: log)
            tornTail = try Data(contentsOf: URL(fileURLWithPath: log)).last != UInt8(ascii: "\n")
            let onDisk = try whole.map { line in try RecordLine.verify(Array(line.utf8)).seq }
            #expect(onDisk == Array(1..<(onDisk.count + 1)), "\(context)")
            #expect(
                onDisk.count >= highestAcknowledged,
                "\(context): acknowledged seq \(highestAcknowledged) is not on disk")
            do {
                let verified = try AuditVerifier.verify(files: [log])
                #expect(!tornTail)
                #expect(verified.head.seq == onDisk.count)
            } catch {
                #expect(tornTail, "\(context): \(error)")
                #expect(error.kind == .truncatedRecord, "\(context): \(error)")
                #expect(error.location.line == whole.count + 1, "\(context)")
            }
        }
        #expect(cutOffsSeen >= 1)
        // The next open cuts a torn tail and continues; then the whole chain of every run verifies.
        let reopened = try JSONLFileSink(path: log)
        #expect(reopened.chainHead.seq == (try Self.wholeLines(of: log).count))
        try reopened.close()
        let verified = try await WardenProcess.run(["audit", "verify", log])
        #expect(verified.status == 0, "\(verified.stderr)")
        let records = try Self.wholeLines(of: log).count
        #expect(records >= highestAcknowledged)
        #expect(verified.stdout.hasPrefix("ok: \(records) records, seq 1...\(records), head "), "\(verified.stdout)")
    }

    @Test("SQLite database: acknowledged records survive every kill and the chain continues")
    func sqlite() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let database = directory + "/audit.sqlite"
        var highestAcknowledged = 0
        var head = 0
        for round in 0..<(try Self.kills()) {
            let delay = Self.randomDelay()
            let run = try await CrashWriterRun.killed(
                sink: "sqlite", path: database, delayMilliseconds: delay, in: directory)
            let context = "round \(round), killed \(delay) ms after the first acknowledgement"
            #expect(run.openedAt == head, "\(context)")
            #expect(run.acknowledged.allSatisfy { $0 > highestAcknowledged }, "\(context)")
            highestAcknowledged = max(highestAcknowledged, run.acknowledged.max() ?? 0)
            let verified = try AuditVerifier.verify(database: database)
            #expect(verified.firstSeq == 1 && verified.records == verified.head.seq, "\(context)")
            #expect(
                verified.head.seq >= highestAcknowledged,
                "\(context): acknowledged seq \(highestAcknowledged) is not in the database")
            head = verified.head.seq
        }
        let verified = try await WardenProcess.run(["audit", "verify", "--db", database])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("ok: \(head) records, seq 1...\(head), head "), "\(verified.stdout)")
    }

    /// The file's lines that end with a newline (none when it does not exist).
    static func wholeLines(of path: String) throws -> [Substring] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        return lines
    }

    /// Appends the first half of the last record, without its newline: a write cut short.
    static func tearLastLine(of path: String) throws {
        let last = try #require(try wholeLines(of: path).last)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(last.utf8.prefix(last.utf8.count / 2)))
    }
}
