import Testing
import WardenLua
import WardenRuntime
import WardenValue

@Suite(.timeLimit(.minutes(1))) struct LuaChannelTests {
    @Test func bufferedChannelsKeepOrderAndDrainAfterClose() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch = channel.new(3)
                ch:send(1); ch:send("two"); ch:send({3})
                ch:close()
                local a = ch:receive()
                local b = ch:receive()
                local c = ch:receive()
                local d, ok = ch:receive()
                return {a, b, c[1], d == nil, ok}
            end }
            """)
        #expect(exitValue(result) == [1, "two", 3, true, false])
    }

    @Test func unbufferedSendWaitsForASpawnedReceiver() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch = channel.new()
                local done = channel.new(1)
                local log = {}
                coroutine.spawn(function()
                    for i = 1, 3 do
                        local v = ch:receive()
                        log[#log + 1] = "got " .. v
                    end
                    done:send(true)
                end)
                for i = 1, 3 do
                    ch:send(i)
                    log[#log + 1] = "sent " .. i
                end
                done:receive()
                return #log
            end }
            """)
        #expect(exitValue(result) == 6)
    }

    @Test func selectTakesTheReadyCaseOrTheDefault() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local a, b = channel.new(1), channel.new(1)
                local empty = channel.select({a:case_receive(), b:case_receive(), default = true})
                b:send("bee")
                local got = channel.select({a:case_receive(), b:case_receive()})
                local sent = channel.select({a:case_send("ay")})
                local back = a:receive()
                return {empty.default, got.channel == b, got.value, got.ok, sent.channel == a, back}
            end }
            """)
        #expect(exitValue(result) == [true, true, "bee", true, true, "ay"])
    }

    @Test func selectSeesAClosedChannelAsNotOk() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local a = channel.new()
                coroutine.spawn(function() a:close() end)
                local r = channel.select({a:case_receive()})
                return {r.value == nil, r.ok}
            end }
            """)
        #expect(exitValue(result) == [true, false])
    }

    @Test func sendingOnAClosedChannelRaises() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch = channel.new(1)
                ch:close()
                local ok, err = pcall(ch.send, ch, 1)
                return {ok, tostring(err):find("closed") ~= nil}
            end }
            """)
        #expect(exitValue(result) == [false, true])
    }

    /// A send that waits (a plain send, or a send case of `channel.select`) on an unbuffered
    /// channel nobody receives from: closing the channel wakes it with an error, which pcall
    /// catches. A plain send raises at its own line; select raises from inside the prelude.
    @Test(arguments: [
        ("ch:send(\"never received\")", "test_root.lua:5: send on a closed channel"),
        ("channel.select({ch:case_send(\"never received\")})", "send on a closed channel"),
    ])
    func aSendWaitingWhenItsChannelClosesRaises(send: String, message: String) async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch, started, done = channel.new(), channel.new(1), channel.new(1)
                coroutine.spawn(function()
                    started:send(true)
                    local ok, err = pcall(function() \(send) end)
                    done:send({ok, tostring(err)})
                end)
                started:receive()  -- the sender runs on to its send and waits there
                ch:close()
                local outcome = done:receive()
                return {outcome[1], outcome[2]}
            end }
            """)
        #expect(exitValue(result) == [false, .string(message)])
    }

    @Test func closingTwiceOrClosingAProcessChannelRaises() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch = channel.new()
                ch:close()
                local twice, e1 = pcall(function() ch:close() end)
                local inbox, e2 = pcall(function() process.inbox():close() end)
                local send, e3 = pcall(function() process.inbox():send(1) end)
                return {twice, e1, inbox, tostring(e2):find("process.unlisten", 1, true) ~= nil,
                    send, tostring(e3):find("process.send", 1, true) ~= nil}
            end }
            """)
        #expect(exitValue(result) == [false, "test_root.lua:4: close of a closed channel", false, true, false, true])
    }

    @Test func coroutinesBlockedForeverAreADeadlockNotAHang() async throws {
        let result = try await runLua(
            """
            return { main = function()
                channel.new():receive()
            end }
            """)
        #expect(exitError(result)?.code == "deadlock")
    }

    @Test func anErrorInsideASelectBranchEndsTheProcessWithItsLocation() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch = channel.new(1)
                ch:send(1)
                local r = channel.select({ch:case_receive()})
                if r.ok then error("bad branch") end
            end }
            """)
        #expect(exitError(result)?.message.hasPrefix("test_root.lua:5: bad branch") == true)
    }

    @Test func blockingInsideAPlainCoroutineIsAClearError() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ch = channel.new()
                local co = coroutine.create(function() return ch:receive() end)
                local ok, err = coroutine.resume(co)
                return {ok, tostring(err):find("coroutine.spawn") ~= nil}
            end }
            """)
        #expect(exitValue(result) == [false, true])
    }
}
