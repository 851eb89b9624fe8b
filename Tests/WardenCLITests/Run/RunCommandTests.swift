import Foundation
import Testing

/// `warden run` over the example application: services, library imports, denied calls in the
/// audit log, `-x` exit statuses and `--test` counts.
@Suite struct RunCommandTests {
    @Test func execRunsTheEntryAgainstTheServiceAndExitsWithItsResult() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let audit = directory + "/audit.jsonl"
        let result = try await RunHarness.run([RunHarness.exampleApp, "-x", "app:cli", "--audit", audit])
        // cli.lua returns the counter's total (2 + 3) once the service answered; 99 if the
        // terminate it tries were allowed, 1 if the library import failed.
        #expect(result.code == 5, "\(result.errors)")
        #expect(result.errors.contains("ignored: 1 entry of kind http.endpoint"))
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        // The denied record names the line of cli.lua that made the call.
        #expect(
            lines.contains {
                $0.contains("\"process.terminate\"") && $0.contains("\"deny\"") && $0.contains(#"cli.lua:14"}"#)
            })
        #expect(lines.contains { $0.contains("\"process.registry.register\"") && $0.contains("\"allow\"") })
    }

    @Test func testFlagCountsPassesAndFailuresWithTheFailureLocation() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([RunHarness.exampleApp, "--test", "--audit", directory + "/a.jsonl"])
        #expect(result.code == 1)
        #expect(result.output.hasSuffix("2 passed, 1 failed\n"))
        #expect(result.output.contains("FAIL app.test:failing"))
        #expect(result.output.contains("tests.lua:15: expected 5, got 4"))
    }

    @Test func testPatternSelectsTestsByGlob() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([
            RunHarness.exampleApp, "app.test:[ag]*", "--test", "--audit", directory + "/a.jsonl",
        ])
        #expect(result.code == 0, "\(result.output)")
        #expect(result.output == "2 passed, 0 failed\n")
    }

    @Test(
        arguments: [
            ("return 7", 7, nil),
            ("return false", 1, "returned false"),
            ("local _, err = process.registry.lookup(\"app.nobody\") return nil, err", 1, "app.nobody"),
            ("error(\"boom\")", 1, "main.lua:1: boom"),
            ("return \"text\"", 0, nil),
            ("return nil, \"not configured\"", 1, "app:main: not configured"),
            ("return nil", 0, nil),
        ] as [(String, Int32, String?)])
    func execExitStatusFollowsTheResult(body: String, status: Int32, message: String?) async throws {
        let directory = try RunHarness.tree([
            "app.yaml": """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - {name: main, kind: function.lua, source: "file://main.lua", method: main}
            """,
            "main.lua": "local function main() \(body) end\nreturn {main = main}\n",
        ])
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([
            directory, "-x", "app:processes/app:main", "--audit", directory + "/a.jsonl",
        ])
        #expect(result.code == status)
        if let message { #expect(result.errors.contains(message), "\(result.errors)") }
    }

    @Test func aLuaErrorExitPrintsItsTraceback() async throws {
        let directory = try RunHarness.tree([
            "app.yaml": """
            namespace: app
            entries:
              - {name: terminal, kind: terminal.host}
              - {name: main, kind: process.lua, source: "file://main.lua", method: main}
            """,
            "main.lua":
                "local function inner() error(\"deep\") end\nlocal function main() inner() end\nreturn {main = main}\n",
        ])
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([directory, "-x", "app:main", "--audit", directory + "/a.jsonl"])
        #expect(result.code == 1)
        #expect(result.errors.contains("main.lua:1: deep"))
        #expect(result.errors.contains("traceback"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aFailingServiceIsRestartedUpToItsLimitThenStaysDown() async throws {
        let directory = try RunHarness.tree([
            "app.yaml": """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - {name: crash, kind: process.lua, source: "file://crash.lua", method: main}
              - name: crasher
                kind: process.service
                process: crash
                host: processes
                lifecycle:
                  auto_start: true
                  restart: {max_attempts: 2, initial_delay: 10ms, max_delay: 20ms}
            """,
            "crash.lua": "return {main = function() error(\"crashed\") end}\n",
        ])
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([directory, "--audit", directory + "/a.jsonl"]) {
            $0.contains("stays down")
        }
        #expect(result.code == 0)
        #expect(result.errors.contains("restart 1 of 2"))
        #expect(result.errors.contains("restart 2 of 2"))
        #expect(result.errors.contains("stays down after 2 restarts"))
    }

    @Test func aTestPastItsTimeLimitIsTerminatedAndFails() async throws {
        let directory = try RunHarness.tree([
            "app.yaml": """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - {name: spin, kind: function.lua, source: "file://spin.lua", method: main, meta: {type: test}}
            """,
            "spin.lua": "return {main = function() while true do end end}\n",
        ])
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([
            directory, "--test", "--test-timeout", "0.2", "--audit", directory + "/a.jsonl",
        ])
        #expect(result.code == 1)
        #expect(result.output.contains("FAIL app:spin"))
        #expect(result.output.contains("timed out"))
        #expect(result.output.hasSuffix("0 passed, 1 failed\n"))
    }

    /// A tree whose services `db` (not auto-started) and `api` (requires `db`) mark what they do
    /// by registering names, which the audit log keeps in order with the caller's PID.
    private static func dependentServicesTree() throws -> String {
        try RunHarness.tree([
            "app.yaml": """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - name: all
                kind: security.policy
                policy: {actions: "*", resources: "*", effect: allow}
              - {name: store, kind: process.lua, source: "file://store.lua", method: main}
              - {name: client, kind: process.lua, source: "file://client.lua", method: main, modules: [time]}
              - name: api
                kind: process.service
                process: client
                host: processes
                lifecycle:
                  auto_start: true
                  requires: [db]
                  restart: {max_attempts: 0, initial_delay: 10ms}
                  security: {actor: {id: svc}, policies: [all]}
              - name: db
                kind: process.service
                process: store
                host: processes
                lifecycle:
                  security: {actor: {id: svc}, policies: [all]}
            """,
            "store.lua": """
            return {main = function()
                process.registry.register("db")
                local events = process.events()
                while true do
                    local e = events:receive()
                    if e.kind == process.event.CANCEL then
                        process.registry.register("stopping.db")
                        return
                    end
                end
            end}
            """,
            "client.lua": """
            local time = require("time")
            return {main = function()
                local pid = process.registry.lookup("db")
                if not pid then
                    process.registry.register("api.started.before.db.registered")
                    error("db is not running yet") -- restarted: a started service may not be ready
                end
                process.registry.register("api.ready")
                local events = process.events()
                while true do
                    local e = events:receive()
                    if e.kind == process.event.CANCEL then
                        time.sleep("30ms") -- a slow stop: db must still wait for it
                        process.registry.register("stopping.api")
                        return
                    end
                end
            end}
            """,
        ])
    }

    @Test(.timeLimit(.minutes(1)))
    func servicesStartAfterWhatTheyRequireAndStopBeforeIt() async throws {
        let directory = try Self.dependentServicesTree()
        defer { PolicyCLI.remove(directory) }
        let audit = directory + "/audit.jsonl"
        let result = try await RunHarness.run([directory, "--audit", audit, "--mode", "sync"]) { _ in
            ((try? String(contentsOfFile: audit, encoding: .utf8)) ?? "").contains("\"api.ready\"")
        }
        #expect(result.code == 0, "\(result.errors)")
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        // PIDs on a host count up, so db (pulled in although not auto-started) was spawned first.
        func pid(of line: Substring) -> String? {
            line.range(of: #"\"pid\":\"\{app:processes\|0x[0-9a-f]+\}"#, options: .regularExpression).map {
                String(line[$0])
            }
        }
        let dbPID = try #require(lines.first { $0.contains("\"resource\":\"db\"") }.flatMap(pid))
        let firstAPIPID = try #require(lines.first { $0.contains("\"resource\":\"api.") }.flatMap(pid))
        #expect(dbPID < firstAPIPID, "api was spawned before the db it requires")
        let api = try #require(lines.firstIndex { $0.contains("\"stopping.api\"") })
        let db = try #require(lines.firstIndex { $0.contains("\"stopping.db\"") })
        #expect(api < db, "db was stopped before the api that requires it")
    }

    @Test(.timeLimit(.minutes(1)))
    func maxAttemptsZeroRestartsWithoutLimitAndAStableRunStartsTheCountAgain() async throws {
        let directory = try RunHarness.tree([
            "app.yaml": """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - {name: crash, kind: process.lua, source: "file://crash.lua", method: main}
              - {name: slow, kind: process.lua, source: "file://slow.lua", method: main, modules: [time]}
              - name: crasher
                kind: process.service
                process: crash
                host: processes
                lifecycle:
                  auto_start: true
                  restart: {max_attempts: 0, initial_delay: 5ms, max_delay: 5ms}
              - name: steady
                kind: process.service
                process: slow
                host: processes
                lifecycle:
                  auto_start: true
                  stable_threshold: 10ms
                  restart: {max_attempts: 1, initial_delay: 5ms}
            """,
            "crash.lua": "return {main = function() error(\"crashed\") end}\n",
            "slow.lua":
                "local time = require(\"time\")\nreturn {main = function() time.sleep(\"20ms\") error(\"late\") end}\n",
        ])
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run([directory, "--audit", directory + "/a.jsonl"]) {
            $0.contains("restart 7 (no limit)") && $0.components(separatedBy: "steady exited").count > 3
        }
        #expect(result.code == 0)
        #expect(result.errors.contains("service app:crasher exited abnormally"))
        // Each 20 ms run of `steady` outlasts its 10 ms threshold, so its one restart is never used up.
        #expect(!result.errors.contains("app:steady exited abnormally: late; it stays down"))
        #expect(result.errors.contains("restart 1 of 1"))
    }
}
