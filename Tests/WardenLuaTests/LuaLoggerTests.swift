import InMemoryLogging
import Logging
import Testing
import WardenLocalRuntime
import WardenLua
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(1))) struct LuaLoggerTests {
    /// Runs `source` as `app:logging` under `actor` with the `logger` module, logging into a
    /// fresh in-memory handler; returns the exit and what was logged.
    func run(_ source: String, actor: Actor? = Actor(id: "svc-user")) async throws -> (
        ExitResult, [InMemoryLogHandler.Entry]
    ) {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test.lua") { _ in handler }
        logger.logLevel = .debug
        let definition = try LuaProcessDefinition(
            id: "app:logging", source: source, chunkName: "logging.lua", method: "main", modules: ["logger"],
            services: LuaHostServices(logger: logger))
        let runtime = LocalRuntime()
        runtime.addHost(luaHost, maxProcesses: 10)
        runtime.register(definition.definition)
        let handle = try await runtime.start(
            StartRequest(definition: "app:logging", host: luaHost, security: SecurityContext(actor: actor)))
        let result = try await handle.result()
        await runtime.shutdown()
        return (result, handler.entries)
    }

    @Test func levelsMessagesAndFieldsReachSwiftLogWithThePidActorAndEntry() async throws {
        let (result, entries) = try await run(
            """
            local logger = require("logger")
            return { main = function()
                logger:debug("starting")
                logger:info("request", {path = "/x", status = 200, ok = true})
                logger:warn("slow", {ms = 1.5})
                logger:error("failed", {pid = "<forged>"})
                return process.pid()
            end }
            """)
        let pid = try #require(exitValue(result)?.stringValue)
        #expect(entries.map(\.level) == [.debug, .info, .warning, .error])
        #expect(entries.map(\.message.description) == ["starting", "request", "slow", "failed"])
        #expect(entries[1].metadata["path"] == "/x")
        #expect(entries[1].metadata["status"]?.description == "200")
        #expect(entries[1].metadata["ok"]?.description == "true")
        #expect(entries[2].metadata["ms"]?.description == "1.5")
        for entry in entries {
            #expect(entry.metadata["pid"]?.description == pid)
            #expect(entry.metadata["actor"] == "svc-user")
            #expect(entry.metadata["entry"] == "app:logging")
        }
    }

    @Test func withAndNamedMakeLoggersThatAddFieldsAndANameWithoutChangingTheOriginal() async throws {
        let (result, entries) = try await run(
            """
            local logger = require("logger")
            return { main = function()
                local child = logger:with({request_id = "r1"}):named("http")
                child:info("one", {extra = 1})
                child:named("client"):info("two")
                logger:info("three")
            end }
            """, actor: nil)
        #expect(exitError(result) == nil, "\(String(describing: exitError(result)))")
        #expect(entries.count == 3)
        #expect(entries[0].metadata["request_id"] == "r1")
        #expect(entries[0].metadata["extra"]?.description == "1")
        #expect(entries[0].metadata["logger"] == "http")
        #expect(entries[1].metadata["logger"] == "http.client")
        #expect(entries[2].metadata["request_id"] == nil)
        #expect(entries[2].metadata["logger"] == nil)
        #expect(entries[2].metadata["actor"] == nil)
    }

    @Test func badArgumentsAreLuaErrorsThatNameTheFix() async throws {
        let (result, entries) = try await run(
            """
            local logger = require("logger")
            return { main = function()
                local a, e1 = pcall(logger.info, "no self")
                local b, e2 = pcall(logger.info, logger, "x", "not a table")
                local c, e3 = pcall(logger.info, logger, "x", {f = function() end})
                return {a, e1, b, e2, c, e3}
            end }
            """)
        let values = try #require(exitValue(result)?.listValue)
        #expect(values[0] == false && values[2] == false && values[4] == false)
        #expect(values[1].stringValue?.contains("hint: call it as logger:info(message)") == true)
        #expect(values[3].stringValue?.contains("logger fields must be a table, not string") == true)
        #expect(values[5].stringValue?.contains("function") == true)
        #expect(entries.isEmpty)
    }
}
