import Testing
import WardenLua
import WardenRuntime
import WardenValue

@Suite struct LuaProcessBasicsTests {
    @Test func theMethodRunsWithTheSpawnArgumentsAndItsResultIsTheExitValue() async throws {
        let result = try await runLua(
            """
            local M = {}
            function M.main(a, b) return {sum = a + b, kind = math.type(a + b)} end
            return M
            """, args: [2, 40])
        #expect(exitValue(result) == ["sum": 42, "kind": "integer"])
    }

    @Test func aLuaErrorEndsTheProcessWithMessageAndTraceback() async throws {
        let result = try await runLua(
            """
            local M = {}
            local function inner() error("boom") end
            function M.main() inner() end
            return M
            """)
        let error = try #require(exitError(result))
        #expect(error.message.hasPrefix("test_root.lua:2: boom"))
        #expect(error.message.contains("stack traceback:"))
        #expect(error.message.contains("inner"), "\(error.message)")
    }

    @Test func returningNilAndAnErrorValueIsAnAbnormalExit() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local ok, err = process.send("nobody", "t")
                return nil, err
            end }
            """)
        let error = try #require(exitError(result))
        #expect(error.kind == .notFound)
    }

    @Test func unsafeStandardLibraryPartsAreAbsent() async throws {
        let result = try await runLua(
            """
            return { main = function()
                local binary_load = select(2, load("\\27Lua"))
                return {
                    io = type(io), debug = type(debug), dofile = type(dofile), loadfile = type(loadfile),
                    execute = type(os.execute), exit = type(os.exit), getenv = type(os.getenv),
                    remove = type(os.remove), time = type(os.time), clock = type(os.clock),
                    package = type(package), require = type(require),
                    collect = pcall(collectgarbage, "collect"), count = type(collectgarbage("count")),
                    binary = binary_load ~= nil, text = load("return 1 + 1")(),
                }
            end }
            """)
        #expect(exitError(result) == nil, "\(String(describing: exitError(result)))")
        #expect(
            exitValue(result)
                == [
                    "io": "nil", "debug": "nil", "dofile": "nil", "loadfile": "nil", "execute": "nil", "exit": "nil",
                    "getenv": "nil", "remove": "nil", "time": "function", "clock": "function", "package": "nil",
                    "require": "function", "collect": false, "count": "number", "binary": true, "text": 2,
                ])
    }

    @Test func nilAndAMessageStringIsAnAbnormalExitWithThatMessage() async throws {
        let failed = try await runLua("return { main = function() return nil, \"not configured\" end }")
        #expect(exitError(failed)?.message == "not configured")
        let fine = try await runLua("return { main = function() return nil, 42 end }")
        #expect(exitValue(fine) == .null)
    }

    @Test func aMissingMethodIsAnAbnormalExitNamingIt() async throws {
        let result = try await runLua("return {}")
        #expect(exitError(result)?.message.contains("method `main` not found") == true)
    }

    @Test func aSyntaxErrorIsALoadErrorWithFileAndLine() throws {
        #expect(throws: LuaLoadError.self) {
            _ = try LuaProcessDefinition(id: "x:y", source: "local x = = 1", chunkName: "bad.lua", method: "main")
        }
        do {
            _ = try LuaProcessDefinition(id: "x:y", source: "\n\nlocal x = = 1", chunkName: "bad.lua", method: "main")
        } catch {
            #expect(error.file == "bad.lua")
            #expect(error.line == 3)
        }
    }
}
