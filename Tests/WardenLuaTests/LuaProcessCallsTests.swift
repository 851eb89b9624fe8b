import Testing
import WardenLua
import WardenRuntime
import WardenValue

/// The remaining calls of spec/process.md section 1, from Lua, through the built-in runtime.
@Suite(.timeLimit(.minutes(1))) struct LuaProcessCallsTests {
    static let waiter = "return { main = function() return process.inbox():receive():payload():data() end }"

    @Test func pidAndIdNameTheProcessAndItsCallChain() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local child_id = process.exec("test:id", "app:processes")
                return {process.pid():sub(1, 16), process.id() == process.pid(), child_id == process.id()}
            end }
            """, with: ["test:id": "return { main = function() return process.id() end }"])
        #expect(exitValue(result) == ["{app:processes|0", true, true])
    }

    @Test func pairsOverProcessListsEveryCall() async throws {
        // The fields of `process` are made on first read; `pairs` still sees all of them.
        let result = try await runLua(
            """
            return { main = function()
                local names = {}
                for name, value in pairs(process) do names[#names + 1] = name .. ":" .. type(value) end
                table.sort(names)
                return names
            end }
            """)
        let expected: [String] =
            [
                "cancel", "events", "exec", "get_options", "id", "inbox", "link", "listen", "monitor", "pid", "send",
                "set_options", "spawn", "spawn_linked", "spawn_linked_monitored", "spawn_monitored", "terminate",
                "unlink", "unlisten", "unmonitor", "upgrade", "with_actor", "with_context", "with_message", "with_name",
                "with_scope",
            ].map { $0 + ":function" } + ["event:table", "registry:table"]
        #expect(exitValue(result) == .list(expected.sorted().map { .string($0) }))
    }

    @Test func theProcessTableAnswersUnknownNamesWithNilAndKeepsWhatItMade() async throws {
        let result = try await runLua(
            """
            return { main = function()
                return {
                    missing = process.no_such_call == nil,
                    same = process.send == process.send,
                    registry = process.registry == process.registry and type(process.registry.lookup),
                    events = process.event.CANCEL .. "," .. process.event.EXIT .. "," .. process.event.LINK_DOWN,
                }
            end }
            """)
        #expect(
            exitValue(result)
                == ["missing": true, "same": true, "registry": "function", "events": "CANCEL,EXIT,LINK_DOWN"])
    }

    @Test func unlistenOfSomethingElseIsAnInvalidError() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ok, err = process.unlisten({})
                return {ok == nil, err:kind(), err:message()}
            end }
            """)
        #expect(exitValue(result) == [true, "INVALID", "unlisten takes a channel returned by process.listen"])
    }

    @Test func terminateEndsTheTargetAndMonitorsSeeIt() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn("test:wait", "app:processes")
                local ok_monitor = process.monitor(pid)
                local ok = process.terminate(pid)
                local event = process.events():receive()
                local _, again = process.monitor(pid)
                local _, self_link = process.link(process.pid())
                return {ok_monitor, ok, event.kind, event.result.error, again:kind(), self_link:kind()}
            end }
            """, with: ["test:wait": Self.waiter])
        #expect(exitValue(result) == [true, true, "EXIT", "terminated", "NOT_FOUND", "INVALID"])
    }

    @Test func unmonitorAndUnlinkRemoveTheRelation() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn_linked_monitored("test:wait", "app:processes")
                local a = process.unmonitor(pid)
                local b = process.unlink(pid)
                local c = process.unlink(pid)
                process.terminate(pid)
                return {a, b, c}
            end }
            """, with: ["test:wait": Self.waiter])
        #expect(exitValue(result) == [true, true, true])
    }

    @Test func cancelWithABadDeadlineIsInvalid() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local _, err = process.cancel(process.pid(), "soon")
                local _, err2 = process.cancel(process.pid(), {})
                return {err:kind(), err2:kind()}
            end }
            """)
        #expect(exitValue(result) == ["INVALID", "INVALID"])
    }

    @Test func setOptionsRejectsUnknownOptions() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local _, err = process.set_options({trap = true})
                return {err:kind(), process.get_options().trap_links}
            end }
            """)
        #expect(exitValue(result) == ["INVALID", false])
    }

    @Test func upgradeKeepsThePidAndRunsTheNewCodeWithItsArguments() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn_monitored("test:v1", "app:processes")
                process.send(pid, "go", process.pid())
                local event = process.events():receive()
                return {event.from == pid, event.result.value}
            end }
            """,
            with: [
                "test:v1": """
                return { main = function()
                    local _, missing = process.upgrade("test:nowhere")
                    local parent = process.inbox():receive():payload():data()
                    process.upgrade("test:v2", missing:kind(), process.pid())
                    error("not reached")
                end }
                """,
                "test:v2": """
                return { main = function(kind, old_pid)
                    return {kind, old_pid == process.pid()}
                end }
                """,
            ])
        #expect(exitValue(result) == [true, ["NOT_FOUND", true]])
    }

    @Test func unregisterReportsWhetherTheNameWasHeld() async throws {
        let result = try await runLua(
            """
            return { main = function()
                process.registry.register("svc")
                local first = process.registry.unregister("svc")
                local second = process.registry.unregister("svc")
                return {first, second}
            end }
            """)
        #expect(exitValue(result) == [true, false])
    }

    @Test func withScopeAndWithActorNeedValidShapes() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local _, bad_actor = process.with_actor({meta = {}}):spawn("test:wait", "app:processes")
                local _, bad_scope = process.with_scope(42):spawn("test:wait", "app:processes")
                local ok = process.with_scope({policies = {"p1"}}):with_actor({id = "svc"})
                    :spawn("test:wait", "app:processes")
                return {bad_actor:kind(), bad_scope:kind(), ok ~= nil}
            end }
            """, with: ["test:wait": Self.waiter])
        #expect(exitValue(result) == ["INVALID", "INVALID", true])
    }
}
