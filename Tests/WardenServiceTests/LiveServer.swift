import Foundation
import Testing
import WardenTestSupport

/// The built `warden serve` running as a child process on an ephemeral loopback port.
final class LiveServer: Sendable {
    /// The server process.
    let process: Process
    /// `http://127.0.0.1:PORT`.
    let url: String

    /// Starts `warden serve arguments... --listen 127.0.0.1:0` and waits for its
    /// `listening on` line (read on a thread of its own: see `offCooperativePool`).
    init(_ arguments: [String]) async throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try BuiltExecutable.path())
        server.arguments = ["serve", "--listen", "127.0.0.1:0"] + arguments
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        process = server
        let reading = output.fileHandleForReading
        let text = await offCooperativePool {
            var text = ""
            while !text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains(where: {
                $0.hasPrefix("listening on ")
            }) {
                let data = reading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        guard let found = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first(where: { $0.hasPrefix("http") })
        else {
            server.terminate()
            throw NoAddress(output: text)
        }
        url = String(found)
    }

    /// The server printed no address.
    struct NoAddress: Error {
        var output: String
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    @discardableResult
    func stop() async -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        return await process.exitStatus()
    }

    /// Sends SIGTERM without waiting (for `defer`, where nothing can wait).
    func terminate() {
        if process.isRunning { process.terminate() }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Runs `executable arguments...` and returns its exit status and standard output.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await offCooperativePool { try runBlocking(executable, arguments) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
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
