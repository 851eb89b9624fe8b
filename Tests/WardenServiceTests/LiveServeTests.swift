import Foundation
import Testing
import WardenTestSupport

/// The built `warden serve` on an ephemeral loopback port: it answers over a real socket and
/// stops cleanly on SIGTERM and SIGINT.
@Suite("warden serve as a process", .serialized, .timeLimit(.minutes(2)))
struct LiveServeTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func servesAndStopsGracefullyOnASignal(signal: Int32) async throws {
        let policies = ServiceClient.root.appendingPathComponent("policies").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try BuiltExecutable.path())
        server.arguments = ["serve", "--policies", policies, "--listen", "127.0.0.1:0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        let reading = output.fileHandleForReading
        let text = await offCooperativePool {
            var text = ""
            while !text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains(where: {
                $0.hasPrefix("listening on http://")
            }) {
                let data = reading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        let url = try #require(
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("http://") }.map(String.init),
            "no address in \(text)")

        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = [
            "-s", "-d",
            #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#,
            url + "/v1/decide",
        ]
        let answer = Pipe()
        curl.standardOutput = answer
        try curl.run()
        let answerReading = answer.fileHandleForReading
        let body = await offCooperativePool { answerReading.readDataToEndOfFile() }
        await curl.exitStatus()
        #expect(String(decoding: body, as: UTF8.self).contains(#""decision":"allow""#))

        kill(server.processIdentifier, signal)
        await server.exitStatus()
        #expect(server.terminationReason == .exit)
        #expect(server.terminationStatus == 0)
    }
}
