import Foundation
import Testing

/// The `io` module: the terminal of `warden run`, for processes on a `terminal.host` only.
@Suite struct RunTerminalTests {
    static let tree: [String: String] = [
        "app.yaml": """
        namespace: app
        entries:
          - {name: terminal, kind: terminal.host}
          - {name: processes, kind: process.host}
          - {name: adder, kind: process.lua, source: "file://adder.lua", method: main, modules: [io]}
        """,
        "adder.lua": """
        local io = require("io")
        return {main = function()
            local total, count = 0, 0
            while true do
                local line = io.readline()
                if line == nil then break end
                total, count = total + tonumber(line), count + 1
            end
            io.write("sum: ", total, "\\n")
            io.print("lines", count, true)
            return 0
        end}
        """,
    ]

    @Test func aProcessOnTheTerminalHostReadsInputLinesAndWritesOutput() async throws {
        let directory = try RunHarness.tree(Self.tree)
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run(
            [directory, "-x", "app:adder", "--no-strict", "--audit", directory + "/a.jsonl"], input: "1\n2\n39\n")
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output == "sum: 42\nlines\t3\ttrue\n")
    }

    @Test func theIOModuleIsAnErrorOnAProcessHost() async throws {
        let directory = try RunHarness.tree(Self.tree)
        defer { PolicyCLI.remove(directory) }
        let result = try await RunHarness.run(
            [directory, "-x", "app:processes/app:adder", "--no-strict", "--audit", directory + "/a.jsonl"], input: "1\n"
        )
        #expect(result.code == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("the `io` module is only available to processes on a terminal.host"))
        #expect(result.errors.contains("`app:processes`"))
    }
}
