import Testing
import WardenLua
import WardenRuntime
import WardenValue

let echoSource = """
    return { main = function()
        local inbox = process.inbox()
        while true do
            local msg, ok = inbox:receive()
            if not ok then return "closed" end
            if msg:topic() == "stop" then return "stopped" end
            process.send(msg:from(), "echo", msg:payload():data())
        end
    end }
    """

@Suite(.timeLimit(.minutes(1))) struct LuaMessagingTests {
    @Test func messagesRoundTripThroughASpawnedLuaProcess() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid, err = process.spawn("test:echo", "app:processes")
                if not pid then return "spawn failed: " .. err end
                process.send(pid, "ping", {n = 1, list = {1, 2.5, "x"}})
                local msg = process.inbox():receive()
                process.send(pid, "stop")
                local data = msg:payload():data()
                return {msg:topic(), msg:from() == pid, data.n, data.list[2], math.type(data.list[1])}
            end }
            """, with: ["test:echo": echoSource])
        #expect(exitValue(result) == ["echo", true, 1, 2.5, "integer"])
    }

    @Test func payloadsKeepTheirCountNilsAndOrderThroughAnEcho() async throws {
        // No values, several values with a nil between them, and a table: `data()` gives back
        // exactly what was sent, nils and trailing values included.
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn("test:echo", "app:processes")
                local inbox = process.inbox()
                local function echo(...)
                    process.send(pid, "ping", ...)
                    local msg = inbox:receive()
                    return select("#", msg:payload():data()), msg:payload():data()
                end
                local none = echo()
                local count, a, b, c, d = echo(1, nil, "three", {k = "v"})
                process.send(pid, "stop")
                return {none, count, a, b == nil, c, d.k}
            end }
            """, with: ["test:echo": echoSource])
        #expect(exitValue(result) == [0, 4, 1, true, "three", "v"])
    }

    @Test func errorsHaveKindMessageTostringAndConcatenation() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid, err = process.spawn("test:missing", "app:processes")
                return {pid == nil, err:kind(), err:message() == tostring(err), ("spawn failed: " .. err):sub(1, 14)}
            end }
            """)
        #expect(exitValue(result) == [true, "NOT_FOUND", true, "spawn failed: "])
    }

    @Test func sendingAFunctionIsInvalidNamingWhatWasFound() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ok, err = process.send(process.pid(), "t", {f = print})
                local t = {}; t.self = t
                local ok2, err2 = process.send(process.pid(), "t", t)
                return {ok == nil, err:kind(), err:message():find("function") ~= nil, err2:message():find("cyclic") ~= nil}
            end }
            """)
        #expect(exitValue(result) == [true, "INVALID", true, true])
    }

    @Test func monitoredChildrenReportTheirExitAsAnEvent() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn_monitored("test:fails", "app:processes")
                local event = process.events():receive()
                return {event.kind == process.event.EXIT, event.from == pid, event.result.error:find("oops") ~= nil}
            end }
            """, with: ["test:fails": "return { main = function() error('oops') end }"])
        #expect(exitValue(result) == [true, true, true])
    }

    @Test func linkedFailureWithTrapLinksArrivesAsLinkDown() async throws {
        let result = try await runLua(
            """
            return { main = function()
                process.set_options({trap_links = true})
                local pid = process.spawn_linked("test:fails", "app:processes")
                local event = process.events():receive()
                return {event.kind, process.get_options().trap_links}
            end }
            """, with: ["test:fails": "return { main = function() error('oops') end }"])
        #expect(exitValue(result) == ["LINK_DOWN", true])
    }

    @Test func execReturnsTheChildsResult() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local v, err = process.exec("test:double", "app:processes", 21)
                local none, err2 = process.exec("test:fails", "app:processes")
                return {v, none == nil, err2:kind()}
            end }
            """,
            with: [
                "test:double": "return { main = function(x) return x * 2 end }",
                "test:fails": "return { main = function() error('oops') end }",
            ])
        #expect(exitValue(result) == [42, true, "INTERNAL"])
    }

    @Test func registryNamesResolveAndWithNameSignalsTheHolder() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.with_name("echo"):spawn("test:echo", "app:processes")
                local again = process.with_name("echo"):with_message("ping", "hi"):spawn("test:echo", "app:processes")
                local found = process.registry.lookup("echo")
                local msg = process.inbox():receive()
                local _, missing = process.registry.lookup("nobody")
                local ok = process.registry.register("me")
                local taken, err = process.registry.register("echo")
                process.send("echo", "stop")
                return {pid == again, found == pid, msg:payload():data(), missing:kind(), ok, err:kind()}
            end }
            """, with: ["test:echo": echoSource])
        #expect(exitValue(result) == [true, true, "hi", "NOT_FOUND", true, "ALREADY_EXISTS"])
    }

    @Test func listenChannelsReceiveRawPayloadsAndUnlistenRoutesToTheInbox() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local jobs = process.listen("job")
                local same = process.listen("job")
                process.send(process.pid(), "job", "first")
                local v = jobs:receive()
                process.unlisten(jobs)
                process.send(process.pid(), "job", "second")
                local msg = process.inbox():receive()
                return {jobs == same, v, msg:topic(), msg:payload():data()}
            end }
            """)
        #expect(exitValue(result) == [true, "first", "job", "second"])
    }

    @Test func selectWaitsOnTheInboxAndALocalChannelTogether() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local local_ch = channel.new()
                coroutine.spawn(function()
                    process.send(process.pid(), "hello", "from inbox")
                end)
                local r = channel.select({local_ch:case_receive(), process.inbox():case_receive()})
                return {r.channel == process.inbox(), r.value:payload():data()}
            end }
            """)
        #expect(exitValue(result) == [true, "from inbox"])
    }

    @Test func cancelDeliversACancelEventWithADeadline() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn_monitored("test:graceful", "app:processes")
                process.cancel(pid, "5s")
                local event = process.events():receive()
                return event.result.value
            end }
            """,
            with: [
                "test:graceful": """
                return { main = function()
                    local e = process.events():receive()
                    return {e.kind, e.deadline:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d%.%d+Z$") ~= nil}
                end }
                """
            ])
        #expect(exitValue(result) == ["CANCEL", true])
    }

    @Test func spawnerBuilderPassesContextActorAndMessages() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local spawner = process.with_context({request_id = "123"})
                    :with_actor({id = "user:7", meta = {role = "admin"}})
                    :with_message("hello", 1, 2)
                local pid, err = spawner:spawn_monitored("test:child", "app:processes")
                if not pid then return tostring(err) end
                local event = process.events():receive()
                return event.result.value
            end }
            """,
            with: [
                "test:child": """
                return { main = function()
                    local msg = process.inbox():receive()
                    local a, b = msg:payload():data()
                    return {msg:topic(), a + b}
                end }
                """
            ])
        #expect(exitValue(result) == ["hello", 3])
    }
}
