import Testing
import WardenLua
import WardenRuntime
import WardenValue

/// A process pays only for what its code uses: the standard libraries and the host's globals
/// are made on first use, the prelude and the entry's chunk are loaded from bytecode compiled
/// once.
@Suite(.timeLimit(.minutes(1))) struct LuaFootprintTests {
    @Test func aFreshProcessStateIsSmall() async throws {
        // The state of a process whose method has just started: the bare Lua state (about 5 KB),
        // the base library, the boot piece and this chunk (11.7 KB measured; with the whole
        // prelude compiled per process it was about 60 KB).
        let result = try await runLua("return { main = function() return collectgarbage(\"count\") * 1024 end }")
        let bytes = try #require(exitValue(result)?.numericValue)
        #expect(bytes <= 14 * 1024, "a fresh process state holds \(Int(bytes)) bytes")
    }

    @Test func anIdleProcessUsingTheProcessAPIStaysSmall() async throws {
        // What an idle process does: takes its inbox and waits; measured just before the wait,
        // with everything that wait needs already loaded (16.1 KB measured, garbage not yet
        // collected included; 35.6 KB when `process` and the channel methods were Lua code
        // loaded into every process).
        let result = try await runLua(
            """
            return { main = function()
                local inbox = process.inbox()
                local _ = inbox.receive
                return collectgarbage("count") * 1024
            end }
            """)
        let bytes = try #require(exitValue(result)?.numericValue)
        #expect(bytes <= 20 * 1024, "an idle process state holds \(Int(bytes)) bytes")
    }

    @Test func blocksOfEverySizeKeepTheirContentsAsTheyGrowShrinkAndAreReused() async throws {
        // A state's small blocks come from its own arena (size classes up to 512 bytes), larger
        // ones from malloc: strings of every length on both sides of that limit, a table grown
        // key by key past it and emptied again, and garbage of every class collected and reused.
        let result = try await runLua(
            """
            return { main = function()
                local kept, bad = {}, 0
                for n = 1, 1200 do kept[n] = string.rep(string.char(65 + n % 26), n) end
                for n = 1, 1200 do
                    local s, c = kept[n], 65 + n % 26
                    if #s ~= n or s:byte(1) ~= c or s:byte(n) ~= c then bad = bad + 1 end
                end
                local t, sum = {}, 0
                for i = 1, 3000 do t["k" .. i] = i end
                for i = 1, 3000 do sum = sum + t["k" .. i] end
                for i = 1, 3000 do t["k" .. i] = nil end
                t.after = 1
                local total = 0
                for round = 1, 50 do
                    local garbage = {}
                    for n = 1, 600, 7 do garbage[#garbage + 1] = {string.rep("z", n)} end
                    for _, v in ipairs(garbage) do total = total + #v[1] end
                end
                return {bad, sum, total, t.after}
            end }
            """)
        #expect(exitError(result) == nil, "\(String(describing: exitError(result)))")
        // 3000 * 3001 / 2; 50 rounds of 1 + 8 + ... + 596 (86 strings, 25,671 bytes).
        #expect(exitValue(result) == [0, 4_501_500, 1_283_550, 1])
    }

    @Test func librariesOpenOnFirstUseWithTheirRestrictions() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local upper = ("abc"):upper()     -- string methods before `string` is named
                local same = ("x").rep == string.rep
                return {
                    upper = upper, same = same, dump = type(string.dump), insert = type(table.insert),
                    floor = math.floor(2.5), len = utf8.len("héllo"), execute = type(os.execute),
                    time = type(os.time), spawn = type(coroutine.spawn), wrap = type(coroutine.wrap),
                    protected = getmetatable(_G), missing = type(undefined_global_name),
                }
            end }
            """)
        #expect(exitError(result) == nil, "\(String(describing: exitError(result)))")
        #expect(
            exitValue(result)
                == [
                    "upper": "ABC", "same": true, "dump": "nil", "insert": "function", "floor": 2, "len": 5,
                    "execute": "nil", "time": "function", "spawn": "function", "wrap": "function",
                    "protected": false, "missing": "nil",
                ])
    }

    @Test func theGlobalTableCannotBeGivenAnotherMetatable() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ok, err = pcall(setmetatable, _G, {})
                return {ok, tostring(err):find("protected metatable") ~= nil, type(process.pid)}
            end }
            """)
        #expect(exitValue(result) == [false, true, "function"])
    }
}
