import Foundation
import Testing
import WardenLocalRuntime
import WardenLua
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(1))) struct LuaIsolationTests {
    @Test func aBusyLoopDoesNotStarveAnotherProcess() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local spinner = process.spawn("test:spin", "app:processes")
                local v = process.exec("test:double", "app:processes", 21)
                process.terminate(spinner)
                return v
            end }
            """,
            with: [
                "test:spin": "return { main = function() while true do end end }",
                "test:double": "return { main = function(x) return x * 2 end }",
            ])
        #expect(exitValue(result) == 42)
    }

    /// A busy loop never suspends by itself: the hook must yield (or raise, inside a plain
    /// coroutine) for the termination to take effect; without it this test hangs until its limit.
    @Test func terminateStopsABusyLoop() async throws {
        let runtime = try luaRuntime([
            "test:spin": "return { main = function() local n = 0 while true do n = n + 1 end end }",
            "test:spin_in_pcall": """
            return { main = function()
                while true do pcall(function() while true do end end) end
            end }
            """,
            "test:spin_in_coroutine": """
            return { main = function()
                while true do
                    coroutine.resume(coroutine.create(function() while true do end end))
                end
            end }
            """,
        ])
        for id in ["test:spin", "test:spin_in_pcall", "test:spin_in_coroutine"] {
            let handle = try await runtime.start(StartRequest(definition: id, host: luaHost))
            try await Task.sleep(for: .milliseconds(20))
            await terminate(handle.pid, on: runtime)
            let result = try await handle.result()
            #expect(exitError(result) == .terminated, "\(id)")
        }
        await runtime.shutdown()
    }

    @Test func aProcessOverItsMemoryLimitEndsWithMemoryLimitExceeded() async throws {
        let hog = """
            return { main = function()
                local t = {}
                for i = 1, 10000000 do t[i] = string.rep("x", 64) .. i end
                return #t
            end }
            """
        let result = try await runLua(
            """
            return { main = function()
                local pid = process.spawn_monitored("test:hog", "app:processes")
                local event = process.events():receive()
                return {event.result.error, process.exec("test:double", "app:processes", 2)}
            end }
            """,
            with: ["test:hog": hog, "test:double": "return { main = function(x) return x * 2 end }"],
            limits: LuaLimits(memoryLimit: 4 << 20))
        #expect(exitValue(result) == ["memory limit exceeded", 4])
    }

    @Test func catchingTheMemoryErrorDoesNotSaveTheProcess() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ok = pcall(function()
                    local t = {}
                    for i = 1, 10000000 do t[i] = {i} end
                end)
                local s = {}
                for i = 1, 1000 do s[i] = tostring(i) end
                return "survived"
            end }
            """, limits: LuaLimits(memoryLimit: 2 << 20))
        #expect(exitError(result)?.message == "memory limit exceeded")
    }

    @Test func processesDoNotShareGlobalsOrTables() async throws {
        let result = try await runLua(
            """
            shared_counter = 100
            string.secret = "root"
            return { main = function()
                local v = process.exec("test:peek", "app:processes")
                return {v, shared_counter, string.secret}
            end }
            """,
            with: [
                "test:peek": """
                return { main = function()
                    local seen = {tostring(shared_counter), tostring(string.secret)}
                    shared_counter = 1
                    string.secret = "child"
                    return seen
                end }
                """
            ])
        #expect(exitValue(result) == [["nil", "nil"], 100, "root"])
    }

    @Test func aThousandLuaProcessesPingPongConcurrently() async throws {
        let result = try await runLua(
            """
            return { main = function(count)
                local pids = {}
                for i = 1, count do
                    pids[i] = process.spawn("test:echo", "app:processes")
                end
                for round = 1, 3 do
                    for i = 1, count do process.send(pids[i], "ping", i) end
                    local sum = 0
                    for i = 1, count do
                        local msg = process.inbox():receive()
                        sum = sum + msg:payload():data()
                    end
                    if sum ~= count * (count + 1) // 2 then return "bad sum " .. sum end
                end
                for i = 1, count do process.send(pids[i], "stop") end
                return "ok"
            end }
            """, args: [1000], with: ["test:echo": echoSource])
        #expect(exitValue(result) == "ok")
    }
}

/// Terminates `pid` from outside any process, through a throwaway root.
func terminate(_ pid: PID, on runtime: LocalRuntime) async {
    runtime.register("test:terminator") { ctx in
        guard case .string(let target)? = ctx.args.first else { return .null }
        try await ctx.terminate(target)
        return .null
    }
    if let handle = try? await runtime.start(
        StartRequest(definition: "test:terminator", host: luaHost, args: [.string(pid.description)]))
    {
        _ = try? await handle.result()
    }
}

@Suite(.timeLimit(.minutes(1))) struct LuaMemoryOverdraftTests {
    /// A message bigger than the receiver's limit is pushed while Swift is on the stack (where
    /// Lua must not raise); the receiver then ends with `memory limit exceeded`, and the sender
    /// is not affected.
    @Test func aMessageOverTheReceiversLimitEndsTheReceiverOnly() async throws {
        let runtime = try luaRuntime(
            [
                "test:small":
                    "return { main = function() local m = process.inbox():receive() return #m:payload():data() end }"
            ],
            limits: LuaLimits(memoryLimit: 1 << 20))
        runtime.register("test:sender") { ctx in
            let child = try await ctx.spawnMonitored("test:small", host: luaHost)
            try await ctx.send(child, topic: "big", .string(String(repeating: "x", count: 4 << 20)))
            for await event in ctx.events() where event.kind == .exit {
                return event.result?.tableValue ?? .null
            }
            return .null
        }
        let handle = try await runtime.start(StartRequest(definition: "test:sender", host: luaHost))
        let result = try await handle.result()
        await runtime.shutdown()
        #expect(exitValue(result) == ["error": "memory limit exceeded"])
    }
}

@Suite(.timeLimit(.minutes(1))) struct LuaPreemptionTests {
    /// Busy loops on every worker thread must still let a process woken from outside (here by
    /// its sleep timer) run: without that, this test hangs until its time limit.
    @Test func busyLoopsOnEveryWorkerDoNotStarveAWokenProcess() async throws {
        let result = try await runLua(
            """
            local time = require("time")
            return { main = function()
                local spinners = {}
                for i = 1, 8 do spinners[i] = process.spawn("test:spin", "app:processes") end
                time.sleep("10ms")
                for i = 1, 8 do process.terminate(spinners[i]) end
                return "woke"
            end }
            """,
            with: ["test:spin": "return { main = function() while true do end end }"], modules: ["time"])
        #expect(exitValue(result) == "woke")
    }
}
