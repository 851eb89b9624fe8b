import Testing
import WardenLua
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(1))) struct LuaModulesTests {
    @Test func requireOfAnUnlistedModuleFailsNamingTheEntryAndTheField() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ok, err = pcall(require, "time")
                local ok2, err2 = pcall(require, "http")
                return {ok, err, ok2, err2}
            end }
            """, modules: ["http"])
        #expect(
            exitValue(result)
                == [
                    false,
                    "module `time` is not listed in the `modules` of entry `test:root`; hint: add it to the entry's `modules`",
                    false,
                    "module `http` (listed in the `modules` of entry `test:root`) is not provided by this host",
                ])
    }

    @Test func theHostProvidesExactlyTheModulesOfTheSpecAndEachRequiresWhenListed() async throws {
        // spec/lua-host.md section 4 (`io` only on a terminal host, so not required here), and
        // `os`, which names the global's safe subset.
        let names = ["time", "json", "uuid", "ctx", "logger", "security", "os"]
        #expect(LuaHostModules.names == Set(names + ["io"]))
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        let result = try await runLua(
            """
            return { main = function()
                local kinds = {}
                for _, name in ipairs({\(list)}) do kinds[#kinds + 1] = type(require(name)) end
                return kinds
            end }
            """, modules: names)
        #expect(exitValue(result) == .list(names.map { _ in .string("table") }))
    }

    @Test func timeValuesDurationsAndFormatting() async throws {
        let result = try await runLua(
            """
            local time = require("time")
            return { main = function()
                local d = time.parse_duration("1h30m")
                local _, bad = time.parse_duration("soon")
                local t = time.now()
                local later = t:add("250ms")
                local epoch = t:add(-t:unix_nano())
                return {
                    d:nanoseconds() == 90 * time.MINUTE, bad:kind(), later:sub(t):nanoseconds() == 250 * time.MILLISECOND,
                    later > t, math.abs(t:unix() - os.time()) <= 2, epoch:utc():format(time.RFC3339),
                    epoch:add(1500 * time.MILLISECOND):utc():format("2006-01-02 15:04:05.000"),
                }
            end }
            """, modules: ["time"])
        #expect(
            exitValue(result)
                == [true, "INVALID", true, true, true, "1970-01-01T00:00:00Z", "1970-01-01 00:00:01.500"])
    }

    @Test func afterFiresInASelectAndSleepBlocksOnlyItsCoroutine() async throws {
        let result = try await runLua(
            """
            local time = require("time")
            return { main = function()
                local never = channel.new()
                local r = channel.select({never:case_receive(), time.after("20ms"):case_receive()})
                local fired = getmetatable(r.value) ~= nil and r.value:unix_nano() > 0
                local log = channel.new(10)
                coroutine.spawn(function() time.sleep("30ms"); log:send("slept") end)
                log:send("main first")
                local first = log:receive()
                local second = log:receive()
                return {r.channel ~= never, fired, first, second}
            end }
            """, modules: ["time"])
        #expect(exitValue(result) == [true, true, "main first", "slept"])
    }

    @Test func tickFiresRepeatedly() async throws {
        let result = try await runLua(
            """
            local time = require("time")
            return { main = function()
                local ticks = time.tick("5ms")
                local last = nil
                for i = 1, 3 do
                    local t = ticks:receive()
                    if last and not (t > last) then return "ticks out of order" end
                    last = t
                end
                return "ticked"
            end }
            """, modules: ["time"])
        #expect(exitValue(result) == "ticked")
    }

    @Test func anUnreadableDurationIsALuaErrorAtTheCallSite() async throws {
        let result = try await runLua(
            """
            local time = require("time")
            return { main = function()
                time.sleep("forever")
            end }
            """, modules: ["time"])
        #expect(exitError(result)?.message.hasPrefix("test_root.lua:3: invalid duration \"forever\"; hint:") == true)
    }
}

@Suite(.timeLimit(.minutes(1))) struct LuaDataModulesTests {
    @Test func jsonEncodesAndDecodesAndReportsBadInput() async throws {
        let result = try await runLua(
            """
            local json = require("json")
            return { main = function()
                local text = json.encode({b = {1, 2.5, "x"}, a = true})
                local back = json.decode(text)
                local none, err = json.decode("{oops")
                local _, fn_err = json.encode({f = print})
                return {text, back.b[2], none == nil, err:kind(), fn_err:kind()}
            end }
            """, modules: ["json"])
        #expect(exitValue(result) == [#"{"a":true,"b":[1,2.5,"x"]}"#, 2.5, true, "INVALID", "INVALID"])
    }

    @Test func uuidsHaveTheirVersion() async throws {
        let result = try await runLua(
            """
            local uuid = require("uuid")
            return { main = function()
                local pattern = "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-(%x)%x%x%x%-[89ab]%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"
                return {uuid.v4():match(pattern), uuid.v7():match(pattern), uuid.v4() ~= uuid.v4()}
            end }
            """, modules: ["uuid"])
        #expect(exitValue(result) == ["4", "7", true])
    }

    @Test func ctxSeesTheSpawnersContextValues() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.with_context({request_id = "123", n = 2})
                    :spawn_monitored("test:child", "app:processes")
                return process.events():receive().result.value
            end }
            """,
            with: [
                "test:child": """
                local ctx = require("ctx")
                return { main = function()
                    local _, err = ctx.get("missing")
                    return {ctx.get("request_id"), ctx.all().n, err:kind()}
                end }
                """
            ], modules: ["ctx"])
        #expect(exitValue(result) == ["123", 2, "NOT_FOUND"])
    }
}
