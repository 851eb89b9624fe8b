import Foundation

/// Runs a program to its end without blocking a thread: the test suspends until the process's
/// termination handler fires.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The package root (for `scripts/` and the build folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { handle in collected.appendOut(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { handle in collected.appendErr(handle.availableData) }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        collected.appendOut(out.fileHandleForReading.readDataToEndOfFile())
        collected.appendErr(err.fileHandleForReading.readDataToEndOfFile())
        return Result(status: status, output: collected.out, errors: collected.err)
    }

    /// Output gathered from the pipes' handlers.
    final class Collected: @unchecked Sendable {
        // `@unchecked Sendable`: every access holds `lock`.
        private let lock = NSLock()
        private var outData = Data()
        private var errData = Data()

        func appendOut(_ data: Data) { lock.withLock { outData.append(data) } }
        func appendErr(_ data: Data) { lock.withLock { errData.append(data) } }
        var out: String { lock.withLock { String(decoding: outData, as: UTF8.self) } }
        var err: String { lock.withLock { String(decoding: errData, as: UTF8.self) } }
    }
}

/// A PostgreSQL server of a test's own (`scripts/test-postgres.sh`), which the test may crash and
/// resume without disturbing the shared one.
struct PrivatePostgresServer {
    let directory: String
    let url: String

    static let script = ChildProcess.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path

    /// Runs `body` with a server of its own, stopped (and removed) afterwards whatever happens.
    static func with<T>(_ body: (PrivatePostgresServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    static func start() async throws -> PrivatePostgresServer {
        let result = try await ChildProcess.run("/bin/bash", [script, "start"])
        guard result.status == 0 else { throw Failure("cannot start a private server: \(result.errors)") }
        var values: [String: String] = [:]
        for line in result.output.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            values[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
                .trimmingCharacters(in: ["'"])
        }
        guard let directory = values["WARDEN_TEST_POSTGRES_DIR"], let url = values["WARDEN_TEST_POSTGRES_URL"] else {
            throw Failure("the script printed no server: \(result.output)")
        }
        return PrivatePostgresServer(directory: directory, url: url)
    }

    /// Stops the server at once, as a power cut would.
    func crash() async throws { try await script("crash") }
    /// Starts it again on the same data.
    func resume() async throws { try await script("resume") }
    /// Restarts it as an administrator would (`pg_ctl restart -m fast`).
    func restart() async throws { try await script("restart") }
    /// Stops it and removes its folder.
    func stop() async throws { try await script("stop") }

    private func script(_ command: String) async throws {
        let result = try await ChildProcess.run("/bin/bash", [Self.script, command, directory])
        guard result.status == 0 else { throw Failure("`test-postgres.sh \(command)` failed: \(result.errors)") }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
