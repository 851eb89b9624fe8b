import Foundation
import Testing
import WardenTestSupport
import WardenValue

/// `warden run` (the built binary) stopped by SIGTERM or SIGINT: services get their CANCEL and
/// stop, the audit log is flushed and closed, and the exit status is 0.
@Suite("warden run signals", .timeLimit(.minutes(2)))
struct RunSignalTests {
    static let tree: [String: String] = [
        "app.yaml": """
        namespace: app
        entries:
          - {name: processes, kind: process.host}
          - {name: worker, kind: process.lua, source: "file://worker.lua", method: main}
          - name: svc
            kind: process.service
            process: worker
            host: processes
            lifecycle: {auto_start: true}
        """,
        "worker.lua": """
        return {main = function()
            process.registry.register("app.worker")
            local events = process.events()
            while true do
                local event = events:receive()
                if event.kind == process.event.CANCEL then
                    print("worker stopping on CANCEL")
                    return 0
                end
            end
        end}
        """,
    ]

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsServicesFlushesTheAuditLogAndExitsZero(signalNumber: Int32) async throws {
        let directory = try RunHarness.tree(Self.tree)
        defer { PolicyCLI.remove(directory) }
        let audit = directory + "/audit.jsonl"
        let files = try ProcessOutputFiles(in: directory, output: "stdout", error: "stderr")
        defer { files.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path())
        process.arguments = ["run", directory, "--no-strict", "--audit", audit]
        files.attach(to: process)
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            exited.continuation.yield(finished.terminationStatus)
            exited.continuation.finish()
        }
        try process.run()

        // The service is up once its register call is in the (durable) audit log.
        var waited = 0
        while !((try? String(contentsOfFile: audit, encoding: .utf8))?.contains("process.registry.register") ?? false) {
            try #require(process.isRunning, "warden run ended before the service started")
            try #require(waited < 3_000, "the service did not start")
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        kill(process.processIdentifier, signalNumber)
        var status: Int32 = -1
        for await code in exited.stream { status = code }

        #expect(process.terminationReason == .exit)
        #expect(status == 0, "\((try? files.errors()) ?? "")")
        let output = try files.output()
        #expect(output.contains("worker stopping on CANCEL"))
        // Every record is complete and the chain verifies: the log was flushed and closed.
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect((try? Value(json: String(line))) != nil, "an incomplete record: \(line)") }
        let verify = try await PolicyCLIBinary.run(["audit", "verify", audit])
        #expect(verify.code == 0, "\(verify.output)\(verify.errors)")
    }
}
